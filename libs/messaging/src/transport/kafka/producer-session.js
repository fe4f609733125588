// @ts-check
/**
 * One kafkajs producer session: the settings every Kafka send of ours uses, connected on first
 * use and replaced after a failed send. Shared by the producer thread (producer-worker.js) and by
 * KafkaTransport when its producer stays in the caller's thread. Plain JavaScript so the worker
 * can load it without a TypeScript loader; types in producer-session.d.ts.
 *
 * Idempotent (the broker drops retried duplicates within a session), acks=all, one request in
 * flight (a retry can never reorder a partition), no topic auto-creation (topics are provisioned),
 * no compression. The partitioner is kafkajs' default (Java-compatible murmur2, as the embedded
 * log's), named so kafkajs does not warn at every start that its v2 default changed.
 */
const { CompressionTypes, Partitioners } = require('kafkajs');

/** @param {import('kafkajs').Kafka} kafka */
function producerSession(kafka) {
  /** @type {Promise<import('kafkajs').Producer> | undefined} */
  let producer;

  function connected() {
    if (!producer) {
      const created = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      const connecting = created.connect().then(() => created);
      connecting.catch(() => {
        if (producer === connecting) producer = undefined;
      });
      producer = connecting;
    }
    return producer;
  }

  async function close() {
    const current = producer;
    producer = undefined;
    if (current) await current.then((p) => p.disconnect()).catch(() => undefined);
  }

  /** @param {import('kafkajs').TopicMessages[]} topicMessages */
  async function send(topicMessages) {
    const ready = await connected();
    try {
      await ready.sendBatch({ acks: -1, compression: CompressionTypes.None, topicMessages });
    } catch (error) {
      // A failed idempotent producer may hold a stale sequence state; a fresh session lets the
      // caller's retry through (duplicates it causes are absorbed by the consumers' inbox).
      await close();
      throw error;
    }
  }

  return { send, close };
}

module.exports = { producerSession };
