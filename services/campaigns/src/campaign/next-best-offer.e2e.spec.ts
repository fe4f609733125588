/** Next best offer over the real audience tables: recommendations, purchase history, fallback, tenants apart. */
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { NextBestOffers, pickOffer } from './next-best-offer';

describe('pickOffer', () => {
  it('takes the first recommendation not held, then the fallback, then nothing', () => {
    expect(pickOffer(['p1', 'p2'], new Set(), 'fb')).toBe('p1');
    expect(pickOffer(['p1', 'p2'], new Set(['p1']), 'fb')).toBe('p2');
    expect(pickOffer(['p1'], new Set(['p1']), 'fb')).toBe('fb');
    expect(pickOffer([], new Set(['fb']), 'fb')).toBeNull();
  });
});

describe('next best offers (e2e)', () => {
  let t: CampaignsTestApp;
  let pool: Pool;
  const offer = { model: 'basket', fallbackProductId: 'p-service' };
  const line = (tenant: string, contactId: string, productId: string, status = 'placed') =>
    pool.query(
      `INSERT INTO campaigns.audience_order_lines (tenant, order_id, line_no, contact_id, product_id, ordered_at, status)
       VALUES ($1, $2, 1, $3, $4, '2026-01-01T00:00:00Z', $5)`,
      [tenant, `o-${contactId}-${productId}`, contactId, productId, status],
    );
  const recommend = (tenant: string, contactId: string, model: string, ids: string[]) =>
    pool.query(
      `INSERT INTO campaigns.audience_recommendations (tenant, contact_id, model, product_ids, produced_at)
       VALUES ($1, $2, $3, $4, '2026-01-02T00:00:00Z')`,
      [tenant, contactId, model, ids],
    );

  beforeAll(async () => {
    t = await startCampaignsTestApp();
    pool = t.app.get(PG_POOL);
    await recommend('nbo-a', 'ada', 'basket', ['p-car-care', 'p-tyres']);
    await line('nbo-a', 'ada', 'p-car-care'); // holds the first recommendation
    await recommend('nbo-a', 'bea', 'basket', ['p-car-care']);
    await line('nbo-a', 'bea', 'p-car-care', 'cancelled'); // a cancelled line is not held
    await recommend('nbo-a', 'cem', 'propensity', ['p-tyres']); // another model only
    await line('nbo-a', 'dan', 'p-service'); // holds the fallback, no recommendations
    await recommend('nbo-b', 'ada', 'basket', ['p-other-tenant']);
  });
  afterAll(() => t?.close());

  it('offers per person from the model, skipping what they hold, with the fallback and tenants apart', async () => {
    const offers = await t.app
      .get(NextBestOffers)
      .forContacts('nbo-a', offer, ['ada', 'bea', 'cem', 'dan', 'nobody']);
    expect(Object.fromEntries(offers)).toEqual({
      ada: 'p-tyres',
      bea: 'p-car-care',
      cem: 'p-service',
      dan: null,
      nobody: 'p-service',
    });
    const other = await t.app.get(NextBestOffers).forContacts('nbo-b', offer, ['ada']);
    expect(other.get('ada')).toBe('p-other-tenant');
  });
});
