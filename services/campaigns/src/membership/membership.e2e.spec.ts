/**
 * Live memberships end to end on real PostgreSQL and Kafka: audience rows and queue rows are
 * written straight into the audience tables (the audience consumers fill them in production),
 * segments are created and activated over REST; the engine's rounds run in the app (background
 * poll and NOTIFY) and are also called directly where a test needs one to have happened. Joins,
 * leaves after a change, erase, merge, redelivery, the REST reads, the events on crm.campaigns.v1
 * in the test's namespace, the time-window job under a ManualClock and tenant isolation.
 */
import { SegmentMemberJoined, SegmentMemberLeft, topicFor } from '@crm/contracts';
import { namespacedName } from '@crm/messaging';
import { ManualClock, PG_POOL } from '@crm/platform';
import {
  describeWithKafka,
  hostileQueryValue,
  queryOperations,
  readTopicsToEnd,
  uniqueName,
  type OpenApiDocumentLike,
  eventually,
} from '@crm/testing';
import fc from 'fast-check';
import { Kafka, logLevel } from 'kafkajs';
import type { Pool } from 'pg';
import { queueAudienceChange } from '../audience/audience-changes';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { MembershipEngine } from './membership-engine';

const DAY = 86_400_000;
// The machine's "now", pinned: every business date below is relative to it.
const clock = new ManualClock(new Date());
const daysAgo = (n: number) => new Date(clock.now().getTime() - n * DAY);

const marketerA = { tenant: 'mem-a', sub: 'mia', roles: ['marketer' as const] };
const analystA = { tenant: 'mem-a', sub: 'ann', roles: ['analyst' as const] };
const marketerB = { tenant: 'mem-b', sub: 'bob', roles: ['marketer' as const] };

const germansWithConsent = {
  all: [
    { field: 'country', op: 'eq', value: 'DE' },
    { field: 'consent.email', op: 'eq', value: 'granted' },
  ],
};
const orderedLately = { field: 'purchase.lastOrderAt', op: 'within_last', value: '30d' };

/** The read model follows the log asynchronously: wait for it up to 10 s. */
const settled = <T>(check: () => Promise<T>, timeoutMs = 10_000) => eventually(check, timeoutMs);

