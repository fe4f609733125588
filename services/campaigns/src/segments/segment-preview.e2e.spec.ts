/**
 * The preview's time budget, on a real database: a rule over a large audience with a budget too
 * small to count it is refused as a 503 problem (retryable), not a hung request or a 500; the
 * same preview with the normal budget answers (the positive control).
 */
import { ManualClock, PG_POOL, ProblemDetailsFilter } from '@crm/platform';
import type { Pool } from 'pg';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { audienceDdl } from './rules/audience-tables';
import { SegmentPreview } from './segment-preview';

const clock = new ManualClock('2026-09-15T12:00:00Z');
const AUDIENCE = 100_000;
const rule = {
  all: [
    { field: 'country', op: 'in', value: ['DE', 'AT'] },
    { field: 'purchase.family', op: 'not_bought', value: { anyOf: ['Cars'], within: '30d' } },
  ],
};

describe('segment preview budget (e2e)', () => {
  let t: CampaignsTestApp;
  let previews: SegmentPreview;

  beforeAll(async () => {
    t = await startCampaignsTestApp({}, { clock });
    const pool: Pool = t.app.get(PG_POOL);
    await pool.query(audienceDdl());
    await pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, country)
       SELECT 'big', 'c' || lpad(i::text, 6, '0'), 'Person ' || i, CASE WHEN i % 2 = 0 THEN 'DE' ELSE 'FR' END
         FROM generate_series(1, ${AUDIENCE}) AS i`,
    );
    await pool.query('ANALYZE campaigns.audience_contacts');
    previews = t.app.get(SegmentPreview);
  }, 60_000);
  afterAll(() => t?.close());

  it('answers within the normal budget', async () => {
    const preview = await previews.preview('big', rule);
    expect(preview.count).toBe(AUDIENCE / 2);
    expect(preview.sample).toHaveLength(20);
    expect(preview.sample[0]).toMatchObject({ contactId: 'c000002', displayName: 'Person 2' });
  });

  it('a query over its budget is a 503 problem with Retry-After, and the connection is reusable', async () => {
    const error = await previews.preview('big', rule, 1).then(
      () => undefined,
      (e: unknown) => e,
    );
    const problem = new ProblemDetailsFilter().toProblem(error);
    expect(problem).toMatchObject({
      status: 503,
      type: expect.stringMatching(/segment-preview-timed-out/),
      retryAfterSeconds: expect.any(Number),
    });
    // The pool's connections came back clean (the transaction was rolled back).
    const again = await previews.preview('big', rule);
    expect(again.count).toBe(AUDIENCE / 2);
  });
});
