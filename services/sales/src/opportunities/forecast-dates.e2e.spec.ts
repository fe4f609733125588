/**
 * Issue 12: impossible calendar dates in the forecast query are a 400 naming the field (they
 * used to reach PostgreSQL's date cast: 500). A real date still answers 200 (positive control).
 */
import { ManualClock } from '@crm/platform';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const manager = { roles: ['sales-manager' as const], sub: 'boss' };

describe('forecast refuses impossible dates (e2e)', () => {
  let t: SalesTestApp;

  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock: new ManualClock('2026-10-15T12:00:00Z') });
  });
  afterAll(() => t?.close());

  it.each(['2026-02-30', '2026-04-31', '2026-13-01'])(
    'from=%s is a 400 naming from',
    async (day) => {
      const res = await t.request('GET', `/forecast?period=month&from=${day}&to=2027-01-01`, {
        as: manager,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    },
  );

  it('to=2026-02-29 (not a leap year) is a 400 naming to; real dates answer 200', async () => {
    const bad = await t.request('GET', '/forecast?period=month&from=2026-01-01&to=2026-02-29', {
      as: manager,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    const leap = await t.request('GET', '/forecast?period=month&from=2028-02-29&to=2028-03-01', {
      as: manager,
    });
    expect(leap.status).toBe(200);
  });
});
