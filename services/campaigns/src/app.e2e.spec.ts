/** The campaigns service boots on a fresh database: health, OpenAPI, its projection and relay. */
import { startCampaignsTestApp, type CampaignsTestApp } from './testing/campaigns-test-app';

describe('campaigns service (e2e)', () => {
  let app: CampaignsTestApp;
  beforeAll(async () => {
    app = await startCampaignsTestApp();
  });
  afterAll(() => app?.close());

  it('answers ready once its read model is built', async () => {
    const ready = await app.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(JSON.stringify(ready.body)).toContain('campaigns.read_models');
  });

  it('serves its OpenAPI document under its own name', async () => {
    const doc = await app.request('GET', '/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.info.title).toMatch(/campaigns/i);
  });

  it('publishes its AsyncAPI document: crm.campaigns.v1 with the segment membership events', async () => {
    const doc = await app.request('GET', '/asyncapi.json', { as: null });
    expect(doc.status).toBe(200);
    const text = JSON.stringify(doc.body);
    expect(text).toContain('crm.campaigns.v1');
    expect(text).toContain('crm.campaigns.segment.member_joined.v1');
  });
});
