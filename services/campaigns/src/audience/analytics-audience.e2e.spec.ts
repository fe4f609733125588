/**
 * The audience fed by crm.analytics.v1: ContactScored and RecommendationProduced published to
 * the analytics event topic through the transport the app consumes (the embedded log, and Kafka
 * when the run has a broker), in a namespace of their own, beside registrations and erasures on
 * crm.contacts.v1. Checked in GET /audience/contacts/{id}, the side tables, and a live segment on
 * `scores.propensity` created and activated over REST. Real PostgreSQL; the app's clock is
 * pinned and every business time derives from it.
 */
import {
  ContactErased,
  ContactMerged,
  ContactRegistered,
  ContactScored,
  RecommendationProduced,
} from '@crm/contracts';
import { ManualClock } from '@crm/platform';
import { describeWithKafka, eventually, uniqueName } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  startCampaignsTestApp,
  type CampaignsTestApp,
  type Caller,
} from '../testing/campaigns-test-app';
import {
  openIntegrationFeed,
  type FedMessage,
  type IntegrationFeed,
} from './testing/integration-feed';

const clock = new ManualClock(new Date(Date.now() - 5 * 86_400_000).toISOString());
/** A business time n minutes after the app's clock. */
const at = (n: number) => new Date(clock.now().getTime() + n * 60_000).toISOString();
const TENANT_B = 'tenant-b';
const analystA: Caller = { roles: ['analyst'], sub: 'ana' };
const marketerA: Caller = { roles: ['marketer'], sub: 'mia' };
const analystB: Caller = { tenant: TENANT_B, roles: ['analyst'], sub: 'bea' };
const marketerB: Caller = { tenant: TENANT_B, roles: ['marketer'], sub: 'bob' };

const registered = (contactId: string, time: string, tenant?: string) =>
  ({
    topic: 'contacts',
    type: ContactRegistered.type,
    subject: contactId,
    time,
    tenant,
    data: {
      contactId,
      displayName: `Person ${contactId.slice(0, 4)}`,
      lifecycleStage: 'lead',
      tags: [],
      customFields: {},
      addresses: [],
    },
  }) satisfies FedMessage;

const scored = (
  contactId: string,
  model: string,
  score: number,
  scoredAt: string,
  tenant?: string,
) =>
  ({
    topic: 'analytics',
    type: ContactScored.type,
    subject: contactId,
    time: scoredAt,
    tenant,
    data: { contactId, model, score, scoredAt },
  }) satisfies FedMessage;

const recommended = (
  contactId: string,
  model: string,
  productIds: string[],
  producedAt: string,
  tenant?: string,
) =>
  ({
    topic: 'analytics',
    type: RecommendationProduced.type,
    subject: contactId,
    time: producedAt,
    tenant,
    data: { contactId, model, productIds, producedAt },
  }) satisfies FedMessage;

const erased = (contactId: string, time: string, tenant?: string) =>
  ({
    topic: 'contacts',
    type: ContactErased.type,
    subject: contactId,
    time,
    tenant,
    data: { contactId, erasedAt: time },
  }) satisfies FedMessage;

const likelyBuyers = { field: 'scores.propensity', op: 'gte', value: 0.7 };

