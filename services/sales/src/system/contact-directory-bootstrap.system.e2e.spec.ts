/**
 * A sales database created after crm.contacts.v1 lost its history still knows every contact
 * (issue 13 "Also check", issue 11): contacts runs and registers people; `npm run
 * contacts:republish-state` puts their current state into a fresh MESSAGING_NAMESPACE, where
 * crm.contacts.v1 never held a message; a second sales process on a fresh database in that
 * namespace mirrors them from the state topics alone (names on its views, the erased person
 * refused). Both transports: the embedded log (the second sales reads the run's log through
 * MESSAGING_DATABASE_URL) and Kafka when the run has a broker.
 */
import { createTestDatabase, describeWithKafka, uniqueName, type TestDatabase } from '@crm/testing';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventually } from '@crm/testing';
import { SYSTEM_JWT_SECRET, STARTUP_TIMEOUT_MS, useRunningCrm } from '@crm/platform/testing';
import { serviceClient } from '@crm/platform/testing';
import { freePort, startServiceProcess, type ServiceProcess } from '@crm/platform/testing';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const manager = { roles: ['sales-manager' as const], sub: 'boss' };

function bootstrapSuite(kafkaBrokers: () => string[] | undefined) {
  const crm = useRunningCrm(kafkaBrokers);
  let lateDb: TestDatabase | undefined;
  let lateSales: ServiceProcess | undefined;
  afterAll(async () => {
    await lateSales?.stop();
    await lateDb?.drop();
  }, 30_000);

  it('a sales started on a fresh database in a fresh namespace knows the contacts from their state alone', async () => {
    const { contacts, tenant } = crm();
    const register = async (given: string, extra: object = {}) => {
      const res = await contacts.request('POST', '/contacts', {
        body: { name: { given, family: 'Bootstrapzz' }, ...extra },
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; displayName: string };
    };
    const company = await contacts.request('POST', '/companies', {
      body: { name: 'Analytical Engines' },
    });
    expect(company.status).toBe(201);
    const ada = await register('Ada', { companyId: company.body.id });
    const eve = await register('Eve');
    expect(
      (await contacts.request('POST', `/contacts/${eve.id}/erase`, { as: manager })).status,
    ).toBe(200);

    const brokers = kafkaBrokers()?.join(',');
    const namespace = uniqueName('bootstrap');
    const messagingEnv = {
      MESSAGING_NAMESPACE: namespace,
      // The embedded log is the run's database; Kafka ignores it.
      MESSAGING_DATABASE_URL: crm().databaseUrl,
      ...(brokers ? { KAFKA_BROKERS: brokers } : {}),
    };
    // The documented command, as an operator runs it (its republish reads contacts' log).
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '-s', 'contacts:republish-state', '--', '--tenant', tenant],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATABASE_URL: crm().databaseUrl,
          ...messagingEnv,
        },
      },
    );
    expect(stdout).toMatch(/done: \d+ states and 1 tombstones/);

    lateDb = await createTestDatabase('sales_late');
    const port = await freePort();
    lateSales = startServiceProcess('sales', port, {
      DATABASE_URL: lateDb.url,
      JWT_SECRET: SYSTEM_JWT_SECRET,
      ...messagingEnv,
    });
    await lateSales.ready(STARTUP_TIMEOUT_MS);
    const sales = serviceClient(lateSales.baseUrl, tenant, SYSTEM_JWT_SECRET);

    const activity = (contactId: string) =>
      sales.request('POST', '/activities', {
        body: {
          kind: 'task',
          subject: 'Follow up',
          dueAt: new Date(Date.now() + 86_400_000).toISOString(),
          contactId,
        },
      });
    const logged = await eventually(async () => {
      const res = await activity(ada.id);
      expect([res.status, res.body.detail]).toEqual([201, undefined]);
      return res.body;
    }, 30_000);
    await eventually(async () => {
      const view = (await sales.request('GET', `/activities/${logged.id}`)).body;
      expect(view).toMatchObject({ contactId: ada.id, contactName: ada.displayName });
    }, 10_000);
    const refused = await activity(eve.id);
    expect([refused.status, refused.body.type]).toEqual([
      422,
      expect.stringMatching(/contact-erased$/),
    ]);
  }, 150_000);
}

describe('sales bootstraps its contact directory from the state topics (system, embedded log)', () =>
  bootstrapSuite(() => undefined));
describeWithKafka(
  'sales bootstraps its contact directory from the state topics (system, Kafka)',
  ({ brokers }) => bootstrapSuite(brokers),
);
