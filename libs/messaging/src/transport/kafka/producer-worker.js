// @ts-check
/**
 * The Kafka producer's own thread (see producer-thread.ts). kafkajs encodes record batches in
 * JavaScript (varints, CRC32C, buffer copies): most of a relay's CPU per event. Here that work runs
 * beside the thread that reads the event log and maps events, instead of after it.
 *
 * Plain JavaScript on purpose: a worker does not inherit jest's or swc's TypeScript loader.
 * Protocol (parent <-> worker):
 *   { id, topicMessages }       -> { id } once the broker acknowledged (acks=all), or { id, error }
 *   { id, topicMessages, afterId }
 *                               -> sent as above once request afterId is acknowledged; if that
 *                                  failed, not sent: { id, dropped: true }
 *   { id, topicMessages, held } -> kept until { go: id } (then sent as above) or { drop: id }
 *   { close: true }             -> the producer disconnects and the thread ends
 *   (worker)                    -> { log: { level, message, extra } } for kafkajs' own log lines
 */
const { parentPort, workerData } = require('node:worker_threads');
const { Buffer } = require('node:buffer');
const { Kafka } = require('kafkajs');
const { producerSession } = require('./producer-session');

if (!parentPort) throw new Error('producer-worker.js runs only as a worker thread');
const parent = parentPort;

const kafka = new Kafka({
  ...workerData.kafka,
  logCreator:
    () =>
    ({ level, log }) => {
      const { message, ...extra } = log;
      parent.postMessage({ log: { level, message, extra: plain(extra) } });
    },
});

const session = producerSession(kafka);

/** @param {{ topic: string, messages: { key: string, value: string | Uint8Array | null, headers: Record<string, string> }[] }[]} topicMessages */
async function send(topicMessages) {
  // A Buffer crosses the thread boundary as a plain Uint8Array; kafkajs wants a Buffer.
  for (const { messages } of topicMessages) {
    for (const m of messages) {
      // null stays null: a tombstone.
      if (m.value !== null && typeof m.value !== 'string')
        m.value = Buffer.from(m.value.buffer, m.value.byteOffset, m.value.byteLength);
    }
  }
  await session.send(topicMessages);
}

/** Requests copied over and waiting for their go, by id. */
const held = new Map();
/** Requests chained to one not yet settled, by the id they wait for. */
const chained = new Map();
/** How the most recent requests ended (true: acknowledged), for a chained request arriving late. */
const outcomes = new Map();
const OUTCOMES_KEPT = 1000;

parent.on('message', (request) => {
  if (request.close) {
    void session.close().then(() => parent.close());
  } else if (request.afterId !== undefined) {
    const outcome = outcomes.get(request.afterId);
    if (outcome === true) sendAndReply(request.id, request.topicMessages);
    else if (outcome === false) drop(request.id);
    else chained.set(request.afterId, [...(chained.get(request.afterId) ?? []), request]);
  } else if (request.held) {
    held.set(request.id, request.topicMessages);
  } else if (request.drop !== undefined) {
    held.delete(request.drop);
    settled(request.drop, false);
  } else if (request.go !== undefined) {
    const topicMessages = held.get(request.go);
    held.delete(request.go);
    sendAndReply(request.go, topicMessages);
  } else {
    sendAndReply(request.id, request.topicMessages);
  }
});

function sendAndReply(id, topicMessages) {
  send(topicMessages).then(
    () => {
      parent.postMessage({ id });
      settled(id, true);
    },
    (error) => {
      parent.postMessage({
        id,
        error: {
          name: error?.name ?? 'Error',
          message: String(error?.message ?? error),
          retriable: error?.retriable === true,
        },
      });
      settled(id, false);
    },
  );
}

/** Not sent, because the request it was chained to failed (and so on down the chain). */
function drop(id) {
  parent.postMessage({ id, dropped: true });
  settled(id, false);
}

/** Starts (or drops) the request chained to this one: no round trip through the parent. */
function settled(id, acknowledged) {
  outcomes.set(id, acknowledged);
  if (outcomes.size > OUTCOMES_KEPT) outcomes.delete(outcomes.keys().next().value);
  const next = chained.get(id) ?? [];
  chained.delete(id);
  for (const request of next) {
    if (acknowledged) sendAndReply(request.id, request.topicMessages);
    else drop(request.id);
  }
}

/** Log extras may hold errors or buffers: keep what JSON keeps, so they can cross threads. */
function plain(value) {
  try {
    return JSON.parse(JSON.stringify(value));
  } catch {
    return { unserializable: String(value) };
  }
}
