/** The demo seed: live segments for tenant acme, evaluated over the audience; a second seed adds nothing. */
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { DEMO_SEGMENTS, seedDemoSegments } from './demo-segments';

describe('campaigns demo seed (e2e)', () => {
  let t: CampaignsTestApp;
  beforeAll(async () => {
    t = await startCampaignsTestApp({ CAMPAIGNS_MEMBERSHIP_POLL_MS: '100' });
  });
  afterAll(() => t?.close());

  it('creates and activates every demo segment once; members follow the audience', async () => {
    const pool = t.app.get<Pool>(PG_POOL);
    await pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, lifecycle_stage, consent)
       VALUES ('acme', 'c-demo-1', 'customer', '{"email":"granted"}'), ('acme', 'c-demo-2', 'lead', '{"email":"granted"}')`,
    );
    const all = DEMO_SEGMENTS.length;
    expect(await seedDemoSegments(t.app)).toEqual({ created: all, activated: all });
    expect(await seedDemoSegments(t.app)).toEqual({ created: 0, activated: 0 });

    const acme = { tenant: 'acme', roles: ['marketer' as const] };
    let list = await t.request('GET', '/segments?status=active', { as: acme });
    // The seed runs outside a request: it does not wait for the read model.
    for (let tries = 0; list.body.items.length < all && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      list = await t.request('GET', '/segments?status=active', { as: acme });
    }
    expect(list.body.items.map((s: { name: string }) => s.name).sort()).toEqual(
      DEMO_SEGMENTS.map((s) => s.name).sort(),
    );
    const reachable = list.body.items.find(
      (s: { name: string }) => s.name === 'Reachable customers',
    );
    const deadline = Date.now() + 15_000;
    let members: string[] = [];
    while (Date.now() < deadline) {
      const page = await t.request('GET', `/segments/${reachable.id}/members`, { as: acme });
      members = page.body.items.map((m: { contactId: string }) => m.contactId);
      if (members.length) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(members).toEqual(['c-demo-1']);
  });
});
