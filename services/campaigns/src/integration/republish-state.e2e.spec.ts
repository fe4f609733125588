/**
 * `npm run campaigns:republish-state` (the messaging lib's republish-state CLI with campaigns'
 * registry and state sources): campaigns ran on the embedded log, so nothing of it is on Kafka;
 * the CLI then puts every segment of the tenant on crm.campaigns.segment.state.v1 from the event
 * store, each as GET /segments/{id} answers it.
 */
import { SegmentStateTopic } from '@crm/contracts';
import { messagingConfigFromEnv, namespacedName, runRepublishStateCli } from '@crm/messaging';
import { describeWithKafka, uniqueName } from '@crm/testing';
import { Kafka, logLevel } from 'kafkajs';
import { projectionRegistry } from '../projections.registry';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { campaignsStateSources } from './campaigns-state';

jest.setTimeout(120_000);

describeWithKafka('campaigns republish-state to Kafka (e2e)', ({ brokers }) => {
  let t: CampaignsTestApp;
  const tenant = uniqueName('tenant');
  const marketer = { tenant, sub: 'mia', roles: ['marketer' as const] };

  beforeAll(async () => {
    t = await startCampaignsTestApp(); // embedded transport
  });
  afterAll(async () => {
    await t?.close();
  });

  it('publishes every segment of the tenant from the log, as REST answers it', async () => {
    const create = async (body: object) => {
      const res = await t.request('POST', '/segments', { as: marketer, body });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const dynamic = await create({
      name: 'Germans',
      kind: 'dynamic',
      rule: { field: 'country', op: 'eq', value: 'DE' },
    });
    const listed = await create({ name: 'Fair visitors', kind: 'static' });
    expect(
      (await t.request('POST', `/segments/${dynamic}/activate`, { as: marketer })).status,
    ).toBe(200);
    const views = new Map<string, Record<string, unknown>>();
    for (const id of [dynamic, listed])
      views.set(id, (await t.request('GET', `/segments/${id}`, { as: marketer })).body);
    await t.stop();

    const namespace = uniqueName('republish');
    const lines: string[] = [];
    const code = await runRepublishStateCli(
      {
        service: 'campaigns',
        sources: campaignsStateSources,
        openStore: (pool) => projectionRegistry.openStore(pool),
        config: messagingConfigFromEnv({
          KAFKA_BROKERS: brokers().join(','),
          MESSAGING_NAMESPACE: namespace,
        }),
      },
      ['--database-url', t.db.url, '--tenant', tenant],
      (line) => lines.push(line),
    );
    expect(lines.at(-1)).toBe(`done: 2 states and 0 tombstones of 2 subjects of tenant ${tenant}`);
    expect(code).toBe(0);

    const latest = new Map<string, Record<string, unknown>>();
    const consumer = new Kafka({
      clientId: 'campaigns-republish-e2e',
      brokers: brokers(),
      logLevel: logLevel.NOTHING,
    }).consumer({ groupId: uniqueName('campaigns-republish-reader') });
    await consumer.connect();
    await consumer.subscribe({
      topic: namespacedName(namespace, SegmentStateTopic.topic),
      fromBeginning: true,
    });
    try {
      await new Promise<void>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            latest.set(message.key!.toString(), JSON.parse(message.value!.toString()));
            if (latest.size === 2) resolve();
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    for (const [id, view] of views) {
      const state = latest.get(id)!;
      for (const [member, value] of Object.entries(state))
        expect([member, view[member]]).toEqual([member, value]);
    }
    expect(latest.get(dynamic)).toMatchObject({ status: 'active', name: 'Germans' });
  });
});
