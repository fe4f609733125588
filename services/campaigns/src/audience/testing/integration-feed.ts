/**
 * Tells a campaigns test app what the contacts and sales services publish: integration events
 * on their event topics and messages of their state topics, with the CloudEvents headers those
 * services set, through the transport the app consumes (the embedded log in its database, or
 * Kafka when started with KAFKA_BROKERS), in the test's MESSAGING_NAMESPACE. `deliver` waits
 * until the audience consumer recorded the message in its inbox, so the next one comes after it.
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
  /** `contacts` / `sales`: that service's event topic; `state`: the topic named by the state type. */
  readonly topic: 'contacts' | 'sales' | 'state';
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
  close(): Promise<void>;
}

export function openIntegrationFeed(
  t: CampaignsTestApp,
  pool: Pool,
  env: { KAFKA_BROKERS?: string } = {},
): IntegrationFeed {
  const transport = createTransport(
    messagingConfigFromEnv({ KAFKA_BROKERS: env.KAFKA_BROKERS ?? '', DATABASE_URL: t.db.url }),
    { clientId: 'campaigns-test-integration-feed' },
  );
  return {
    async deliver(message) {
      const id = message.id ?? randomUUID();
      const plainTopic = message.topic === 'state' ? message.type : topicFor(message.topic);
      const service = plainTopic.split('.')[1];
      await transport.send([
        {
          topic: namespacedName(process.env.MESSAGING_NAMESPACE ?? '', plainTopic),
          key: message.subject,
          value: message.data === null ? null : JSON.stringify(message.data),
          headers: toCloudEventHeaders({
            id,
            type: message.type,
            source: `/crm/${service}`,
            time: message.time ?? new Date().toISOString(),
            subject: message.subject,
            tenant: message.tenant ?? DEFAULT_TEST_TENANT,
          }),
        },
      ]);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const { rowCount } = await pool.query(
          `SELECT 1 FROM messaging.inbox WHERE consumer = $1 AND event_id = $2`,
          [AUDIENCE_CONSUMER.consumer, id],
        );
        if (rowCount) return id;
        if (Date.now() > deadline)
          throw new Error(`the audience consumer did not handle ${message.type} ${id} in 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => transport.close(),
  };
}
