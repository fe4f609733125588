/**
 * Random and hostile bodies and queries on every after-sales write and list: near-valid values
 * (dates, units, codes, scores, calendars) mixed with arbitrary JSON. Whatever comes, the answer
 * is a success or a 4xx problem+json, never a 5xx. The valid starting points are checked to
 * succeed first, so the property cannot pass by refusing everything.
 */
import fc from 'fast-check';
import { ManualClock } from '@crm/platform';
import { startAftersalesTestApp, type AftersalesTestApp } from './testing/aftersales-test-app';

const DAY = 86_400_000;
const clock = new ManualClock(new Date(Date.now() - 10 * DAY).toISOString());
const day = (days: number) =>
  new Date(clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
const AGENT = { sub: 'agent-1', roles: ['admin' as const] };
const CUSTOMER = { sub: 'contact-1', roles: ['customer' as const] };

const anyOr = <T>(...values: fc.Arbitrary<T>[]) => fc.oneof(...values, fc.anything());
const isoDay = fc.integer({ min: -4000, max: 4000 }).map(day);
const dateLike = anyOr(
  isoDay,
  fc.constantFrom('2026-02-30', '0000-00-00', '', '9999-12-31', 'yesterday', '2026-13-01'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
const text = anyOr(
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', ' ', '\u0000', '\ud800', 'x'.repeat(20_000)),
);
const id = anyOr(fc.constantFrom('contact-1', 'asset-x', '', ' '), fc.string({ maxLength: 250 }));
const count = anyOr(
  fc.integer({ min: -5, max: 300 }),
  fc.double(),
  fc.constantFrom(1e308, -0, NaN),
);

const assetBody = fc.record(
  {
    productId: id,
    contactId: id,
    companyId: id,
    serialNumber: text,
    deliveredOn: dateLike,
    options: anyOr(fc.dictionary(fc.string({ maxLength: 120 }), fc.string({ maxLength: 250 }))),
    warrantyMonths: count,
  },
  { requiredKeys: [] },
);
const caseBody = fc.record(
  {
    contactId: id,
    channel: anyOr(fc.constantFrom('email', 'phone', 'sms', 'chat', 'web', 'fax')),
    assetId: id,
    category: anyOr(fc.constantFrom('breakdown', 'Bad Category', '-x', 'a'.repeat(70))),
    priority: anyOr(fc.constantFrom('low', 'normal', 'high', 'urgent', 'asap')),
    subject: text,
    description: text,
  },
  { requiredKeys: [] },
);
const period = fc.record({
  from: anyOr(fc.constantFrom('08:00', '24:00', '7:00', '')),
  to: anyOr(fc.constantFrom('17:00', '24:00', '07:59')),
});
const calendar = anyOr(
  fc.record(
    {
      timeZone: anyOr(fc.constantFrom('Europe/Berlin', 'UTC', 'Mars/Olympus', '')),
      workingHours: anyOr(
        fc.dictionary(
          fc.constantFrom('mon', 'tue', 'sat', 'sun', 'xyz'),
          fc.array(period, { maxLength: 8 }),
        ),
      ),
      holidays: anyOr(fc.array(dateLike, { maxLength: 5 })),
    },
    { requiredKeys: [] },
  ),
);
const policy = anyOr(
  fc.dictionary(
    fc.constantFrom('low', 'normal', 'high', 'urgent', 'other'),
    fc.record({ firstResponseMinutes: count, resolutionMinutes: count }, { requiredKeys: [] }),
  ),
);

describe('fuzzed after-sales bodies (e2e)', () => {
  let t: AftersalesTestApp;
  let assetId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startAftersalesTestApp({}, { clock });
  }, 90_000);
  afterAll(() => t?.close());

  const answers = async (
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    as: object = AGENT,
  ) => {
    const res = await t.request(method, url, {
      as,
      body,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
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
    expect((await answers('PUT', '/warranty-terms/prod-1', { months: 12 })).status).toBe(200);
    const asset = await answers('POST', '/assets', {
      productId: 'prod-1',
      contactId: 'contact-1',
      deliveredOn: day(-5),
    });
    expect(asset.status).toBe(201);
    assetId = asset.body.id;
    const opened = await answers('POST', '/cases', {
      contactId: 'contact-1',
      channel: 'email',
      category: 'breakdown',
      priority: 'high',
      subject: 'It stopped',
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
    expect(
      (
        await answers('POST', `/assets/${assetId}/readings`, {
          unit: 'hours',
          value: 5,
          readAt: clock.now().toISOString(),
        })
      ).status,
    ).toBe(200);
    expect((await answers('POST', `/cases/${caseId}/replies`, { body: 'On it' })).status).toBe(200);
    expect(
      (
        await answers('PUT', '/sla-settings', {
          calendar: {
            timeZone: 'Europe/Berlin',
            workingHours: { mon: [{ from: '08:00', to: '17:00' }] },
          },
        })
      ).status,
    ).toBe(200);
    expect(
      (await answers('POST', '/me/cases', { category: 'question', subject: 'Hello' }, CUSTOMER))
        .status,
    ).toBe(201);
    // A wrong value is a 4xx naming the field.
    const bad = await answers('POST', '/assets', {
      productId: 'prod-1',
      contactId: 'contact-1',
      deliveredOn: '2026-02-30',
    });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(bad.body)).toContain('deliveredOn');
  });

  it('never answers a random asset or case body with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(assetBody, caseBody, async (asset, kase) => {
        await answers('POST', '/assets', asset);
        await answers('POST', `/assets/${assetId}/transfer`, {
          contactId: asset.contactId,
          companyId: asset.companyId,
          on: asset.deliveredOn,
        });
        await answers('POST', `/assets/${assetId}/warranty-extensions`, {
          contractId: asset.productId,
          months: asset.warrantyMonths,
          startsOn: asset.deliveredOn,
        });
        await answers('POST', `/assets/${assetId}/readings`, {
          unit: kase.priority,
          value: asset.warrantyMonths,
          readAt: asset.deliveredOn,
        });
        await answers('POST', '/cases', kase);
        await answers(
          'POST',
          '/me/cases',
          { assetId: kase.assetId, category: kase.category, subject: kase.subject },
          CUSTOMER,
        );
        await answers('POST', `/cases/${caseId}/assign`, {
          kind: kase.channel,
          id: kase.contactId,
        });
        await answers('POST', `/cases/${caseId}/priority`, { priority: kase.priority });
        await answers('POST', `/cases/${caseId}/notes`, { body: kase.description });
        await answers('POST', `/cases/${caseId}/status`, { to: kase.category });
        await answers('POST', `/cases/${caseId}/resolve`, { resolutionCode: kase.category });
        await answers('POST', `/cases/${caseId}/satisfaction`, { score: asset.warrantyMonths });
        await answers('PUT', `/warranty-terms/${encodeURIComponent(String(asset.productId))}`, {
          months: asset.warrantyMonths,
          covers: kase.subject,
        });
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it('never answers random SLA settings, list queries or arbitrary JSON with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        calendar,
        policy,
        fc.dictionary(
          fc.constantFrom(
            'status',
            'priority',
            'warrantyStatus',
            'slaStatus',
            'q',
            'limit',
            'cursor',
            'contactId',
            'x',
          ),
          fc.string({ maxLength: 40 }),
        ),
        fc.anything(),
        async (cal, pol, query, junk) => {
          await answers('PUT', '/sla-settings', { calendar: cal, policy: pol });
          const qs = new URLSearchParams(query).toString();
          await answers('GET', `/assets?${qs}`);
          await answers('GET', `/cases?${qs}`);
          await answers('GET', `/me/cases?${qs}`, undefined, CUSTOMER);
          await answers('POST', '/assets', junk);
          await answers('POST', '/cases', junk);
          await answers('POST', `/cases/${caseId}/resolve`, junk);
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);
});