function analyticsAudienceSuite(kafkaBrokers: () => string) {
  let t: CampaignsTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;

  beforeAll(async () => {
    process.env.MESSAGING_NAMESPACE = uniqueName('campaigns-analytics');
    t = await startCampaignsTestApp(
      { KAFKA_BROKERS: kafkaBrokers(), CAMPAIGNS_MEMBERSHIP_POLL_MS: '200' },
      { clock },
    );
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    feed = openIntegrationFeed(t, pool, { KAFKA_BROKERS: kafkaBrokers() });
  }, 60_000);
  afterAll(async () => {
    await feed?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  const view = async (contactId: string, as: Caller = analystA) => {
    const res = await t.request('GET', `/audience/contacts/${contactId}`, { as });
    expect(res.status).toBe(200);
    return res.body;
  };
  const activeSegment = async (as: Caller, rule: object) => {
    const created = await t.request('POST', '/segments', {
      as,
      body: { name: `Likely buyers ${randomUUID().slice(0, 6)}`, kind: 'dynamic', rule },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await t.request('POST', `/segments/${id}/activate`, { as })).status).toBe(200);
    return id;
  };
  const membersOf = async (segmentId: string, as: Caller) => {
    const res = await t.request('GET', `/segments/${segmentId}/members`, { as });
    expect(res.status).toBe(200);
    return res.body.items.map((m: { contactId: string }) => m.contactId).sort();
  };
  const sideRows = async (contactId: string, tenant = 'tenant-a') => {
    const found: Record<string, unknown[]> = {};
    for (const table of ['audience_scores', 'audience_recommendations']) {
      const { rows } = await pool.query(
        `SELECT model FROM campaigns.${table} WHERE tenant = $1 AND contact_id = $2 ORDER BY 1`,
        [tenant, contactId],
      );
      found[table] = rows.map((r) => r.model);
    }
    return found;
  };

  it('a score shows in the view under its versionless name and puts the contact in a live segment on it', async () => {
    const segment = await activeSegment(marketerA, likelyBuyers);
    const likely = randomUUID();
    const unlikely = randomUUID();
    await feed.deliver(registered(likely, at(1)));
    await feed.deliver(registered(unlikely, at(1)));
    await feed.deliver(scored(likely, 'propensity@3', 0.82, at(2)));
    await feed.deliver(scored(unlikely, 'propensity@3', 0.4, at(2)));
    await feed.deliver(scored(likely, 'churn-risk@1', 0.1, at(2)));

    expect((await view(likely)).scores).toEqual({ propensity: 0.82, 'churn-risk': 0.1 });
    expect((await view(unlikely)).scores).toEqual({ propensity: 0.4 });
    await eventually(async () => expect(await membersOf(segment, analystA)).toEqual([likely]));

    // A newer score below the bar takes the contact out again.
    await feed.deliver(scored(likely, 'propensity@4', 0.5, at(3)));
    expect((await view(likely)).scores.propensity).toBe(0.5);
    await eventually(async () => expect(await membersOf(segment, analystA)).toEqual([]));
  });

  it('an older score after a newer one changes nothing, nor does a redelivery', async () => {
    const id = randomUUID();
    await feed.deliver(registered(id, at(1)));
    const newer = scored(id, 'propensity@2', 0.9, at(10));
    const firstId = await feed.deliver(newer);
    await feed.deliver(scored(id, 'propensity@1', 0.2, at(5)));
    // Same time as the one held: not newer either.
    await feed.deliver(scored(id, 'propensity@2', 0.3, at(10)));
    const held = await view(id);
    expect(held.scores).toEqual({ propensity: 0.9 });

    // A redelivery (the same ce_id) is in the inbox already: even with a body that would win
    // on time it changes nothing. A later message on the same key shows it was read past.
    await feed.send([
      { ...newer, id: firstId, data: { ...newer.data, score: 0.1, scoredAt: at(30) } },
    ]);
    await feed.deliver(scored(id, 'marker', 0.5, at(11)));
    expect((await view(id)).scores).toEqual({ propensity: 0.9, marker: 0.5 });

    // Recommendations follow the same order: the newest list per model name stays.
    await feed.deliver(recommended(id, 'next-best-offer@7', ['p-2', 'p-1'], at(20)));
    await feed.deliver(recommended(id, 'next-best-offer@6', ['p-9'], at(15)));
    await feed.deliver(recommended(id, 'cross-sell@1', ['p-5'], at(12)));
    expect((await view(id)).recommendations).toEqual([
      { model: 'next-best-offer', productIds: ['p-2', 'p-1'], producedAt: at(20) },
      { model: 'cross-sell', productIds: ['p-5'], producedAt: at(12) },
    ]);
  });

  it('a score that comes before the contact applies when the contact arrives', async () => {
    const segment = await activeSegment(marketerA, likelyBuyers);
    const id = randomUUID();
    await feed.deliver(scored(id, 'propensity@1', 0.95, at(1)));
    await feed.deliver(recommended(id, 'next-best-offer@1', ['p-1'], at(1)));
    expect((await t.request('GET', `/audience/contacts/${id}`, { as: analystA })).status).toBe(404);

    await feed.deliver(registered(id, at(2)));
    const arrived = await view(id);
    expect(arrived.scores).toEqual({ propensity: 0.95 });
    expect(arrived.recommendations).toEqual([
      { model: 'next-best-offer', productIds: ['p-1'], producedAt: at(1) },
    ]);
    await eventually(async () => expect(await membersOf(segment, analystA)).toContain(id));
  });

  it('erase removes the scores and the recommendations; later ones for the erased or merged-away are ignored', async () => {
    const id = randomUUID();
    await feed.deliver(registered(id, at(1)));
    await feed.deliver(scored(id, 'propensity@1', 0.8, at(2)));
    await feed.deliver(recommended(id, 'next-best-offer@1', ['p-1', 'p-2'], at(2)));
    expect(await sideRows(id)).toEqual({
      audience_scores: ['propensity'],
      audience_recommendations: ['next-best-offer'],
    });

    await feed.deliver(erased(id, at(3)));
    expect(await sideRows(id)).toEqual({ audience_scores: [], audience_recommendations: [] });
    expect((await t.request('GET', `/audience/contacts/${id}`, { as: analystA })).status).toBe(404);

    await feed.deliver(scored(id, 'propensity@1', 0.9, at(4)));
    await feed.deliver(recommended(id, 'next-best-offer@1', ['p-3'], at(4)));
    expect(await sideRows(id)).toEqual({ audience_scores: [], audience_recommendations: [] });

    const survivor = randomUUID();
    const duplicate = randomUUID();
    await feed.deliver(registered(survivor, at(1)));
    await feed.deliver(registered(duplicate, at(1)));
    await feed.deliver({
      topic: 'contacts',
      type: ContactMerged.type,
      subject: survivor,
      time: at(5),
      data: { survivorId: survivor, duplicateId: duplicate, mergedAt: at(5) },
    });
    await feed.deliver(scored(duplicate, 'propensity@1', 0.9, at(6)));
    expect(await sideRows(duplicate)).toEqual({
      audience_scores: [],
      audience_recommendations: [],
    });
    expect((await view(survivor)).scores).toEqual({});
  });

  it('scores and recommendations stay in their tenant', async () => {
    const segmentB = await activeSegment(marketerB, likelyBuyers);
    const id = randomUUID();
    await feed.deliver(registered(id, at(1)));
    await feed.deliver(registered(id, at(1), TENANT_B));
    await feed.deliver(scored(id, 'propensity@1', 0.9, at(2), TENANT_B));
    await feed.deliver(recommended(id, 'next-best-offer@1', ['p-b'], at(2), TENANT_B));

    // Positive control: tenant B sees its own.
    const asB = await view(id, analystB);
    expect(asB.scores).toEqual({ propensity: 0.9 });
    expect(asB.recommendations).toEqual([
      { model: 'next-best-offer', productIds: ['p-b'], producedAt: at(2) },
    ]);
    await eventually(async () => expect(await membersOf(segmentB, analystB)).toEqual([id]));
    const asA = await view(id);
    expect(asA.scores).toEqual({});
    expect(asA.recommendations).toEqual([]);

    // Erasing the id in tenant A leaves tenant B's rows.
    await feed.deliver(erased(id, at(3)));
    expect(await sideRows(id, TENANT_B)).toEqual({
      audience_scores: ['propensity'],
      audience_recommendations: ['next-best-offer'],
    });
  });
}

describe('campaigns audience from analytics (embedded transport)', () =>
  analyticsAudienceSuite(() => ''));
describeWithKafka('campaigns audience from analytics (Kafka)', ({ brokers }) =>
  analyticsAudienceSuite(() => brokers().join(',')),
);
