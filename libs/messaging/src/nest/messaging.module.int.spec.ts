/**
 * MessagingModule in a real Nest application (Fastify, embedded transport on real PostgreSQL):
 * handlers found by their decorator receive the service's own relayed events exactly once, and
 * /asyncapi.json serves the contract.
 */
import { PostgresEventStore } from '@crm/event-sourcing';
import { createTestDatabase, type TestDatabase } from '@crm/testing';
import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool, type PoolClient } from 'pg';
import type { ReceivedIntegrationEvent } from '../consumer/received-event';
import { messagingConfigFromEnv } from '../messaging-config';
import {
  appendContacts,
  contactsMapper,
  createEffectsTable,
  recordEffect,
  summarizeEffects,
  waitFor,
} from '../testing/contacts-fixture';
import { EmbeddedTransport } from '../transport/embedded/embedded-transport';
import { IntegrationEventHandler } from './integration-event-handler.decorator';
import { MessagingModule } from './messaging.module';

@Injectable()
class ContactDirectory {
  private readonly record = recordEffect('nest');

  @IntegrationEventHandler('crm.contacts.contact.registered.v1')
  @IntegrationEventHandler('crm.contacts.contact.details_changed.v1')
  async onContactEvent(event: ReceivedIntegrationEvent, tx: PoolClient): Promise<void> {
    await this.record(event, tx);
  }
}

describe('MessagingModule', () => {
  let db: TestDatabase;
  let pool: Pool;
  let logPool: Pool;
  let store: PostgresEventStore;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase('messaging_nest');
    pool = new Pool({ connectionString: db.url, max: 8 });
    logPool = new Pool({ connectionString: db.url, max: 4 });
    store = await PostgresEventStore.open(pool);
    await createEffectsTable(pool);

    @Module({
      imports: [
        MessagingModule.forRootAsync({
          useFactory: () => ({
            service: 'contacts',
            pool,
            transport: new EmbeddedTransport({ pool: logPool, maxIdleMs: 200 }),
            config: messagingConfigFromEnv({}),
            relay: { store, mapper: contactsMapper },
          }),
        }),
      ],
      providers: [ContactDirectory],
    })
    class TestServiceModule {}

    app = await NestFactory.create<NestFastifyApplication>(
      TestServiceModule,
      new FastifyAdapter(),
      { logger: false },
    );
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await store?.close();
    await pool?.end();
    await logPool?.end();
    await db?.drop();
  });

  it('delivers relayed events to decorated handlers exactly once', async () => {
    const published = await appendContacts(store, { prefix: 'nest', contacts: 10, perContact: 5 });
    const effects = await waitFor(
      'effects',
      () => summarizeEffects(pool),
      (e) => e.rows >= published,
    );
    expect(effects.rows).toBe(published);
    expect(effects.distinctEvents).toBe(published);
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM messaging.inbox WHERE consumer = 'contacts'`,
    );
    expect(rows[0].n).toBe(published);
  });

  it('provisions the published topic and its dead-letter topic', async () => {
    const { rows } = await logPool.query(
      'SELECT name, partitions FROM messaging_log.topics ORDER BY name',
    );
    expect(rows).toEqual([
      { name: 'crm.contacts.v1', partitions: 4 },
      { name: 'crm.contacts.v1.dlq', partitions: 1 },
    ]);
  });

  it('serves the AsyncAPI document at /asyncapi.json', async () => {
    const response = await app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: 'GET', url: '/asyncapi.json' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.asyncapi).toBe('3.0.0');
    expect(Object.values(body.channels).map((c: any) => c.address)).toContain('crm.contacts.v1');
  });
});
