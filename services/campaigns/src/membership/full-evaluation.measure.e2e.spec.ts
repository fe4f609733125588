/**
 * How long a full evaluation takes over a large audience (batched, locked and re-checked
 * batches, one append per changed contact): printed as contacts/s, never asserted as a time.
 * MEMBERSHIP_MEASURE_CONTACTS sets the audience size (default 10 000; the 100 000 runs
 * the same code). Asserts what must hold at any size: everyone matching joined exactly once, and
 * a second evaluation with the same outcome appends nothing.
 */
import { ManualClock, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { MembershipEngine } from './membership-engine';

const CONTACTS = Number(process.env.MEMBERSHIP_MEASURE_CONTACTS ?? 10_000);
const clock = new ManualClock(new Date());
const marketer = { tenant: 'measure', sub: 'mia', roles: ['marketer' as const] };

describe('full membership evaluation at scale (measure)', () => {
  let t: CampaignsTestApp;
  let pool: Pool;
  let engine: MembershipEngine;

  beforeAll(async () => {
    // No background rounds: the test runs the evaluation itself and times it.
    t = await startCampaignsTestApp({ CAMPAIGNS_MEMBERSHIP_POLL_MS: '3600000' }, { clock });
    pool = t.app.get(PG_POOL);
    engine = t.app.get(MembershipEngine);
    await pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, country, consent, messages_received)
       SELECT 'measure', 'c-' || lpad(i::text, 7, '0'), CASE WHEN i % 2 = 0 THEN 'DE' ELSE 'FR' END,
              '{"email":"granted"}'::jsonb, i % 5
         FROM generate_series(1, $1) AS i`,
      [CONTACTS],
    );
  }, 120_000);
  afterAll(() => t?.close());

  it('evaluates everyone in batches; the same outcome again appends nothing', async () => {
    const created = await t.request('POST', '/segments', {
      as: marketer,
      body: {
        name: 'Germans who got mail',
        kind: 'dynamic',
        rule: {
          all: [
            { field: 'country', op: 'eq', value: 'DE' },
            { field: 'consent.email', op: 'eq', value: 'granted' },
            { field: 'engagement.messagesReceived', op: 'gte', value: 1 },
          ],
        },
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await t.request('POST', `/segments/${id}/activate`, { as: marketer })).status).toBe(
      200,
    );
    for (;;) {
      const { rows } = await pool.query(
        `SELECT 1 FROM campaigns.segments WHERE segment_id = $1 AND status = 'active'`,
        [id],
      );
      if (rows.length) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const expected = (
      await pool.query(
        `SELECT count(*)::int AS n FROM campaigns.audience_contacts
          WHERE tenant = 'measure' AND country = 'DE' AND messages_received >= 1`,
      )
    ).rows[0].n;

    const started = performance.now();
    const first = await engine.full.evaluate({ tenant: 'measure', segmentId: id }, clock.now());
    const firstMs = performance.now() - started;
    expect(first).toEqual({ candidates: expected, appended: expected });

    const again = performance.now();
    const second = await engine.full.evaluate({ tenant: 'measure', segmentId: id }, clock.now());
    const secondMs = performance.now() - again;
    expect(second).toEqual({ candidates: expected, appended: 0 });

    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM campaigns.membership_current WHERE tenant = 'measure' AND segment_id = $1`,
      [id],
    );
    expect(rows[0].n).toBe(expected);
    process.stdout.write(
      `[membership] full evaluation over ${CONTACTS} contacts: ${expected} joins in ${Math.round(firstMs)} ms ` +
        `(${Math.round((CONTACTS / firstMs) * 1000)} contacts/s, ${Math.round((expected / firstMs) * 1000)} joins/s); ` +
        `unchanged re-run ${Math.round(secondMs)} ms (${Math.round((CONTACTS / secondMs) * 1000)} contacts/s)\n`,
    );
  }, 600_000);

  it('re-evaluates one changed contact against 200 live segments (p50/p99 printed)', async () => {
    // 200 active six-condition segments, written straight into the segments read model.
    const rule = (i: number) => ({
      all: [
        { field: 'country', op: 'in', value: ['DE', 'AT', 'CH'] },
        { field: 'consent.email', op: 'eq', value: 'granted' },
        { field: 'engagement.messagesReceived', op: 'gte', value: i % 5 },
        { field: 'purchase.lastOrderAt', op: 'within_last', value: `${30 + i}d` },
        { field: 'purchase.family', op: 'bought', value: { anyOf: ['Cars'], within: '1y' } },
        { not: { field: 'tags', op: 'contains', value: 'blocked' } },
      ],
    });
    await pool.query(
      `INSERT INTO campaigns.segments (tenant, segment_id, name, kind, status, rule, static_contact_ids, version, rule_version, created_at, updated_at)
       SELECT 'measure-inc', 's-' || i, 'Segment ' || i, 'dynamic', 'active', r.rule, '{}', 2, 2, $2, $2
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(rule, i)`,
      [JSON.stringify(Array.from({ length: 200 }, (_, i) => rule(i))), clock.now()],
    );
    const ids = Array.from({ length: 150 }, (_, i) => `m-${i}`);
    await pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, country, consent, messages_received, last_order_at)
       SELECT 'measure-inc', id, 'DE', '{"email":"granted"}', 3, $2 FROM unnest($1::text[]) AS id`,
      [ids, new Date(clock.now().getTime() - 20 * 86_400_000)],
    );
    await pool.query(
      `INSERT INTO campaigns.audience_order_lines (tenant, order_id, line_no, contact_id, product_family, ordered_at, status)
       SELECT 'measure-inc', 'o-' || id, 1, id, 'Cars', $2, 'placed' FROM unnest($1::text[]) AS id`,
      [ids, new Date(clock.now().getTime() - 20 * 86_400_000)],
    );
    const round = async () => {
      const times: number[] = [];
      let appended = 0;
      for (const id of ids) {
        await pool.query(
          `INSERT INTO campaigns.audience_changes (tenant, contact_id, changed_at) VALUES ('measure-inc', $1, $2)`,
          [id, clock.now()],
        );
        const started = performance.now();
        appended += (await engine.drain.drainBatch(clock.now()))?.appended ?? 0;
        times.push(performance.now() - started);
      }
      const sorted = times.slice(50).sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      return { appended, p50: at(0.5).toFixed(1), p99: at(0.99).toFixed(1) };
    };
    const joining = await round();
    // Every contact matches the segments whose message threshold (i % 5) is at most 3: 160 of 200.
    expect(joining.appended).toBe(ids.length * 160);
    const unchanged = await round();
    expect(unchanged.appended).toBe(0);
    process.stdout.write(
      `[membership] one queued contact x 200 live segments (transaction, locks, record, evaluation): ` +
        `joining 160 p50 ${joining.p50} ms / p99 ${joining.p99} ms; ` +
        `unchanged p50 ${unchanged.p50} ms / p99 ${unchanged.p99} ms\n`,
    );
  }, 600_000);
});
