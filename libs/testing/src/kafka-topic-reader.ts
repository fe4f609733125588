/**
 * Reads a topic from its beginning with a throw-away consumer group until one message of this run
 * (told apart by its CloudEvents tenant header) matches, or a bounded wait runs out.
 */
import { uniqueName } from './unique-name';
import { Kafka, logLevel } from 'kafkajs';

export interface TopicMessage {
  readonly type: string;
  readonly subject: string;
  readonly key: string;
  readonly data: any;
}

export async function waitForTopicMessage(options: {
  brokers: string[];
  topic: string;
  tenant: string;
  matches: (message: TopicMessage) => boolean;
  timeoutMs: number;
}): Promise<TopicMessage> {
  const consumer = new Kafka({
    clientId: 'crm-system-e2e',
    brokers: options.brokers,
    logLevel: logLevel.NOTHING,
  }).consumer({ groupId: uniqueName('crm-system-e2e') });
  const seenTypes: string[] = [];
  const header = (headers: Record<string, unknown> | undefined, name: string) =>
    headers?.[name]?.toString() ?? '';
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: options.topic, fromBeginning: true });
    return await new Promise<TopicMessage>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no matching message on ${options.topic} within ${options.timeoutMs} ms; ` +
                `this tenant's types seen: ${seenTypes.join(', ') || 'none'}`,
            ),
          ),
        options.timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ message }) => {
            if (header(message.headers, 'ce_tenantid') !== options.tenant) return;
            const found: TopicMessage = {
              type: header(message.headers, 'ce_type'),
              subject: header(message.headers, 'ce_subject'),
              key: message.key?.toString() ?? '',
              data: JSON.parse(message.value?.toString() ?? 'null'),
            };
            seenTypes.push(found.type);
            if (options.matches(found)) {
              clearTimeout(timer);
              resolve(found);
            }
          },
        })
        .catch((error: Error) => {
          clearTimeout(timer);
          reject(error);
        });
    });
  } finally {
    await consumer.disconnect();
  }
}
