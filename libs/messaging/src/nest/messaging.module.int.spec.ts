/**
 * MessagingModule in a real Nest application (Fastify, embedded transport on real PostgreSQL):
 * `@EventPattern` controller methods, and handler maps given in the options, receive the service's
 * own relayed events exactly once, all of it within the configured MESSAGING_NAMESPACE; and
 * /asyncapi.json serves the contract.
 */
import { PostgresEventStore } from '@crm/event-sourcing';
import { createTestDatabase, quietAfterEnd, uniqueName, type TestDatabase } from '@crm/testing';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Pool, type PoolClient } from 'pg';
import type { ReceivedIntegrationEvent } from '../consumer/received-event';
import { messagingConfigFromEnv } from '../messaging-config';
import {
  appendContacts,
  contactsMapper,
  createEffectsTable,
  recordEffect,
  REGISTERED,
  waitFor,
} from '../testing/contacts-fixture';
import { EmbeddedTransport } from '../transport/embedded/embedded-transport';
import { MessagingModule } from './messaging.module';

@Controller()
class ContactDirectory {
  private readonly record = recordEffect('nest');

  @EventPattern(['crm.contacts.contact.registered.v1', 'crm.contacts.contact.details_changed.v1'])
  async onContactEvent(event: ReceivedIntegrationEvent, tx: PoolClient): Promise<void> {
    await this.record(event, tx);
  }
}

const CONTACTS = 10;

describe('MessagingModule', () => {
  const namespace = uniqueName('nest');
  let db: TestDatabase;
  let pool: Pool;
  let logPool: Pool;
  let store: PostgresEventStore;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase('messaging_nest');
    pool = quietAfterEnd(new Pool({ connectionString: db.url, max: 8 }));
    logPool = quietAfterEnd(new Pool({ connectionString: db.url, max: 4 }));
    store = await PostgresEventStore.open(pool);
    await createEffectsTable(pool);

    @Module({
      imports: [
        MessagingModule.forRootAsync({
          useFactory: () => ({
            service: 'contacts',
            pool,
            transport: new EmbeddedTransport({ pool: logPool, maxIdleMs: 200 }),
            config: messagingConfigFromEnv({ MESSAGING_NAMESPACE: namespace }),
            relay: { store, mapper: contactsMapper },
            consumers: [
              { name: 'contacts.registrations', handlers: { [REGISTERED]: recordEffect('map') } },
            ],
          }),
        }),
      ],
      controllers: [ContactDirectory],
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

  /** instance -> [effect rows, distinct events] */
  async function effectsByInstance(): Promise<Record<string, [number, number]>> {
    const { rows } = await pool.query<{ instance: string; n: number; events: number }>(
      `SELECT instance, count(*)::int AS n, count(DISTINCT event_id)::int AS events
       FROM effects GROUP BY instance`,
    );
    return Object.fromEntries(rows.map((r) => [r.instance, [r.n, r.events]]));
  }

  it('delivers relayed events to decorated handlers and handler maps, each exactly once', async () => {
    const published = await appendContacts(store, {
      prefix: 'nest',
      contacts: CONTACTS,
      perContact: 5,
    });
    const effects = await waitFor(
      'effects',
      effectsByInstance,
      (e) => (e.nest?.[0] ?? 0) >= published && (e.map?.[0] ?? 0) >= CONTACTS,
    );
    // Give a duplicate delivery the chance to show up.
    await new Promise((r) => setTimeout(r, 500));
    expect(await effectsByInstance()).toEqual(effects);
    expect(effects).toEqual({ nest: [published, published], map: [CONTACTS, CONTACTS] });
    // The inbox keeps the plain consumer names: the namespace is the broker's business only.
    const { rows } = await pool.query(
      `SELECT consumer, count(*)::int AS n FROM messaging.inbox GROUP BY consumer ORDER BY consumer`,
    );
    expect(rows).toEqual([
      { consumer: 'contacts', n: published },
      { consumer: 'contacts.registrations', n: CONTACTS },
    ]);
  });

  it('provisions the published topic and its dead-letter topic, and joins groups, in its namespace', async () => {
    const { rows } = await logPool.query(
      'SELECT name, partitions FROM messaging_log.topics ORDER BY name',
    );
    expect(rows).toEqual([
      { name: `${namespace}.crm.contacts.v1`, partitions: 4 },
      { name: `${namespace}.crm.contacts.v1.dlq`, partitions: 1 },
    ]);
    const groups = await logPool.query(
      'SELECT DISTINCT group_id FROM messaging_log.group_members ORDER BY group_id',
    );
    expect(groups.rows.map((r) => r.group_id)).toEqual([
      `${namespace}.contacts`,
      `${namespace}.contacts.registrations`,
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
    expect(Object.values(body.channels).map((c: any) => c.address)).toContain(
      `${namespace}.crm.contacts.v1`,
    );
  });
});
