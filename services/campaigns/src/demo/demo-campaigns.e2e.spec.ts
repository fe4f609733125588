/**
 * The demo campaigns through the real app: past campaigns with their messages and responses
 * dated weeks ago, visible in the stats (rates, the A/B decision the data made), the person's
 * message history and the ledger; a live campaign scheduled for the real sender; a second seed
 * adds nothing.
 */
import { PG_POOL } from '@crm/platform';
import { eventually } from '@crm/testing';
import type { Pool } from 'pg';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { seedDemoCampaigns } from './demo-campaigns';
import { seedDemoSegments } from './demo-segments';

const DAY = 86_400_000;

describe('campaigns demo history (e2e)', () => {
  let t: CampaignsTestApp;
  const acme = { tenant: 'acme', roles: ['marketer' as const] };

  beforeAll(async () => {
    t = await startCampaignsTestApp();
    const pool = t.app.get<Pool>(PG_POOL);
    const people = Array.from({ length: 400 }, (_, i) => `demo-${String(i).padStart(3, '0')}`);
    await pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, lifecycle_stage, email, consent)
       SELECT 'acme', id, 'customer', id || '@example.com', '{"email":"granted"}' FROM unnest($1::text[]) AS id`,
      [people],
    );
    await seedDemoSegments(t.app);
  });
  afterAll(() => t?.close());

  it('loads past campaigns with results and schedules a live one, once', async () => {
    const result = await seedDemoCampaigns(t.app, { settleMs: 0, liveInMs: 3_600_000 });
    expect(result).toMatchObject({ status: 'seeded', campaigns: 4 });
    // The seed does not wait for the read model: the live campaign is created, then scheduled.
    const list = await eventually(async () => {
      const page = await t.request('GET', '/campaigns?limit=10', { as: acme });
      const items = page.body.items as { id: string; name: string; status: string }[];
      expect(items.map((c) => c.status).sort()).toEqual([
        'completed',
        'completed',
        'completed',
        'scheduled',
      ]);
      return items;
    }, 20_000);

    const ab = list.find((c) => c.name.includes('(A/B)'))!;
    const stats = await eventually(async () => {
      const res = await t.request('GET', `/campaigns/${ab.id}/stats`, { as: acme });
      expect(res.body.sent).toBe(400);
      return res.body;
    }, 20_000);
    expect(stats.abTest.outcome).not.toBe('not-enough-data');
    const opened = stats.variants.reduce((sum: number, v: { opened: number }) => sum + v.opened, 0);
    expect(opened / stats.sent).toBeGreaterThan(0.2);

    // The messages happened weeks ago, not at the seed.
    const messages = await t.request('GET', `/campaigns/${ab.id}/messages?limit=5`, { as: acme });
    expect(messages.status).toBe(200);
    for (const m of messages.body.items as { sentAt?: string; dispatchedAt?: string }[]) {
      const at = Date.parse(m.sentAt ?? m.dispatchedAt!);
      expect(Date.now() - at).toBeGreaterThan(20 * DAY);
    }

    expect(await seedDemoCampaigns(t.app, { settleMs: 0 })).toMatchObject({ status: 'skipped' });
  });
});
