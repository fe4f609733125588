/**
 * The after-sales service end to end on one app (real PostgreSQL, the embedded transport in its
 * database): an order placed and fulfilled, fed as crm.sales.v1 integration events, becomes one
 * asset per unit, once even when redelivered, in warranty by the product's terms; a case opened
 * for it is in warranty and resolves unbilled; an urgent case unanswered past its target is
 * announced breached once; a warranty ending within 30 days is announced once; the customer
 * touchpoint shows a customer only their own; another tenant sees nothing (with a positive
 * control); everything on crm.aftersales.v1 is schema-valid and carries no case text.
 * Every business time derives from the app's pinned clock.
 */
import {
  CE,
  ContactErased,
  OrderFulfilled,
  OrderPlaced,
  topicFor,
  validatePayload,
} from '@crm/contracts';
import {
  createTransport,
  messagingConfigFromEnv,
  namespacedName,
  type MessageTransport,
} from '@crm/messaging';
import { ERASED } from '@crm/event-sourcing';
import { ManualClock } from '@crm/platform';
import { openIntegrationFeed, type IntegrationFeed } from '@crm/platform/testing';
import { eventually, uniqueName } from '@crm/testing';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { CalendarDate } from '@crm/values';
import { ORDER_FEED } from './assets/order-feed.consumer';
import { CONTACT_ERASURE } from './cases/contact-erasure.consumer';
import { coverageOf } from './assets/warranty';
import { daysBetween } from './shared/calendar-days';
import { Watcher } from './notices/watcher';
import { startAftersalesTestApp, type AftersalesTestApp } from './testing/aftersales-test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const clock = new ManualClock(new Date(Date.now() - 30 * DAY).toISOString());
const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
const dayOf = (ms: number) => at(ms).slice(0, 10);

const TENANT = 'tenant-a';
const AGENT = { tenant: TENANT, sub: 'agent-1', roles: ['sales-rep' as const] };
const MANAGER = { tenant: TENANT, sub: 'boss-1', roles: ['sales-manager' as const] };
const OTHER_TENANT = { tenant: 'tenant-b', sub: 'agent-b', roles: ['admin' as const] };
const customer = (contactId: string) => ({
  tenant: TENANT,
  sub: contactId,
  roles: ['customer' as const],
});
const CASE_TEXT = 'Drum bearing grinds loudly after 3 weeks';
const WAIT_MS = 45_000;

