/**
 * A transport switch (issue 11): contacts ran on the embedded log, so nothing of it is on Kafka;
 * `republish-state` (the CLI behind `npm run contacts:republish-state`) then puts the current
 * state of every contact on the Kafka state topic from the event store, as the service decorates
 * it: an erased person is a tombstone, not a name.
 */
import { stateTopicFor } from '@crm/contracts';
import { messagingConfigFromEnv, namespacedName, runRepublishStateCli } from '@crm/messaging';
import { describeWithKafka, uniqueName } from '@crm/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { projectionRegistry } from '../projections.registry';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';
import { contactsStateSources } from './contacts-state';

jest.setTimeout(120_000);

describeWithKafka(
  'republish-state after a switch from the embedded log to Kafka (e2e)',
  ({ brokers }) => {
    let t: ContactsTestApp;
    const tenant = uniqueName('tenant');
    const namespace = uniqueName('republish');

    beforeAll(async () => {
      t = await startContactsTestApp(); // embedded transport
    });
    afterAll(async () => {
      await t?.close();
    });

    it('publishes every contact of the tenant from the log, the erased one as a tombstone', async () => {
      const register = async (given: string) => {
        const res = await t.call({
          method: 'POST',
          url: '/contacts',
          tenant,
          payload: { name: { given, family: 'Republishzz' } },
        });
        expect(res.statusCode).toBe(201);
        return res.json().id as string;
      };
      const kept = [await register('Ada'), await register('Alan')];
      const erased = await register('Eve');
      const manager = { tenant, roles: ['sales-manager' as const] };
      expect(
        (await t.call({ method: 'POST', url: `/contacts/${erased}/erase`, ...manager })).statusCode,
      ).toBe(200);
      const views = new Map<string, Record<string, unknown>>();
      for (const id of kept) {
        const view = (await t.call({ url: `/contacts/${id}`, tenant })).json();
        // The state also carries the consent per channel, as GET .../consent answers `channels`.
        const consent = (await t.call({ url: `/contacts/${id}/consent`, tenant })).json().channels;
        views.set(id, { ...view, consent });
      }
      // The service's own state publisher runs on the embedded log, which compacts: one message
      // per contact, the erased one's a tombstone.
      const log = new Pool({ connectionString: t.db.url, max: 1 });
      try {
        const onTheLog = async () =>
          (
            await log.query<{ key: string; tombstone: boolean }>(
              `SELECT key, value IS NULL AS tombstone FROM messaging_log.messages
              WHERE topic = 'crm.contacts.contact.state.v1' AND headers->>'ce_tenantid' = $1 ORDER BY key`,
              [tenant],
            )
          ).rows;
        const deadline = Date.now() + 20_000;
        while ((await onTheLog()).filter((r) => r.tombstone).length !== 1 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 200));
        expect(await onTheLog()).toEqual(
          [
            ...kept.map((key) => ({ key, tombstone: false })),
            { key: erased, tombstone: true },
          ].sort((a, b) => (a.key < b.key ? -1 : 1)),
        );
      } finally {
        await log.end();
      }
      // Up, nothing parked, measured.
      const ready = await t.call({ url: '/health/ready', anonymous: true });
      expect(ready.json().details.state).toEqual({ status: 'up', parked: 0, oldestParked: null });
      const metrics = await t.call({ url: '/metrics', anonymous: true });
      expect(metrics.body).toMatch(/state_publisher_lag_events\{publisher="contacts.state"\} \d+/);
      await t.stopApp();

      const lines: string[] = [];
      const config = messagingConfigFromEnv({
        KAFKA_BROKERS: brokers().join(','),
        MESSAGING_NAMESPACE: namespace,
      });
      const code = await runRepublishStateCli(
        {
          service: 'contacts',
          sources: contactsStateSources,
          openStore: (pool) => projectionRegistry.openStore(pool),
          config,
        },
        ['--database-url', t.db.url, '--tenant', tenant, '--aggregate', 'contact'],
        (line) => lines.push(line),
      );
      expect(lines.at(-1)).toBe(
        `done: 2 states and 1 tombstones of 3 subjects of tenant ${tenant}`,
      );
      expect(code).toBe(0);

      const topic = namespacedName(namespace, stateTopicFor('contacts', 'contact'));
      const consumer = new Kafka({
        clientId: 'republish-e2e',
        brokers: brokers(),
        logLevel: logLevel.NOTHING,
      }).consumer({
        groupId: uniqueName('republish-reader'),
      });
      const latest = new Map<string, { value: string | null; tenant: string }>();
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      try {
        await new Promise<void>((resolve) => {
          void consumer.run({
            eachMessage: async ({ message }) => {
              latest.set(message.key!.toString(), {
                value: message.value?.toString() ?? null,
                tenant: message.headers?.ce_tenantid?.toString() ?? '',
              });
              if (latest.size === 3) resolve();
            },
          });
        });
      } finally {
        await consumer.disconnect();
      }
      expect(latest.get(erased)).toEqual({ value: null, tenant });
      for (const id of kept) {
        const state = JSON.parse(latest.get(id)!.value!);
        // The state is the REST view (what GET answered before the switch), member by member.
        for (const [member, value] of Object.entries(state))
          expect([member, views.get(id)![member]]).toEqual([member, value]);
        expect(state.name).toMatchObject({ family: 'Republishzz' });
      }
    });
  },
);
