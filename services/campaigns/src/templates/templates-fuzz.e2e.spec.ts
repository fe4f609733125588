/**
 * Random and hostile bodies on the template writes and previews: arbitrary JSON, near-valid
 * templates whose sources are random Liquid-looking text (tags, filters, variables, deep paths,
 * prototype names, huge loops), and hostile offers. Whatever comes, the answer is a success or a
 * 4xx problem+json, never a 5xx. The valid starting points are checked to succeed, so the
 * property cannot pass by refusing everything.
 */
import { PG_POOL } from '@crm/platform';
import fc from 'fast-check';
import type { Pool } from 'pg';
import { audienceDdl } from '../segments/rules/audience-tables';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import {
  expectEveryOperationRefusesUnstorable,
  expectUnstorableStringsNamed,
} from '../testing/fuzz-walks';
import { describeVariables } from './template-variables';

const PATHS = describeVariables().map((v) => v.path.replace('<key>', 'loyalty'));

const liquidPiece = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...PATHS).map((p) => `{{ ${p} }}`),
  fc
    .constantFrom(...PATHS, 'contact.constructor', 'offer.__proto__', 'x', 'contact.tags[0]')
    .map((p) => `{{ ${p} | upcase | append: "<b>" | track }}`),
  fc.constantFrom(
    '{% if contact.id %}',
    '{% endif %}',
    '{% for t in contact.tags %}{{ t }}{% endfor %}',
    '{% for i in (1..100000) %}x{% endfor %}',
    '{% assign a = "x" %}{% for i in (1..30) %}{% assign a = a | append: a %}{% endfor %}',
    '{% include "x" %}',
    '{{ contact.displayName | raw }}',
    '{{ "now" | date: "%Y" }}',
    '{% raw %}{{ x }}{% endraw %}',
    '{{',
    '}}',
    '{%',
    '{{ contact.customFields[contact.id] }}',
    '\u0000',
    '\ud800',
    '😀€[]',
  ),
);
const liquid = fc.array(liquidPiece, { maxLength: 8 }).map((parts) => parts.join(''));

const offer = fc.oneof(
  fc.anything(),
  fc.record(
    {
      name: fc.oneof(fc.string(), fc.anything()),
      url: fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)')),
      price: fc.oneof(
        fc.record({
          amount: fc.oneof(fc.string(), fc.constant('19.90')),
          currency: fc.oneof(fc.string(), fc.constant('EUR')),
        }),
        fc.anything(),
      ),
    },
    { requiredKeys: [] },
  ),
);

const templateBody = fc.record(
  {
    channel: fc.oneof(fc.constantFrom('email', 'sms'), fc.anything()),
    name: fc.oneof(fc.string({ maxLength: 30 }), fc.anything()),
    subject: fc.oneof(liquid, fc.anything()),
    html: fc.oneof(liquid, fc.anything()),
    text: fc.oneof(liquid, fc.constant(null), fc.anything()),
    contactId: fc.oneof(fc.constantFrom('c1', 'nobody'), fc.anything()),
    offer,
  },
  { requiredKeys: [] },
);

describe('fuzzed templates (e2e)', () => {
  let t: CampaignsTestApp;
  let templateId: string;

  beforeAll(async () => {
    t = await startCampaignsTestApp();
    const pool: Pool = t.app.get(PG_POOL);
    await pool.query(audienceDdl());
    await pool.query(
      `INSERT INTO campaigns.audience_contacts (tenant, contact_id, display_name, tags, custom_fields)
       VALUES ('tenant-a', 'c1', '<b>Fuzz</b>', '{vip}', '{"loyalty": "gold", "__proto__": {"x": 1}}')`,
    );
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
    const valid = {
      channel: 'email',
      name: 'Fuzz',
      subject: 'Hi {{ contact.displayName }}',
      html: '<p>{{ offer.name }}</p>',
    };
    const created = await answers('POST', '/templates', valid);
    expect(created.status).toBe(201);
    templateId = created.body.id;
    expect(
      (await answers('POST', '/templates/preview', { ...valid, contactId: 'c1' })).status,
    ).toBe(200);
    expect(
      (await answers('POST', `/templates/${templateId}/preview`, { contactId: 'c1' })).status,
    ).toBe(200);
  });

  it('never answers a random template body with a 5xx, on create, patch or preview', async () => {
    await fc.assert(
      fc.asyncProperty(templateBody, async (body) => {
        const { contactId, offer: o, ...template } = body;
        await answers('POST', '/templates', template);
        await answers('POST', '/templates/preview', body);
        await answers('PATCH', `/templates/${templateId}`, { ...template, channel: undefined });
        await answers('POST', `/templates/${templateId}/preview`, { contactId, offer: o });
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('never answers arbitrary JSON with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (body) => {
        const sent = body === undefined ? null : body;
        await answers('POST', '/templates', sent);
        await answers('POST', '/templates/preview', sent);
        await answers('POST', `/templates/${templateId}/preview`, sent);
      }),
      { numRuns: 100 },
    );
  }, 300_000);
  it('a NUL or lone surrogate anywhere in a valid body is a 400 naming it', async () => {
    await expectUnstorableStringsNamed(t, '/templates', {
      channel: 'email',
      name: 'Fuzz',
      subject: 'Hi',
      html: '<p>{{ offer.name }}</p>',
    });
  });

  it('every templates operation: a lone surrogate in each path parameter, query and body is a 400 naming it', async () => {
    await expectEveryOperationRefusesUnstorable(t, '/templates', 8);
  });
});
