/**
 * IntegrationEventServer inside a Nest application (embedded transport, real PostgreSQL): an
 * `@EventPattern` handler's own error reaches the consumer, so a NonRetryableError is
 * dead-lettered at once and any other error is retried; the effect of a retried message is
 * written once; and a pattern that is no integration event type stops the boot.
 */
import { toCloudEventHeaders } from '@crm/contracts';
import { createTestDatabase, quietAfterEnd, type TestDatabase } from '@crm/testing';
import { Controller, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import pino from 'pino';
import { NonRetryableError } from '../consumer/errors';
import type { ReceivedIntegrationEvent } from '../consumer/received-event';
import { messagingConfigFromEnv } from '../messaging-config';
import { createEffectsTable, recordEffect, REGISTERED, waitFor } from '../testing/contacts-fixture';
import { EmbeddedTransport } from '../transport/embedded/embedded-transport';
import { MessagingModule } from './messaging.module';

const attempts = new Map<string, number>();

@Controller()
class FlakyDirectory {
  private readonly record = recordEffect('server');

  @EventPattern(REGISTERED)
  async onRegistered(event: ReceivedIntegrationEvent<{ contactId: string }>, tx: PoolClient) {
    const n = (attempts.get(event.subject!) ?? 0) + 1;
    attempts.set(event.subject!, n);
    if (event.subject === 'poison') throw new NonRetryableError('cannot be handled');
    if (event.subject === 'flaky' && n < 3) throw new Error(`attempt ${n} fails`);
    await this.record(event, tx);
  }
}

@Controller()
class UnknownPattern {
  @EventPattern('crm.contacts.contact.teleported.v1')
  async onTeleported(): Promise<void> {}
}

@Controller()
class RequestReply {
  @MessagePattern(REGISTERED)
  async onRegistered(): Promise<string> {
    return 'ok';
  }
}

describe('IntegrationEventServer', () => {
  let db: TestDatabase;
  let pool: Pool;
  let logPool: Pool;

  const messagingFor = (controllers: unknown[]) => {
    @Module({
      imports: [
        MessagingModule.forRootAsync({
          serveAsyncApi: false,
          useFactory: () => ({
            service: 'contacts',
            pool,
            transport: new EmbeddedTransport({ pool: logPool, maxIdleMs: 200 }),
            config: messagingConfigFromEnv({}),
            retry: { initialDelayMs: 10, maxDelayMs: 20 },
            logger: pino({ level: 'silent' }),
          }),
        }),
      ],
      controllers: controllers as never[],
    })
    class ServiceModule {}
    return NestFactory.createApplicationContext(ServiceModule, { logger: false });
  };

  beforeAll(async () => {
    db = await createTestDatabase('messaging_server');
    pool = quietAfterEnd(new Pool({ connectionString: db.url, max: 6 }));
    logPool = quietAfterEnd(new Pool({ connectionString: db.url, max: 4 }));
    await createEffectsTable(pool);
  });

  afterAll(async () => {
    await pool?.end();
    await logPool?.end();
    await db?.drop();
  });

  it('dead-letters a NonRetryableError at once and retries other handler errors', async () => {
    const app: INestApplicationContext = await messagingFor([FlakyDirectory]);
    const producer = new EmbeddedTransport({ pool: logPool });
    try {
      const send = (subject: string) =>
        producer.send([
          {
            topic: 'crm.contacts.v1',
            key: subject,
            value: JSON.stringify({
              contactId: subject,
              displayName: subject,
              lifecycleStage: 'lead',
              tags: ['seq-1'],
            }),
            headers: toCloudEventHeaders({
              id: randomUUID(),
              type: REGISTERED,
              source: '/crm/contacts',
              time: '2026-06-15T12:00:00Z',
              subject,
              tenant: 'tenant-a',
            }),
          },
        ]);
      await send('poison');
      await send('flaky');
      const effects = await waitFor(
        'the retried effect',
        async () => (await pool.query(`SELECT event_id FROM effects`)).rows,
        (rows) => rows.length > 0,
      );
      const dead = await waitFor(
        'the dead letter',
        async () =>
          (
            await logPool.query<{ headers: Record<string, string> }>(
              `SELECT headers FROM messaging_log.messages WHERE topic = 'crm.contacts.v1.dlq'`,
            )
          ).rows,
        (rows) => rows.length > 0,
      );
      expect(dead.map((r) => [r.headers.dlq_error_name, r.headers.dlq_attempts])).toEqual([
        ['NonRetryableError', '1'],
      ]);
      expect(effects).toHaveLength(1);
      expect(Object.fromEntries(attempts)).toEqual({ poison: 1, flaky: 3 });
    } finally {
      await app.close();
      await producer.close();
    }
  });

  it.each([
    [
      UnknownPattern,
      /UnknownPattern\.onTeleported: @EventPattern\(".+"\): not an integration event type/,
    ],
    [
      RequestReply,
      /RequestReply\.onRegistered: @MessagePattern\(".+"\): integration events are one-way/,
    ],
  ])('refuses to boot with %p', async (controller, message) => {
    await expect(messagingFor([controller])).rejects.toThrow(message);
  });
});
