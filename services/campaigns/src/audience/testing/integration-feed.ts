/**
 * Tells a campaigns test app what the contacts, sales and analytics services publish: integration events
 * on their event topics and messages of their state topics, with the CloudEvents headers those
 * services set, through the transport the app consumes (the embedded log in its database, or
 * Kafka when started with KAFKA_BROKERS), in the test's MESSAGING_NAMESPACE. `deliver` waits
 * until the consumer (the audience's unless named) recorded the message in its inbox, so the next
 * one comes after it.
 */
import { toCloudEventHeaders, topicFor } from '@crm/contracts';
import { createTransport, messagingConfigFromEnv, namespacedName } from '@crm/messaging';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { CampaignsTestApp } from '../../testing/campaigns-test-app';
import { AUDIENCE_CONSUMER } from '../audience-consumer';

/** The dev tokens' default tenant (a caller without `tenant`). */
export const DEFAULT_TEST_TENANT = 'tenant-a';

export interface FedMessage {
  /** `contacts` / `sales` / `analytics`: that service's event topic; `state`: the topic named by the state type. */
  readonly topic: 'contacts' | 'sales' | 'analytics' | 'state';
  readonly type: string;
  readonly subject: string;
  /** null: a tombstone (state topics only). */
  readonly data: object | null;
  readonly tenant?: string;
  /** `ce_id` (default a fresh UUID) and `ce_time` (default now). */
  readonly id?: string;
  readonly time?: string;
}

export interface IntegrationFeed {
  /** Sends the message and waits until the audience consumer handled it; returns its id. */
  deliver(message: FedMessage): Promise<string>;
  /** Sends the messages in one batch without waiting (for races); returns their ids. */
  send(messages: readonly FedMessage[]): Promise<string[]>;
  /** Waits until the audience consumer handled every one of these message ids. */
  handled(ids: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export function openIntegrationFeed(
  t: CampaignsTestApp,
  pool: Pool,
  env: { KAFKA_BROKERS?: string } = {},
  /** The consumer group whose inbox `deliver` and `handled` wait on. */
  consumer: string = String(AUDIENCE_CONSUMER.consumer),
): IntegrationFeed {
  const transport = createTransport(
    messagingConfigFromEnv({ KAFKA_BROKERS: env.KAFKA_BROKERS ?? '', DATABASE_URL: t.db.url }),
    { clientId: 'campaigns-test-integration-feed' },
  );
  const envelope = (message: FedMessage, id: string) => {
    const plainTopic = message.topic === 'state' ? message.type : topicFor(message.topic);
    return {
      topic: namespacedName(process.env.MESSAGING_NAMESPACE ?? '', plainTopic),
      key: message.subject,
      value: message.data === null ? null : JSON.stringify(message.data),
      headers: toCloudEventHeaders({
        id,
        type: message.type,
        source: `/crm/${plainTopic.split('.')[1]}`,
        time: message.time ?? new Date().toISOString(),
        subject: message.subject,
        tenant: message.tenant ?? DEFAULT_TEST_TENANT,
      }),
    };
  };
  const handled = async (ids: readonly string[]) => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM messaging.inbox WHERE consumer = $1 AND event_id = ANY($2::text[])`,
        [consumer, ids],
      );
      if (rows[0].n === new Set(ids).size) return;
      if (Date.now() > deadline)
        throw new Error(
          `consumer ${consumer} handled ${rows[0].n} of ${ids.length} messages in 30 s`,
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
