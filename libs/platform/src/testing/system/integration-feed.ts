/**
 * Plays the other services for a consumer under test: sends integration events on their event
 * topics and messages of their state topics, with the CloudEvents headers those services set,
 * through the transport the app consumes (the embedded log in its database, or Kafka when given
 * brokers), in the test's MESSAGING_NAMESPACE. `deliver` waits until the named consumer
 * recorded the message in its inbox, so the next one comes after it.
 */
import { toCloudEventHeaders, topicFor, type ServiceName } from '@crm/contracts';
import { createTransport, messagingConfigFromEnv, namespacedName } from '@crm/messaging';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

/** The dev tokens' default tenant (a caller without `tenant`). */
export const FEED_DEFAULT_TENANT = 'tenant-a';

export interface FedMessage {
  /** A service: its event topic; `state`: the state topic named by the type. */
  readonly topic: ServiceName | 'state';
  readonly type: string;
  readonly subject: string;
  /** null: a tombstone (state topics only). A string is sent as it is (a malformed body). */
  readonly data: object | string | null;
  readonly tenant?: string;
  /** `ce_id` (default a fresh UUID) and `ce_time` (default now). */
  readonly id?: string;
  readonly time?: string;
}

export interface IntegrationFeed {
  /** Sends the message and waits until the consumer handled it; returns its id. */
  deliver(message: FedMessage): Promise<string>;
  /** Sends the messages in one batch without waiting; returns their ids. */
  send(messages: readonly FedMessage[]): Promise<string[]>;
  /** Waits until the consumer handled every one of these message ids. */
  handled(ids: readonly string[], timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function openIntegrationFeed(options: {
  /** The consumer group whose inbox says "handled". */
  readonly consumer: string;
  /** The app's database (its inbox, and the embedded log). */
  readonly databaseUrl: string;
  readonly pool: Pool;
  readonly kafkaBrokers?: string;
}): IntegrationFeed {
  const transport = createTransport(
    messagingConfigFromEnv({
      KAFKA_BROKERS: options.kafkaBrokers ?? '',
      DATABASE_URL: options.databaseUrl,
    }),
    { clientId: 'test-integration-feed' },
  );
  const envelope = (message: FedMessage, id: string) => {
    const plainTopic = message.topic === 'state' ? message.type : topicFor(message.topic);
    return {
      topic: namespacedName(process.env.MESSAGING_NAMESPACE ?? '', plainTopic),
      key: message.subject,
      value:
        message.data === null
          ? null
          : typeof message.data === 'string'
            ? message.data
            : JSON.stringify(message.data),
      headers: toCloudEventHeaders({
        id,
        type: message.type,
        source: `/crm/${plainTopic.split('.')[1]}`,
        time: message.time ?? new Date().toISOString(),
        subject: message.subject,
        tenant: message.tenant ?? FEED_DEFAULT_TENANT,
      }),
    };
  };
  const handled = async (ids: readonly string[], timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await options.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messaging.inbox WHERE consumer = $1 AND event_id = ANY($2::text[])`,
        [options.consumer, ids],
      );
      if (rows[0].n === new Set(ids).size) return;
      if (Date.now() > deadline)
        throw new Error(
          `${options.consumer} handled ${rows[0].n} of ${ids.length} messages in ${timeoutMs} ms`,
        );
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  const send = async (messages: readonly FedMessage[]) => {
    const ids = messages.map((m) => m.id ?? randomUUID());
    await transport.send(messages.map((m, i) => envelope(m, ids[i])));
    return ids;
  };
  return {
    async deliver(message) {
      const [id] = await send([message]);
      await handled([id]);
      return id;
    },
    send,
    handled,
    close: () => transport.close(),
  };
}
