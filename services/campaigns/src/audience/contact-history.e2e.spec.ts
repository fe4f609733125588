/**
 * The history kept per contact (audience_records) is what the tables hold, whichever writer
 * changed them, with real PostgreSQL: the membership engine reads the kept row
 * (loadAudienceRecords) and must see what aggregating the tables (`live`) sees. Includes two
 * concurrent writers of one contact's history that share no other lock (a product's family and a
 * deal), merge and erasure.
 */
import { createTestDatabase, quietAfterEnd, type TestDatabase } from '@crm/testing';
import { Pool, type PoolClient } from 'pg';
import { loadAudienceRecords } from '../membership/audience-records';
import { migrateAnalyticsAudienceTables } from './analytics-schema';
import { queueAudienceChange } from './audience-changes';
import { upsertAudienceContact } from './audience-contacts';
import { applyDeal } from './audience-deals';
import { migrateAudienceTables } from './audience-schema';
import { applyProduct } from './audience-products';
import { deletePerson, repointHistory, writeOrder } from './purchase-history';

const T = 'hist';
const AT = new Date('2026-03-04T05:06:07.089Z');
const at = (minutes: number) => new Date(AT.getTime() + minutes * 60_000).toISOString();

describe('kept contact histories (e2e, real PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestDatabase('campaigns_contact_history');
    pool = quietAfterEnd(new Pool({ connectionString: db.url, max: 4 }));
    await migrateAudienceTables(pool);
    await migrateAnalyticsAudienceTables(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  async function inTx<R>(run: (tx: PoolClient) => Promise<R>): Promise<R> {
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      const result = await run(tx);
      await tx.query('COMMIT');
      return result;
    } catch (error) {
      await tx.query('ROLLBACK');
      throw error;
    } finally {
      tx.release();
    }
  }

  const register = (tx: PoolClient, id: string) =>
    upsertAudienceContact(tx, T, id, { profile: { display_name: id }, at: at(0) });

  const order = (tx: PoolClient, id: string, orderId: string, productId = 'p-car') =>
    writeOrder(
      tx,
      T,
      {
        order: {
          orderId,
          contactId: id,
          totalMinor: 250_000,
          currency: 'EUR',
          placedAt: at(1),
          status: 'placed',
        },
        lines: [
          {
            lineNo: 1,
            productId,
            sku: 'SKU-1',
            name: null,
            options: ['automatic'],
            quantity: 1,
            netMinor: 200_000,
          },
          {
            lineNo: 2,
            productId: 'p-mat',
            sku: 'SKU-2',
            name: null,
            options: [],
            quantity: 2,
            netMinor: 50_000,
          },
        ],
      },
      id,
      { at: at(1) },
    );

  /** Until another backend of this database waits for a row lock (the second refresh). */
  async function waitingOnALock(): Promise<void> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows } = await pool.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (rows[0].n > 0) return;
      if (Date.now() > deadline) throw new Error('no refresh is waiting for the lock');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The kept row (null columns: not kept) and whether the kept read equals the tables'. */
  async function kept(id: string) {
    const { rows } = await pool.query(
      `SELECT order_lines IS NOT NULL AND order_rows IS NOT NULL AND deal_rows IS NOT NULL AS full
         FROM campaigns.audience_records WHERE tenant = $1 AND contact_id = $2`,
      [T, id],
    );
    const client = await pool.connect();
    try {
      const stored = (await loadAudienceRecords(client, T, [id])).get(id);
      const live = (await loadAudienceRecords(client, T, [id], { live: true })).get(id);
      return { row: rows[0]?.full ?? null, stored, live };
    } finally {
      client.release();
    }
  }

  it('is aggregated in the writer’s transaction and read back as the tables hold it', async () => {
    await inTx(async (tx) => {
      await register(tx, 'c-1');
      await order(tx, 'c-1', 'o-1');
      await applyDeal(
        tx,
        T,
        'd-1',
        { contactId: 'c-1', stageId: 'nego', status: 'open', amountMinor: 9_000, currency: 'EUR' },
        { at: at(2) },
      );
      await queueAudienceChange(tx, T, ['c-1'], AT);
    });
    const { row, stored, live } = await kept('c-1');
    expect(row).toBe(true);
    expect(stored).toEqual(live);
    expect(stored?.lines.map((l) => [l.orderId, l.lineNo, l.options])).toEqual([
      ['o-1', 1, ['automatic']],
      ['o-1', 2, []],
    ]);
    expect(stored?.orders[0]).toMatchObject({
      orderId: 'o-1',
      totalMinor: 250_000,
      placedAt: new Date(at(1)),
    });
    expect(stored?.deals).toEqual([
      expect.objectContaining({ opportunityId: 'd-1', stageId: 'nego', amountMinor: 9_000 }),
    ]);
  });

  it('of two concurrent writers of one history, the later commit aggregates what the first committed', async () => {
    await inTx(async (tx) => {
      await register(tx, 'c-2');
      await order(tx, 'c-2', 'o-2', 'p-bike');
      await queueAudienceChange(tx, T, ['c-2'], AT);
    });
    // A family change of the product (which takes no contact lock) ...
    const family = await pool.connect();
    await family.query('BEGIN');
    await applyProduct(
      family,
      T,
      { productId: 'p-bike', family: 'bikes', name: 'Bike' },
      { at: at(3) },
    );
    // ... while a deal of the same contact is written, queued and committed first.
    const dealt = inTx(async (tx) => {
      await applyDeal(
        tx,
        T,
        'd-2',
        { contactId: 'c-2', status: 'won', amountMinor: 1, currency: 'EUR' },
        { at: at(4) },
      );
      await queueAudienceChange(tx, T, ['c-2'], AT);
    });
    await dealt;
    await queueAudienceChange(family, T, ['c-2'], AT);
    await family.query('COMMIT');
    family.release();
    const { stored, live } = await kept('c-2');
    expect(stored).toEqual(live);
    expect(stored?.deals.map((d) => d.opportunityId)).toEqual(['d-2']);
    expect(stored?.lines[0].productFamily).toBe('bikes');
  });

  it('waits for a concurrent refresh of the same contact rather than overwrite it with less', async () => {
    await inTx(async (tx) => {
      await register(tx, 'c-3');
      await queueAudienceChange(tx, T, ['c-3'], AT);
    });
    const first = await pool.connect();
    await first.query('BEGIN');
    await order(first, 'c-3', 'o-3');
    await queueAudienceChange(first, T, ['c-3'], AT); // holds c-3's kept row until it commits
    const second = inTx(async (tx) => {
      await applyDeal(
        tx,
        T,
        'd-3',
        { contactId: 'c-3', status: 'open', amountMinor: 5, currency: 'EUR' },
        { at: at(5) },
      );
      await queueAudienceChange(tx, T, ['c-3'], AT);
    });
    await waitingOnALock();
    await first.query('COMMIT');
    first.release();
    await second;
    const { stored, live } = await kept('c-3');
    expect(stored).toEqual(live);
    expect(stored?.orders.map((o) => o.orderId)).toEqual(['o-3']);
    expect(stored?.deals.map((d) => d.opportunityId)).toEqual(['d-3']);
  });

  it('keeps nothing before the contact row exists, and everything once it does', async () => {
    await inTx(async (tx) => {
      await order(tx, 'c-4', 'o-4');
      await queueAudienceChange(tx, T, ['c-4'], AT);
    });
    expect((await kept('c-4')).row).toBeNull();
    await inTx(async (tx) => {
      await register(tx, 'c-4');
      await queueAudienceChange(tx, T, ['c-4'], AT);
    });
    const { row, stored, live } = await kept('c-4');
    expect(row).toBe(true);
    expect(stored).toEqual(live);
    expect(stored?.orders.map((o) => o.orderId)).toEqual(['o-4']);
  });

  it('moves to the survivor on a merge and is gone with the duplicate and on erasure', async () => {
    await inTx(async (tx) => {
      await register(tx, 'c-dup');
      await register(tx, 'c-keep');
      await order(tx, 'c-dup', 'o-dup');
      await queueAudienceChange(tx, T, ['c-dup', 'c-keep'], AT);
    });
    expect((await kept('c-dup')).row).toBe(true);
    await inTx(async (tx) => {
      await repointHistory(tx, T, 'c-dup', 'c-keep');
      await deletePerson(tx, T, 'c-dup');
      await queueAudienceChange(tx, T, ['c-dup'], AT, { mergedInto: 'c-keep' });
      await queueAudienceChange(tx, T, ['c-keep'], AT);
    });
    expect((await kept('c-dup')).row).toBeNull();
    const survivor = await kept('c-keep');
    expect(survivor.stored).toEqual(survivor.live);
    expect(survivor.stored?.orders.map((o) => o.orderId)).toEqual(['o-dup']);

    await inTx(async (tx) => {
      await deletePerson(tx, T, 'c-keep');
      await queueAudienceChange(tx, T, ['c-keep'], AT, { erased: true });
    });
    expect(await kept('c-keep')).toEqual({ row: null, stored: undefined, live: undefined });
  });

  it('reads a contact whose history is not kept (written around the consumers) from the tables', async () => {
    await inTx(async (tx) => {
      await register(tx, 'c-5');
      await order(tx, 'c-5', 'o-5');
    });
    const { row, stored, live } = await kept('c-5');
    expect(row).toBeNull();
    expect(stored).toEqual(live);
    expect(stored?.lines).toHaveLength(2);
  });
});
