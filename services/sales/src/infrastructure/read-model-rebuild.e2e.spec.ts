/**
 * Every read model can be rebuilt from the log and comes out identical, including what erasure
 * scrubbed (crypto-shredded fields fold to the same placeholders the scrub wrote).
 */
import { rebuildProjection } from '@crm/event-sourcing';
import { ManualClock } from '@crm/platform';
import { Pool } from 'pg';
import { projectionRegistry } from '../projections.registry';
import { setUpCarCatalogue } from '../testing/car-catalogue';
import { CAR_PIPELINE } from '../testing/fixtures';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';
import { salesReadModels } from './sales-read-models.projection';

const TABLES = [
  'lead_list',
  'pipelines',
  'deals',
  'activities',
  'reminder_schedule',
  'products',
  'price_books',
  'price_book_entries',
  'quotes',
  'orders',
];
// The literal dates below are in the future of this pinned "now", whatever today's date is.
const clock = new ManualClock('2026-06-15T12:00:00Z');
const manager = { roles: ['sales-manager' as const], sub: 'boss' };
const admin = { roles: ['admin' as const], sub: 'root' };

async function snapshot(pool: Pool): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of TABLES) {
    const { rows } = await pool.query(
      `SELECT to_jsonb(t)::text AS row FROM sales.${table} t ORDER BY 1`,
    );
    result[table] = rows.map((r) => r.row);
  }
  return result;
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('read model rebuild', () => {
  let t: SalesTestApp;
  afterAll(async () => {
    await t?.db.drop();
  });

  it('rebuilds every table from the log to exactly what the live projection wrote', async () => {
    t = await startSalesTestApp({}, { clock });
    const pipelineId = (await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE }))
      .body.id;
    const { productId, priceBookId } = await setUpCarCatalogue(t);
    const leadId = (
      await t.request('POST', '/leads', {
        body: {
          source: 'referral',
          profile: { name: 'Ada', email: 'ada@example.com', company: 'Engines' },
        },
      })
    ).body.id;
    await t.request('POST', `/leads/${leadId}/engagements`, { body: { kind: 'campaign-click' } });
    await t.request('POST', `/leads/${leadId}/work`, { body: {} });
    await t.request('POST', `/leads/${leadId}/qualify`);
    const { opportunityId, contactId } = (
      await t.request('POST', `/leads/${leadId}/convert`, {
        body: {
          opportunity: {
            pipelineId,
            amountMinor: 3_000_000,
            currency: 'EUR',
            expectedCloseDate: '2027-01-15',
          },
        },
      })
    ).body;
    const callId = (
      await t.request('POST', '/activities', {
        body: {
          kind: 'call',
          subject: 'Intro',
          leadId,
          phone: '+4915112345678',
          notes: 'n',
          dueAt: '2027-01-01T10:00:00Z',
          reminders: [{ remindAt: '2027-01-01T09:00:00Z' }],
        },
      })
    ).body.id;
    await t.request('POST', '/activities', {
      body: { kind: 'task', subject: 'Offer', contactId, dueAt: '2027-01-02T10:00:00Z' },
    });
    await t.request('POST', `/opportunities/${opportunityId}/stage`, { body: { stageId: 'demo' } });
    const quoteId = (
      await t.request('POST', '/quotes', {
        body: { opportunityId, taxRateBps: 1900, validUntil: '2027-01-31' },
      })
    ).body.id;
    await t.request('POST', `/quotes/${quoteId}/lines`, {
      body: { productId, priceBookId, optionIds: ['paint-red'], quantity: 2, discountBps: 250 },
    });
    await t.request('POST', `/quotes/${quoteId}/send`);
    const { orderId } = (await t.request('POST', `/quotes/${quoteId}/accept`)).body;
    await t.request('POST', `/orders/${orderId}/fulfil`);
    await t.request('DELETE', `/leads/${leadId}/personal-data`, { as: admin });
    expect((await t.request('GET', `/leads/${leadId}`)).body.name).toBe('[erased]');
    const pool = new Pool({ connectionString: t.db.url, max: 4 });
    // The erase also scrubs the lead's call (its own event); the live projection must have
    // applied it before the app stops, or "live" is a snapshot from before the erase finished.
    await waitFor(async () => {
      const { rows } = await pool.query(
        `SELECT state->>'personalDetailsErased' AS erased FROM sales.activities WHERE activity_id = $1`,
        [callId],
      );
      return rows[0]?.erased === 'true';
    });
    await t.stop();

    try {
      const live = await snapshot(pool);
      expect(live.orders).toHaveLength(1);
      expect(live.lead_list[0]).toContain('[erased]');
      expect(live.lead_list[0]).not.toContain('ada@example.com');

      const opened = await projectionRegistry.openStore(pool);
      const result = await rebuildProjection({
        pool,
        store: opened.store,
        logHead: opened.logHead,
        projection: salesReadModels,
        schema: projectionRegistry.schema,
      });
      await opened.close?.();
      expect(result.events).toBeGreaterThan(20);
      expect(await snapshot(pool)).toEqual(live);
    } finally {
      await pool.end();
    }
  });
});