describe('after-sales (e2e)', () => {
  let t: AftersalesTestApp;
  let pool: Pool;
  let feed: IntegrationFeed;
  let reader: MessageTransport;
  let stopReader: () => Promise<void>;
  const published: { type: string; tenant: string; key: string | null; data: any }[] = [];

  const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, as: object, body?: object) => {
    const res = await t.request(method, url, { as, body });
    if (res.status >= 300)
      throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const watch = () => t.app.get(Watcher).runOnce();
  /** The event types on a subject's notice stream, in order. */
  const announcements = async (subject: string) =>
    (
      await pool.query(
        `SELECT type FROM aftersales.events WHERE stream_id = $1 ORDER BY stream_version`,
        [`notice-${subject}`],
      )
    ).rows.map((r) => r.type);

  beforeAll(async () => {
    const namespace = uniqueName('aftersales');
    process.env.MESSAGING_NAMESPACE = namespace;
    t = await startAftersalesTestApp({}, { clock });
    pool = new Pool({ connectionString: t.db.url, max: 2 });
    feed = openIntegrationFeed({ consumer: ORDER_FEED.consumer!, databaseUrl: t.db.url, pool });
    reader = createTransport(
      messagingConfigFromEnv({ KAFKA_BROKERS: '', DATABASE_URL: t.db.url }),
      {
        clientId: 'aftersales-e2e-reader',
      },
    );
    const handle = await reader.consume({
      groupId: uniqueName('aftersales-reader'),
      topics: [namespacedName(namespace, topicFor('aftersales'))],
      fromBeginning: true,
      handle: async (m) => {
        published.push({
          type: m.headers[CE.type],
          tenant: m.headers[CE.tenant],
          key: m.key,
          data: JSON.parse(m.value.toString()),
        });
      },
    });
    await handle.ready;
    stopReader = () => handle.stop();
  }, 90_000);
  afterAll(async () => {
    await stopReader?.();
    await reader?.close();
    await feed?.close();
    await pool?.end();
    await t?.close();
    delete process.env.MESSAGING_NAMESPACE;
  });

  const orderId = randomUUID();
  const buyer = 'contact-ada';
  const stranger = 'contact-bob';
  const productId = 'prod-washer';
  let assetIds: string[] = [];
  let caseId: string;
  let dryerId: string;

  const placed = {
    orderId,
    contactId: buyer,
    companyId: 'company-ada',
    lines: [
      {
        productId,
        sku: 'WM-7',
        quantity: 2,
        unitPrice: { amount: '499.00', currency: 'EUR' },
        lineTotal: { amount: '998.00', currency: 'EUR' },
        lineId: 'line-1',
        options: [
          {
            groupId: 'colour',
            optionId: 'white',
            name: 'White',
            priceDeltaMinor: 0,
            defaulted: true,
          },
        ],
      },
    ],
    total: { amount: '998.00', currency: 'EUR' },
    placedAt: at(-2 * DAY),
  };
  const fulfilled = { orderId, fulfilledAt: at(-DAY) };

  it('turns a fulfilled order into one asset per unit, once, in warranty by the product terms', async () => {
    await ok('PUT', `/warranty-terms/${productId}`, MANAGER, {
      months: 24,
      covers: 'parts and labour',
    });
    await feed.deliver({ topic: 'sales', type: OrderPlaced.type, subject: orderId, data: placed });
    const fulfilment = randomUUID();
    await feed.deliver({
      topic: 'sales',
      type: OrderFulfilled.type,
      subject: orderId,
      data: fulfilled,
      id: fulfilment,
    });
    // The same message again (the inbox drops it) and the same fact under a new id (the ids of
    // the assets are derived from order, line and unit, so the decider refuses them).
    await feed.deliver({
      topic: 'sales',
      type: OrderFulfilled.type,
      subject: orderId,
      data: fulfilled,
      id: fulfilment,
    });
    await feed.deliver({
      topic: 'sales',
      type: OrderFulfilled.type,
      subject: orderId,
      data: fulfilled,
    });

    const page = await eventually(async () => {
      const body = await ok('GET', `/assets?orderId=${orderId}`, AGENT);
      expect(body.items).toHaveLength(2);
      return body;
    }, WAIT_MS);
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM aftersales.events WHERE category = 'asset' AND type = 'AssetRegistered'`,
    );
    expect(rows[0].n).toBe(2);
    assetIds = page.items.map((a: { id: string }) => a.id).sort();
    for (const asset of page.items) {
      expect(asset).toMatchObject({
        productId,
        contactId: buyer,
        companyId: 'company-ada',
        source: 'order',
        options: { colour: 'white' },
        deliveredOn: dayOf(-DAY),
        warranty: { status: 'in_warranty' },
      });
      // 24 months from the delivery day, the last covered day the day before.
      expect(asset.warranty.endsOn > dayOf(700 * DAY)).toBe(true);
      expect(asset.warranty.endsOn < dayOf(731 * DAY)).toBe(true);
    }
    const inWarranty = await ok(
      'GET',
      `/assets?contactId=${buyer}&warrantyStatus=in_warranty`,
      AGENT,
    );
    expect(inWarranty.items.map((a: { id: string }) => a.id).sort()).toEqual(assetIds);
    const expired = await ok('GET', `/assets?contactId=${buyer}&warrantyStatus=expired`, AGENT);
    expect(expired.items).toEqual([]);
    const detail = await ok('GET', `/assets/${assetIds[0]}`, AGENT);
    expect(detail.history.map((h: { type: string }) => h.type)).toEqual(['AssetRegistered']);

    // A fulfilment read before its placement (a replay) waits for it: the placement registers.
    const late = randomUUID();
    const one = {
      ...placed,
      orderId: late,
      lines: [{ ...placed.lines[0], quantity: 1, lineId: 'l', productId: 'prod-kettle' }],
    };
    await feed.deliver({
      topic: 'sales',
      type: OrderFulfilled.type,
      subject: late,
      data: { orderId: late, fulfilledAt: at(-DAY) },
    });
    expect((await ok('GET', `/assets?orderId=${late}`, AGENT)).items).toEqual([]);
    await feed.deliver({ topic: 'sales', type: OrderPlaced.type, subject: late, data: one });
    await eventually(
      async () => expect((await ok('GET', `/assets?orderId=${late}`, AGENT)).items).toHaveLength(1),
      WAIT_MS,
    );
  });

  it('opens a case for the asset in warranty, and resolves it unbilled', async () => {
    const opened = await ok('POST', '/cases', AGENT, {
      contactId: buyer,
      channel: 'phone',
      assetId: assetIds[0],
      category: 'breakdown',
      priority: 'urgent',
      subject: CASE_TEXT,
    });
    caseId = opened.id;
    const detail = await eventually(async () => {
      const body = await ok('GET', `/cases/${caseId}`, AGENT);
      expect(body.status).toBe('new');
      return body;
    }, WAIT_MS);
    expect(detail.warranty).toMatchObject({ status: 'in_warranty' });
    expect(detail.sla.firstResponse.status).toBe('running');
    // Default calendar 24x7: the urgent first-response target is 30 minutes after opening.
    expect(Date.parse(detail.sla.firstResponse.dueAt) - Date.parse(detail.openedAt)).toBe(
      30 * 60_000,
    );
    const queue = await ok('GET', '/cases?status=new&priority=urgent&q=bearing', AGENT);
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const none = await ok('GET', '/cases?q=toaster', AGENT);
    expect(none.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
  });

  it('announces an SLA breach once, however often the watcher runs', async () => {
    clock.advance(31 * 60_000);
    await watch();
    await watch();
    expect(await announcements(`case:${caseId}`)).toEqual(['SlaBreachRecorded']);
    await eventually(async () => {
      const { rows } = await pool.query(`SELECT key FROM aftersales.notices WHERE subject = $1`, [
        `case:${caseId}`,
      ]);
      expect(rows.map((r) => r.key)).toEqual(['sla:first_response']);
    }, WAIT_MS);
    const breached = await ok('GET', '/cases?slaStatus=breached', AGENT);
    expect(breached.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const detail = await ok('GET', `/cases/${caseId}`, AGENT);
    expect(detail.sla.firstResponse.status).toBe('breached');

    await ok('POST', `/cases/${caseId}/replies`, AGENT, { body: 'We send a technician tomorrow.' });
    const resolved = await ok('POST', `/cases/${caseId}/resolve`, AGENT, {
      resolutionCode: 'part_replaced',
    });
    expect(resolved.id).toBe(caseId);
    const after = await eventually(async () => {
      const body = await ok('GET', `/cases/${caseId}`, AGENT);
      expect(body.status).toBe('resolved');
      return body;
    }, WAIT_MS);
    expect(after.resolution).toEqual({
      code: 'part_replaced',
      failure: true,
      coverage: 'in_warranty',
      billable: false,
    });
  });

  it('announces a warranty ending within 30 days once', async () => {
    const registered = await ok('POST', '/assets', AGENT, {
      productId: 'prod-dryer',
      contactId: buyer,
      serialNumber: 'SN-0042',
      // 12 months from this day end about 10 days from now.
      deliveredOn: dayOf(-355 * DAY),
      warrantyMonths: 12,
    });
    dryerId = registered.id;
    await eventually(
      async () =>
        expect((await ok('GET', `/assets/${registered.id}`, AGENT)).id).toBe(registered.id),
      WAIT_MS,
    );
    await watch();
    await watch();
    // Once on the log (the decider's key), and in the read model the watcher skips by.
    expect(await announcements(`asset:${registered.id}`)).toEqual(['WarrantyExpiryAnnounced']);
    const endsOn = coverageOf(dayOf(-355 * DAY) as CalendarDate, 12)!.to;
    await eventually(async () => {
      const { rows } = await pool.query(`SELECT key FROM aftersales.notices WHERE subject = $1`, [
        `asset:${registered.id}`,
      ]);
      expect(rows.map((r) => r.key)).toEqual([`warranty:${endsOn}`]);
    }, WAIT_MS);
    // The order's assets end in two years: nothing announced for them.
    const { rows: others } = await pool.query(
      `SELECT count(*)::int AS n FROM aftersales.notices WHERE subject = ANY($1)`,
      [assetIds.map((id) => `asset:${id}`)],
    );
    expect(others[0].n).toBe(0);
  });

  it('projects the next service from the meter readings, and a reading moves the due date', async () => {
    await ok('PUT', '/maintenance-plans/dryer-hours', MANAGER, {
      productId: 'prod-dryer',
      name: 'Service every 1000 hours',
      interval: { kind: 'usage', every: 1000, unit: 'hours' },
    });
    const next = async () =>
      (await ok('GET', `/assets/${dryerId}/maintenance`, AGENT)).items[0].next;
    expect(await next()).toEqual({ basis: 'unknown', dueAtReading: 1000, remaining: 1000 });
    const read = (value: number, days: number) =>
      ok('POST', `/assets/${dryerId}/readings`, AGENT, {
        unit: 'hours',
        value,
        readAt: at(days * DAY),
      });
    await read(100, -300);
    await read(400, -200);
    // 300 hours in 100 days: 3 a day, 600 to go from day -200: due in 200 days, i.e. today.
    await eventually(
      async () =>
        expect(await next()).toEqual({
          basis: 'projected',
          dueOn: dayOf(0),
          dueAtReading: 1000,
          ratePerDay: 3,
        }),
      WAIT_MS,
    );
    await read(900, -100);
    // 800 hours in 200 days: 4 a day, 100 to go from day -100: due on day -75, overdue.
    await eventually(
      async () =>
        expect(await next()).toEqual({
          basis: 'projected',
          dueOn: dayOf(-75 * DAY),
          dueAtReading: 1000,
          ratePerDay: 4,
        }),
      WAIT_MS,
    );
    const due = await ok('GET', '/maintenance/due?horizonDays=30', AGENT);
    expect(due.items).toEqual([
      expect.objectContaining({
        assetId: dryerId,
        planId: 'dryer-hours',
        dueOn: dayOf(-75 * DAY),
        state: 'overdue',
        daysLeft: -75,
      }),
    ]);
    // Overdue: announced once per plan and due day, however often the watcher runs.
    await watch();
    await watch();
    expect(await announcements(`asset:${dryerId}`)).toEqual([
      'WarrantyExpiryAnnounced',
      'MaintenanceDueAnnounced',
    ]);
  });

  it('reports reliability per product from the failure cases', async () => {
    const report = await ok('GET', '/reliability/products', AGENT);
    const washer = report.items.find((p: { productId: string }) => p.productId === productId);
    const today = dayOf(0) as CalendarDate;
    const days = daysBetween(dayOf(-DAY - 31 * 60_000) as CalendarDate, today);
    // Two units in service `days` days each, one failure (the part replaced): MTBF = 2 x days.
    expect(washer).toEqual({
      productId,
      assets: 2,
      failures: 1,
      mtbfDays: 2 * days,
      repeatRepairs: 0,
    });
    const asset = await ok('GET', `/reliability/assets/${assetIds[0]}`, AGENT);
    expect(asset).toMatchObject({
      assetId: assetIds[0],
      failures: 1,
      upgrade: { suggest: false, recentFailures: 1 },
    });
  });

  it('shows a customer only their own assets and cases', async () => {
    const mine = await ok('GET', '/me/assets', customer(buyer));
    expect(mine.items.length).toBe(4);
    expect(mine.items.every((a: { contactId: string }) => a.contactId === buyer)).toBe(true);
    const myCases = await ok('GET', '/me/cases', customer(buyer));
    expect(myCases.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const own = await ok('GET', `/me/cases/${caseId}`, customer(buyer));
    expect(own.messages.every((m: { kind: string }) => m.kind === 'reply')).toBe(true);

    expect((await ok('GET', '/me/assets', customer(stranger))).items).toEqual([]);
    expect((await ok('GET', '/me/cases', customer(stranger))).items).toEqual([]);
    expect((await t.request('GET', `/me/cases/${caseId}`, { as: customer(stranger) })).status).toBe(
      404,
    );
    const onTheirs = await t.request('POST', '/me/cases', {
      as: customer(stranger),
      body: { assetId: assetIds[0], category: 'noise', subject: 'Not my machine' },
    });
    expect(onTheirs.status).toBe(404);
    const reply = await t.request('POST', `/me/cases/${caseId}/replies`, {
      as: customer(stranger),
      body: { body: 'hello' },
    });
    expect(reply.status).toBe(404);
    // A customer never reaches the agents' API.
    expect((await t.request('GET', '/cases', { as: customer(buyer) })).status).toBe(403);

    const opened = await ok('POST', '/me/cases', customer(stranger), {
      category: 'question',
      subject: 'How to descale?',
    });
    expect(opened.id).toBeDefined();
    await eventually(async () => {
      const theirs = await ok('GET', '/me/cases', customer(stranger));
      expect(theirs.items.map((c: { id: string; channel: string }) => [c.id, c.channel])).toEqual([
        [opened.id, 'touchpoint'],
      ]);
    }, WAIT_MS);
    const adaStill = await ok('GET', '/me/cases', customer(buyer));
    expect(adaStill.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
  });

  it("shreds an erased contact's case texts and keeps the case", async () => {
    const theirs = (await ok('GET', '/me/cases', customer(stranger))).items[0];
    // At rest the text is ciphertext: the log never holds it in the clear.
    const { rows } = await pool.query(
      `SELECT data::text AS d FROM aftersales.events WHERE stream_id = $1`,
      [`case-${theirs.id}`],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.d.includes('descale'))).toBe(false);
    expect(theirs.subject).toBe('How to descale?');

    const erasures = openIntegrationFeed({
      consumer: CONTACT_ERASURE.consumer!,
      databaseUrl: t.db.url,
      pool,
    });
    try {
      const erased = { contactId: stranger, erasedAt: at(0) };
      const id = await erasures.deliver({
        topic: 'contacts',
        type: ContactErased.type,
        subject: stranger,
        data: erased,
      });
      await erasures.deliver({
        topic: 'contacts',
        type: ContactErased.type,
        subject: stranger,
        data: erased,
        id,
      });
    } finally {
      await erasures.close();
    }
    const after = await ok('GET', `/cases/${theirs.id}`, AGENT);
    expect(after).toMatchObject({
      id: theirs.id,
      subject: ERASED,
      status: 'new',
      channel: 'touchpoint',
    });
    // Ada's case is untouched.
    expect((await ok('GET', `/cases/${caseId}`, AGENT)).subject).toBe(CASE_TEXT);
  });

  it("keeps tenants apart: another tenant sees none of tenant A's records", async () => {
    // Positive control: tenant A reads them.
    expect((await t.request('GET', `/assets/${assetIds[0]}`, { as: AGENT })).status).toBe(200);
    expect((await t.request('GET', `/cases/${caseId}`, { as: AGENT })).status).toBe(200);
    expect((await t.request('GET', `/assets/${assetIds[0]}`, { as: OTHER_TENANT })).status).toBe(
      404,
    );
    expect((await t.request('GET', `/cases/${caseId}`, { as: OTHER_TENANT })).status).toBe(404);
    expect((await ok('GET', '/assets', OTHER_TENANT)).items).toEqual([]);
    expect((await ok('GET', '/cases', OTHER_TENANT)).items).toEqual([]);
    const foreign = await t.request('POST', `/cases/${caseId}/close`, { as: OTHER_TENANT });
    expect(foreign.status).toBe(404);
    expect(
      (await t.request('GET', `/warranty-terms/${productId}`, { as: OTHER_TENANT })).status,
    ).toBe(404);
  });

  it('publishes crm.aftersales.v1 schema-valid, each announcement once, without case text', async () => {
    await eventually(async () => {
      const types = published.map((m) => m.type);
      expect(types).toEqual(
        expect.arrayContaining([
          'crm.aftersales.asset.registered.v1',
          'crm.aftersales.asset.warranty_expiring.v1',
          'crm.aftersales.case.opened.v1',
          'crm.aftersales.case.sla_breached.v1',
          'crm.aftersales.case.resolved.v1',
          'crm.aftersales.asset.maintenance_due.v1',
        ]),
      );
    }, WAIT_MS);
    for (const message of published)
      expect(validatePayload(message.type, message.data, 'strict')).toEqual([]);
    expect(
      published.filter(
        (m) => m.type === 'crm.aftersales.asset.registered.v1' && m.data.orderId === orderId,
      ),
    ).toHaveLength(2);
    expect(
      published.filter((m) => m.type === 'crm.aftersales.case.sla_breached.v1' && m.key === caseId),
    ).toHaveLength(1);
    expect(published.every((m) => m.tenant === TENANT)).toBe(true);
    expect(JSON.stringify(published)).not.toContain('bearing');
  });
});
