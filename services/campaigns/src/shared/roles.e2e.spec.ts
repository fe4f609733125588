/**
 * Who may read what in campaigns (README "Access"): a customer, or a token without a campaigns
 * role, gets 403 problem+json on every read; bad query input is a 400 naming the parameter.
 */
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';

const READS = [
  '/segments',
  '/segments/fields',
  '/segments/00000000-0000-4000-8000-000000000001',
  '/segments/00000000-0000-4000-8000-000000000001/members',
  '/segments/00000000-0000-4000-8000-000000000001/counts',
  '/contacts/c-1/segments',
  '/audience/contacts/c-1',
];

describe('campaigns roles (e2e)', () => {
  let t: CampaignsTestApp;
  beforeAll(async () => {
    t = await startCampaignsTestApp();
  });
  afterAll(() => t?.close());

  it.each(READS)('a customer gets 403 problem+json on GET %s', async (url) => {
    const res = await t.request('GET', url, { as: { roles: ['customer'], sub: 'c-1' } });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it.each(READS)('an analyst may read GET %s (positive control: not a 403)', async (url) => {
    const res = await t.request('GET', url, { as: { roles: ['analyst'] } });
    expect([200, 404]).toContain(res.status);
  });

  it('a malformed counts window is a 400 naming the parameter', async () => {
    const res = await t.request(
      'GET',
      '/segments/00000000-0000-4000-8000-000000000001/counts?from=yesterday&interval=week',
    );
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['from', 'interval']));
  });
});
