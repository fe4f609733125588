/**
 * The records the live membership engine evaluates are the ones the database holds: what
 * insertAudience writes (the rows the property test runs the SQL over), loadAudienceRecords
 * (membership/audience-records.ts) reads back exactly, deals included, in one query per batch.
 * It lives beside the rule tests because it holds the loader to their builders.
 */
import { createTestDatabase, quietAfterEnd, type TestDatabase } from '@crm/testing';
import { Pool, type PoolClient } from 'pg';
import { loadAudienceRecords } from '../../membership/audience-records';
import { CAMPAIGNS_SCHEMA } from '../../infrastructure/schema';
import { audienceDdl } from './audience-tables';
import type { AudienceRecord } from './audience-record';
import { aDeal, aLine, anOrder, aRecord, insertAudience } from './testing/audience-records';

const AT = new Date('2026-03-04T05:06:07.089Z');

describe('loadAudienceRecords (int, real PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let client: PoolClient;
  beforeAll(async () => {
    db = await createTestDatabase('campaigns_records');
    pool = quietAfterEnd(new Pool({ connectionString: db.url, max: 2 }));
    await pool.query(audienceDdl(CAMPAIGNS_SCHEMA));
    client = await pool.connect();
  });
  afterAll(async () => {
    client?.release();
    await pool?.end();
    await db?.drop();
  });

  it('reads back every contact asked for with its lines, orders and deals, in one query', async () => {
    const dealer: AudienceRecord = aRecord(
      { contactId: 'c1', email: 'a@b.c', birthDate: '1980-02-29', registeredAt: AT, tags: ['vip'] },
      [aLine({ orderId: 'o1', productId: 'p1', options: ['roof'], netMinor: 100, orderedAt: AT })],
      [anOrder({ orderId: 'o1', totalMinor: 9_007_199_254, currency: 'EUR', placedAt: AT })],
      [
        aDeal({
          opportunityId: 'd1',
          stageId: 'negotiation',
          amountMinor: 2_000_000,
          currency: 'EUR',
          updatedAt: AT,
        }),
        aDeal({ opportunityId: 'd2', status: 'won', updatedAt: new Date(AT.getTime() - 1) }),
        aDeal({ opportunityId: 'd3', status: null }),
      ],
    );
    const nobody = aRecord({ contactId: 'c2' });
    // Another tenant's deal of a contact with the same id is not hers.
    const foreign = aRecord(
      { tenant: 't2', contactId: 'c1' },
      [],
      [],
      [aDeal({ opportunityId: 'x' })],
    );
    await insertAudience(pool, CAMPAIGNS_SCHEMA, [dealer, nobody, foreign]);

    const query = jest.spyOn(client, 'query');
    const loaded = await loadAudienceRecords(client, 't1', ['c1', 'c2', 'unknown']);
    expect(query).toHaveBeenCalledTimes(1);
    query.mockRestore();

    expect([...loaded.keys()].sort()).toEqual(['c1', 'c2']);
    expect({
      ...loaded.get('c1'),
      deals: [...loaded.get('c1')!.deals].sort((a, b) =>
        a.opportunityId.localeCompare(b.opportunityId),
      ),
    }).toEqual(dealer);
    expect(loaded.get('c2')).toEqual(nobody);
  });
});
