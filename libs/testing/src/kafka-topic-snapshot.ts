/**
 * Everything a set of Kafka topics holds right now, read from offset 0 to each partition's current
 * end with a throw-away consumer group: what an integrator bootstraps from, and what an erasure
 * audit searches. Raw bytes are kept, so a search sees exactly what the broker stores.
 */
import { uniqueName } from './unique-name';
import type { Kafka } from 'kafkajs';

export interface StoredMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  /** null for a tombstone. */
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
}

export async function readTopicsToEnd(
  kafka: Kafka,
  topics: readonly string[],
  timeoutMs = 30_000,
): Promise<StoredMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<string, number>();
  try {
    for (const topic of topics)
      for (const p of await admin.fetchTopicOffsets(topic))
        if (Number(p.high) > Number(p.low)) ends.set(`${topic}/${p.partition}`, Number(p.high) - 1);
  } finally {
    await admin.disconnect();
  }
  const read: StoredMessage[] = [];
  if (!ends.size) return read;
  const left = new Set(ends.keys());
  const consumer = kafka.consumer({ groupId: uniqueName('topic-snapshot') });
  const watcher = kafka.admin();
  await Promise.all([consumer.connect(), watcher.connect()]);
  let poll: NodeJS.Timeout | undefined;
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`partitions not read to their end: ${[...left].join(', ')}`)),
        timeoutMs,
      );
      const done = (id: string) => {
        left.delete(id);
        if (left.size) return;
        clearTimeout(timer);
        resolve();
      };
      // Retention may delete a partition's messages before they are read: nothing left to wait for.
      poll = setInterval(() => {
        void Promise.all(
          [...new Set([...left].map((id) => id.slice(0, id.lastIndexOf('/'))))].map(
            async (topic) => {
              for (const p of await watcher.fetchTopicOffsets(topic)) {
                const id = `${topic}/${p.partition}`;
                if (left.has(id) && Number(p.low) > ends.get(id)!) done(id);
              }
            },
          ),
        ).catch(() => undefined);
      }, 1000);
      consumer
        .run({
          eachMessage: async ({ topic, partition, message }) => {
            const id = `${topic}/${partition}`;
            const end = ends.get(id);
            if (end === undefined) return;
            const offset = Number(message.offset);
            // Past the end: compaction removed the last offsets, or this was appended meanwhile.
            if (offset <= end)
              read.push({
                topic,
                partition,
                offset: message.offset,
                key: message.key?.toString() ?? '',
                value: message.value,
                headers: Object.fromEntries(
                  Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? '']),
                ),
              });
            if (offset >= end && left.has(id)) done(id);
          },
        })
        .catch((error: Error) => {
          clearTimeout(timer);
          reject(error);
        });
    });
  } finally {
    clearInterval(poll);
    await Promise.all([consumer.disconnect(), watcher.disconnect()]);
  }
  return read;
}
