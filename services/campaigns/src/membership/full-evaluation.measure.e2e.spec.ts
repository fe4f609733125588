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
});
