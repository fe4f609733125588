/**
 * Random and hostile bodies on every campaign write: whatever arrives (arbitrary JSON, a valid
 * body with one member swapped for anything, hostile strings), the answer is a success or a 4xx
 * problem+json, never a 5xx. The valid body each property starts from is checked to succeed, so
 * the property cannot pass by refusing everything.
 */
import { hostileQueryValue } from '@crm/testing';
import fc from 'fast-check';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import {
  expectEveryOperationRefusesUnstorable,
  expectHostileQueriesAnswered,
} from '../testing/fuzz-walks';

const MEMBERS = [
  'name',
  'kind',
  'channel',
  'audience',
  'variants',
  'abTest',
  'nextBestOffer',
  'cost',
  'sender',
];
const anything = fc.oneof(
  fc.jsonValue(),
  hostileQueryValue,
  fc.constantFrom(
    "'; DROP TABLE campaigns.campaigns; --",
    {
      type: 'recurring',
      every: Infinity,
      unit: 'weeks',
      timeOfDay: '25:61',
      timeZone: 'Mars/Base',
    },
    { type: 'triggered', trigger: { event: 'segment-entered', segmentId: '%_\\', delayDays: -1 } },
    [{ id: 'A', templateId: 'x', templateVersion: 1, sharePercent: 1e21 }],
    { segmentId: 'x'.repeat(5000) },
    { amountMinor: Number.MAX_SAFE_INTEGER + 2, currency: 'XXX' },
    { __proto__: { polluted: true } },
  ),
);

describe('fuzzed campaign bodies (e2e)', () => {
  let t: CampaignsTestApp;
  let valid: Record<string, unknown>;
  let draftId: string;

  beforeAll(async () => {
    t = await startCampaignsTestApp();
    const segment = await t.request('POST', '/segments', {
      body: { name: 'Fuzz', kind: 'dynamic', rule: { field: 'country', op: 'eq', value: 'DE' } },
    });
    const template = await t.request('POST', '/templates', {
      body: {
        channel: 'email',
        name: 'Fuzz',
        subject: 'Hi',
        html: '<p>Hi {{ contact.displayName }}</p>',
      },
    });
    expect(template.status).toBe(201);
    valid = {
      name: 'Fuzz',
      kind: { type: 'broadcast' },
      channel: 'email',
      audience: { segmentId: segment.body.id },
      variants: [{ id: 'A', templateId: template.body.id, templateVersion: 1, sharePercent: 100 }],
      sender: { name: 'Shop', email: 'news@shop.example' },
    };
  });
  afterAll(() => t?.close());

  const answers = async (method: 'POST' | 'PATCH', url: string, body: unknown) => {
    const res = await t.request(method, url, {
      body,
      headers: { 'content-type': 'application/json' },
    });
    if (res.status >= 500)
      throw new Error(
        `${method} ${url} -> ${res.status} for ${JSON.stringify(body)}: ${JSON.stringify(res.body)}`,
      );
    if (res.status >= 400)
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    return res;
  };

  it('the valid starting points succeed (so refusing everything would fail the property)', async () => {
    const created = await answers('POST', '/campaigns', valid);
    expect(created.status).toBe(201);
    draftId = created.body.id;
    expect((await answers('PATCH', `/campaigns/${draftId}`, { name: 'Fuzz 2' })).status).toBe(200);
    expect(
      (await answers('POST', `/campaigns/${draftId}/schedule`, { sendAt: '2999-01-01T00:00:00Z' }))
        .status,
    ).toBe(200);
    const another = await answers('POST', '/campaigns', valid);
    draftId = another.body.id;
  });

  it('never answers a valid body with one member swapped for anything with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...MEMBERS), anything, async (member, value) => {
        await answers('POST', '/campaigns', { ...valid, [member]: value });
        await answers('PATCH', `/campaigns/${draftId}`, { [member]: value });
      }),
      { numRuns: 150 },
    );
  }, 240_000);

  it('never answers a random body with a 5xx, on create, patch and schedule', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom(...MEMBERS, 'sendAt'), anything)),
        async (body) => {
          const b = body === undefined ? null : body;
          await answers('POST', '/campaigns', b);
          await answers('PATCH', `/campaigns/${draftId}`, b);
          await answers('POST', `/campaigns/${draftId}/schedule`, b);
        },
      ),
      { numRuns: 100 },
    );
  }, 240_000);

  it('every campaigns operation: a lone surrogate in each path parameter, query and body is a 400 naming it', async () => {
    await expectEveryOperationRefusesUnstorable(t, '/campaigns', 10);
  });

  it('hostile query strings on the campaign reads are a 4xx problem or a success, never a 5xx', async () => {
    await expectHostileQueriesAnswered(t, '/campaigns');
  });
});