describeWithKafka('live segment memberships (e2e)', ({ brokers }) => {
  let t: CampaignsTestApp;
  let pool: Pool;
  let engine: MembershipEngine;
  let namespace: string;

  const contact = (tenant: string, id: string, values: Record<string, unknown>) =>
    pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, country, consent, last_order_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant, contact_id) DO UPDATE SET country = EXCLUDED.country,
         consent = EXCLUDED.consent, last_order_at = EXCLUDED.last_order_at`,
      [
        tenant,
        id,
        id,
        values.country ?? null,
        JSON.stringify(values.consent ?? {}),
        values.lastOrderAt ?? null,
      ],
    );
  const queue = (
    tenant: string,
    ids: string[],
    kind: { mergedInto?: string; erased?: boolean } = {},
  ) => queueAudienceChange(pool, tenant, ids, clock.now(), kind);
  const activeSegment = async (as: object, body: object, contactIds?: string[]) => {
    const created = await t.request('POST', '/segments', { as, body });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    let version = 1;
    if (contactIds) {
      const listed = await t.request('PUT', `/segments/${id}/members`, {
        as,
        body: { contactIds },
        headers: { 'if-match': `"${version}"` },
      });
      expect(listed.status).toBe(200);
      version = listed.body.version;
    }
    const activated = await t.request('POST', `/segments/${id}/activate`, { as });
    expect(activated.status).toBe(200);
    // The engine reads the segments read model: wait until it shows the segment active.
    await settled(async () => {
      const { rows } = await pool.query(
        `SELECT 1 FROM campaigns.segments WHERE segment_id = $1 AND status = 'active'`,
        [id],
      );
      expect(rows).toHaveLength(1);
    });
    return id;
  };
  const membersOf = async (segmentId: string, as: object = analystA) => {
    const res = await t.request('GET', `/segments/${segmentId}/members`, { as });
    expect(res.status).toBe(200);
    return res.body.items.map((m: { contactId: string }) => m.contactId).sort();
  };
  const streamOf = async (tenant: string, contactId: string) => {
    const { rows } = await pool.query<{ type: string; data: any }>(
      `SELECT type, data FROM campaigns.events WHERE tenant = $1 AND stream_id = $2 ORDER BY stream_version`,
      [tenant, `membership-${contactId}`],
    );
    return rows;
  };

  beforeAll(async () => {
    namespace = uniqueName('campaigns');
    process.env.MESSAGING_NAMESPACE = namespace;
    t = await startCampaignsTestApp(
      {
        KAFKA_BROKERS: brokers().join(','),
        CAMPAIGNS_MEMBERSHIP_POLL_MS: '200',
        // The time-window job only runs when a test calls it (the clock is pinned anyway).
        CAMPAIGNS_WINDOW_REEVALUATION_MS: '3600000',
      },
      { clock },
    );
    pool = t.app.get(PG_POOL);
    engine = t.app.get(MembershipEngine);
    await contact('mem-a', 'c-ada', { country: 'DE', consent: { email: 'granted' } });
    await contact('mem-a', 'c-bea', { country: 'DE', consent: { email: 'withdrawn' } });
    await contact('mem-a', 'c-cem', { country: 'FR', consent: { email: 'granted' } });
    // Tenant B has a contact with the same id, matching B's own segment only.
    await contact('mem-b', 'c-ada', { country: 'DE', consent: { email: 'granted' } });
  });
  afterAll(async () => {
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  let germans: string;

  it('an activated dynamic segment is evaluated over everyone; members carry why', async () => {
    germans = await activeSegment(marketerA, {
      name: 'Germans with consent',
      kind: 'dynamic',
      rule: germansWithConsent,
    });
    await engine.runOnce();
    await settled(async () => expect(await membersOf(germans)).toEqual(['c-ada']));
    const members = await t.request('GET', `/segments/${germans}/members`, { as: analystA });
    expect(members.body).toEqual({
      items: [
        {
          contactId: 'c-ada',
          joinedAt: clock.now().toISOString(),
          ruleVersion: expect.any(Number),
          why: [
            { path: 'rule.all[0]', fields: ['country'] },
            { path: 'rule.all[1]', fields: ['consent.email'] },
          ],
        },
      ],
      nextCursor: null,
    });
    const mine = await t.request('GET', '/contacts/c-ada/segments', { as: analystA });
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        segmentId: germans,
        name: 'Germans with consent',
        kind: 'dynamic',
      }),
    ]);
  });

  it('a change re-evaluates that contact alone: joins and leaves follow, without a call', async () => {
    await contact('mem-a', 'c-bea', { country: 'DE', consent: { email: 'granted' } });
    await contact('mem-a', 'c-ada', { country: 'FR', consent: { email: 'granted' } });
    // Only the queue row and its NOTIFY tell the engine (the background round picks it up).
    await queue('mem-a', ['c-bea', 'c-ada']);
    await settled(async () => expect(await membersOf(germans)).toEqual(['c-bea']));
    const ada = await streamOf('mem-a', 'c-ada');
    expect(ada.map((e) => e.type)).toEqual(['SegmentMemberJoined', 'SegmentMemberLeft']);
    expect(ada[1].data).toMatchObject({ segmentId: germans, reason: 'rule_no_longer_matches' });
  });

  it('a redelivered change (the same queue row twice) appends nothing', async () => {
    const before = await streamOf('mem-a', 'c-bea');
    await queue('mem-a', ['c-bea']);
    await engine.runOnce();
    await queue('mem-a', ['c-bea']);
    await engine.runOnce();
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM campaigns.audience_changes`);
    expect(rows[0].n).toBe(0);
    expect(await streamOf('mem-a', 'c-bea')).toEqual(before);
  });

  it('a contact that cannot be decided stays queued without holding up the others', async () => {
    // Its write-side row no longer agrees with its stream: the append is refused.
    await pool.query(
      `UPDATE campaigns.membership_contacts SET version = version + 50 WHERE tenant = 'mem-a' AND contact_id = 'c-bea'`,
    );
    await contact('mem-a', 'c-bea', { country: 'FR', consent: { email: 'granted' } });
    await contact('mem-a', 'c-fay', { country: 'DE', consent: { email: 'granted' } });
    await queue('mem-a', ['c-bea', 'c-fay']);
    await engine.runOnce();
    await settled(async () => expect(await membersOf(germans)).toEqual(['c-bea', 'c-fay']));
    const { rows } = await pool.query(
      `SELECT contact_id FROM campaigns.audience_changes WHERE tenant = 'mem-a'`,
    );
    expect(rows).toEqual([{ contact_id: 'c-bea' }]);
    // Once the row agrees again, the queued change goes through.
    await pool.query(
      `UPDATE campaigns.membership_contacts SET version = version - 50 WHERE tenant = 'mem-a' AND contact_id = 'c-bea'`,
    );
    await engine.runOnce();
    await settled(async () => expect(await membersOf(germans)).toEqual(['c-fay']));
  });

  it('a static segment: listed members join; a merged duplicate leaves and its survivor joins', async () => {
    await contact('mem-a', 'c-dup', { country: 'IT' });
    await contact('mem-a', 'c-sur', { country: 'IT' });
    const fair = await activeSegment(marketerA, { name: 'Fair visitors', kind: 'static' }, [
      'c-dup',
      'c-cem',
    ]);
    await engine.runOnce();
    await settled(async () => expect(await membersOf(fair)).toEqual(['c-cem', 'c-dup']));

    // The audience queues the duplicate (merged into the survivor) and the survivor.
    await queue('mem-a', ['c-dup'], { mergedInto: 'c-sur' });
    await queue('mem-a', ['c-sur']);
    await engine.runOnce();
    await settled(async () => expect(await membersOf(fair)).toEqual(['c-cem', 'c-sur']));
    const dup = await streamOf('mem-a', 'c-dup');
    expect(dup.map((e) => e.type)).toEqual([
      'SegmentMemberJoined',
      'SegmentMemberLeft',
      'MembershipsClosed',
    ]);
    expect(dup[1].data).toMatchObject({ reason: 'merged_away', mergedInto: 'c-sur' });
    const sur = await t.request('GET', '/contacts/c-sur/segments', { as: analystA });
    expect(sur.body.items).toEqual([
      expect.objectContaining({ segmentId: fair, why: [{ path: 'list', fields: [] }] }),
    ]);
    // A later change of the duplicate's record does not bring it back.
    await queue('mem-a', ['c-dup']);
    await engine.runOnce();
    expect(await streamOf('mem-a', 'c-dup')).toHaveLength(3);
  });

  it('an erased contact leaves every segment at once', async () => {
    await contact('mem-a', 'c-cem', { country: 'DE', consent: { email: 'granted' } });
    await queue('mem-a', ['c-cem']);
    await engine.runOnce();
    await settled(async () => {
      const res = await t.request('GET', '/contacts/c-cem/segments', { as: analystA });
      expect(res.body.items).toHaveLength(2);
    });
    await pool.query(
      `DELETE FROM campaigns.audience_contacts WHERE tenant = 'mem-a' AND contact_id = 'c-cem'`,
    );
    await queue('mem-a', ['c-cem'], { erased: true });
    await engine.runOnce();
    await settled(async () => {
      const res = await t.request('GET', '/contacts/c-cem/segments', { as: analystA });
      expect(res.body.items).toEqual([]);
    });
    const left = (await streamOf('mem-a', 'c-cem')).filter((e) => e.type === 'SegmentMemberLeft');
    expect(left.map((e) => e.data.reason)).toEqual(['contact_erased', 'contact_erased']);
  });

  it('archiving a segment makes everyone leave', async () => {
    const temp = await activeSegment(marketerA, {
      name: 'Italians',
      kind: 'dynamic',
      rule: { field: 'country', op: 'eq', value: 'IT' },
    });
    await engine.runOnce();
    await settled(async () => expect(await membersOf(temp)).toEqual(['c-sur']));
    expect((await t.request('POST', `/segments/${temp}/archive`, { as: marketerA })).status).toBe(
      200,
    );
    await settled(async () => {
      await engine.runOnce();
      expect(await membersOf(temp)).toEqual([]);
    });
    const sur = await streamOf('mem-a', 'c-sur');
    expect(sur.at(-1)?.data).toMatchObject({ segmentId: temp, reason: 'segment_archived' });
  });

  it('counts over time: joins, leaves and members per hour and per day', async () => {
    const hourly = await t.request('GET', `/segments/${germans}/counts?interval=hour`, {
      as: analystA,
    });
    expect(hourly.status).toBe(200);
    expect(hourly.body.members).toBe(1);
    const last = hourly.body.counts.at(-1);
    expect(last).toEqual({
      start: new Date(Math.floor(clock.now().getTime() / 3_600_000) * 3_600_000).toISOString(),
      members: 1,
      // ada, bea, fay joined; ada and bea left; cem joined before its erase made it leave
      joined: 4,
      left: 3,
    });
    expect(hourly.body.counts).toHaveLength(49);
    expect(hourly.body.counts[0]).toMatchObject({ members: 0, joined: 0, left: 0 });
    const daily = await t.request('GET', `/segments/${germans}/counts`, { as: analystA });
    expect(daily.body.counts.at(-1)).toMatchObject({ members: 1, joined: 4, left: 3 });
    const bad = await t.request(
      'GET',
      `/segments/${germans}/counts?from=${daysAgo(-1).toISOString()}&to=${daysAgo(0).toISOString()}`,
      { as: analystA },
    );
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });

  it('hostile query strings on members and counts of a real segment are a 4xx problem, never a 5xx', async () => {
    const document = (await t.request('GET', '/docs-json')).body as OpenApiDocumentLike;
    const operations = queryOperations(document).filter((op) =>
      /^\/segments\/\{[^}]+\}\/(members|counts)$/.test(op.template),
    );
    expect(operations).toHaveLength(2);
    for (const op of operations) {
      const url = op.template.replace(/\{[^}]+\}/, germans);
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom(...op.parameters), hostileQueryValue, { minKeys: 1 }),
          async (query) => {
            const res = await t.request('GET', `${url}?${new URLSearchParams(query)}`, {
              as: analystA,
            });
            const type = String(res.headers['content-type'] ?? '');
            if (res.status >= 500 || (res.status >= 400 && !type.includes('problem+json')))
              throw new Error(`${op.operation} ?${new URLSearchParams(query)} -> ${res.status}`);
          },
        ),
        { numRuns: 100 },
      );
    }
  });

  it('time windows: a "within_last 30d" member leaves once the clock moves 31 days on', async () => {
    await contact('mem-a', 'c-eve', { country: 'ES', lastOrderAt: daysAgo(1) });
    const recent = await activeSegment(marketerA, {
      name: 'Ordered lately',
      kind: 'dynamic',
      rule: orderedLately,
    });
    await engine.runOnce();
    await settled(async () => expect(await membersOf(recent)).toEqual(['c-eve']));
    const start = clock.now();
    try {
      clock.advance(29 * DAY);
      await engine.windows.runOnce(clock.now());
      expect(await membersOf(recent)).toEqual(['c-eve']);
      clock.advance(2 * DAY);
      await engine.windows.runOnce(clock.now());
      await settled(async () => expect(await membersOf(recent)).toEqual([]));
      const eve = await streamOf('mem-a', 'c-eve');
      expect(eve.at(-1)).toMatchObject({
        type: 'SegmentMemberLeft',
        data: {
          segmentId: recent,
          reason: 'rule_no_longer_matches',
          at: clock.now().toISOString(),
        },
      });
    } finally {
      clock.set(start);
    }
  });

  it('editing a live rule re-evaluates everyone: leaves, and new reasons for those still in', async () => {
    const edited = await activeSegment(marketerA, {
      name: 'South and Italy',
      kind: 'dynamic',
      rule: {
        any: [
          { field: 'country', op: 'eq', value: 'IT' },
          { field: 'country', op: 'eq', value: 'ES' },
        ],
      },
    });
    await engine.runOnce();
    await settled(async () => expect(await membersOf(edited)).toEqual(['c-eve', 'c-sur']));
    const read = await t.request('GET', `/segments/${edited}`, { as: marketerA });
    const patched = await t.request('PATCH', `/segments/${edited}`, {
      as: marketerA,
      body: {
        rule: {
          any: [
            { field: 'country', op: 'eq', value: 'ES' },
            { field: 'tags', op: 'contains', value: 'vip' },
          ],
        },
      },
      headers: { 'if-match': String(read.headers.etag) },
    });
    expect(patched.status).toBe(200);
    await settled(async () => {
      await engine.runOnce();
      const res = await t.request('GET', `/segments/${edited}/members`, { as: analystA });
      expect(res.body.items).toEqual([
        expect.objectContaining({
          contactId: 'c-eve',
          ruleVersion: patched.body.ruleVersion,
          why: [{ path: 'rule.any[0]', fields: ['country'] }],
        }),
      ]);
    });
    const eve = (await streamOf('mem-a', 'c-eve')).filter((e) => e.data.segmentId === edited);
    expect(eve.map((e) => e.type)).toEqual(['SegmentMemberJoined', 'SegmentMemberReasonsChanged']);
  });

  it('tenant B sees nothing of tenant A, and its own members (positive control)', async () => {
    const bGermans = await activeSegment(marketerB, {
      name: 'B Germans',
      kind: 'dynamic',
      rule: germansWithConsent,
    });
    await engine.runOnce();
    await settled(async () => expect(await membersOf(bGermans, marketerB)).toEqual(['c-ada']));
    expect((await t.request('GET', `/segments/${germans}/members`, { as: marketerB })).status).toBe(
      404,
    );
    expect((await t.request('GET', `/segments/${germans}/counts`, { as: marketerB })).status).toBe(
      404,
    );
    expect((await t.request('GET', `/segments/${bGermans}/members`, { as: analystA })).status).toBe(
      404,
    );
    const bAda = await t.request('GET', '/contacts/c-ada/segments', { as: marketerB });
    expect(bAda.body.items.map((s: { segmentId: string }) => s.segmentId)).toEqual([bGermans]);
    const aAda = await t.request('GET', '/contacts/c-ada/segments', { as: analystA });
    expect(aAda.body.items).toEqual([]);
  });

  it('publishes the joins and leaves on crm.campaigns.v1 (ids and field keys, no personal values)', async () => {
    const kafka = new Kafka({
      clientId: uniqueName('mem-audit'),
      brokers: brokers(),
      logLevel: logLevel.NOTHING,
    });
    const topic = namespacedName(namespace, topicFor('campaigns'));
    const published = await settled(async () => {
      const all = (await readTopicsToEnd(kafka, [topic])).map((m) => ({
        type: m.headers.ce_type,
        tenant: m.headers.ce_tenantid,
        key: m.key,
        data: JSON.parse(m.value!.toString()),
      }));
      expect(all.filter((m) => m.type === SegmentMemberLeft.type).length).toBeGreaterThanOrEqual(6);
      return all;
    }, 30_000);
    const adaInA = published.filter((m) => m.tenant === 'mem-a' && m.data.contactId === 'c-ada');
    expect(adaInA).toEqual([
      {
        type: SegmentMemberJoined.type,
        tenant: 'mem-a',
        key: germans,
        data: expect.objectContaining({
          segmentId: germans,
          segmentName: 'Germans with consent',
          reasons: ['country', 'consent.email'],
        }),
      },
      {
        type: SegmentMemberLeft.type,
        tenant: 'mem-a',
        key: germans,
        data: expect.objectContaining({ segmentId: germans, reason: 'rule_no_longer_matches' }),
      },
    ]);
    expect(published.some((m) => m.tenant === 'mem-b' && m.data.contactId === 'c-ada')).toBe(true);
    const reasons = new Set(published.map((m) => m.data.reason).filter(Boolean));
    expect(reasons).toEqual(
      new Set(['rule_no_longer_matches', 'merged_away', 'contact_erased', 'segment_archived']),
    );
    // No personal values: the countries and consents written to the audience are in no membership
    // fact (the segment lifecycle publishes the rule itself, whose literals are the segment's).
    const memberships = published.filter(
      (m) => m.type === SegmentMemberJoined.type || m.type === SegmentMemberLeft.type,
    );
    expect(memberships.length).toBeGreaterThan(6);
    expect(JSON.stringify(memberships)).not.toMatch(/"DE"|"FR"|granted/);
  });
});
