import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

describe('leads over HTTP', () => {
  let t: SalesTestApp;
  beforeAll(async () => {
    t = await startSalesTestApp();
  });
  afterAll(() => t?.close());

  it('captures a lead, scores it with reasons, and lists it by score', async () => {
    const created = await t.request('POST', '/leads', {
      body: {
        source: 'web_form',
        campaignId: 'cmp-1',
        profile: {
          name: 'Ada Lovelace',
          email: 'ada@example.com',
          company: 'Engines Ltd',
          jobTitle: 'Head of Fleet',
        },
      },
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"2"');
    const lead = await t.request('GET', `/leads/${created.body.id}`);
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({ status: 'new', score: 50, source: 'web_form' });
    expect(lead.body.reasons.map((r: any) => r.rule)).toEqual([
      'profile.email',
      'profile.company',
      'profile.seniority',
      'source',
    ]);

    await t.request('POST', '/leads', {
      body: { source: 'import', profile: { name: 'Cold Lead' } },
    });
    const hot = await t.request('GET', '/leads?minScore=40');
    expect(hot.body.map((l: any) => l.name)).toEqual(['Ada Lovelace']);
  });

  it('answers bad input with problem+json', async () => {
    const res = await t.request('POST', '/leads', {
      body: { source: 'manual', profile: { name: 'X', phone: '12345' } },
    });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, field: 'profile.phone' });
  });
});
