/**
 * GET /leads|opportunities|quotes|activities/{id}/history and `?asOf=` on their GETs, over the
 * real app and PostgreSQL: who changed what when, the middle state read back by instant, an
 * erased lead's history without its personal data, and the record GET's roles.
 */
import { ManualClock } from '@crm/platform';
import { feedContacts } from '../testing/contacts-feed';
import { CAR_PIPELINE } from '../testing/fixtures';
import { setUpPricedProduct } from '../testing/priced-product';
import { startSalesTestApp, type SalesTestApp } from '../testing/sales-test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('sales record history and as-of reads (e2e)', () => {
  // Any instant works: each step advances it and every expected time is read from it.
  const clock = new ManualClock(new Date(Date.now() - 40 * DAY));
  const manager = { roles: ['sales-manager' as const], sub: 'boss' };
  const admin = { roles: ['admin' as const], sub: 'root' };
  const dateIn = (days: number) =>
    new Date(clock.now().getTime() + days * DAY).toISOString().slice(0, 10);
  let t: SalesTestApp;
  let pipelineId: string;

  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    const pipeline = await t.request('POST', '/pipelines', { as: manager, body: CAR_PIPELINE });
    expect(pipeline.status).toBe(201);
    pipelineId = pipeline.body.id;
  });
  afterAll(() => t?.close());

  const history = async (url: string) => {
    const res = await t.request('GET', `${url}/history`);
    expect(res.status).toBe(200);
    return res.body.items as Array<{
      version: number;
      at: string;
      actor: string;
      event: string;
      changes: Array<{ path: string; from: unknown; to: unknown }>;
    }>;
  };
  const step = () => {
    clock.advance(HOUR);
    return clock.now().toISOString();
  };
  const justBefore = (at: string) => new Date(Date.parse(at) - 1).toISOString();

  /** A lead captured by rep-1, its profile replaced by rep-1, then by the manager. */
  async function leadChangedTwice() {
    const capturedAt = step();
    const created = await t.request('POST', '/leads', {
      body: { source: 'referral', profile: { name: 'Grace Hopper', email: 'grace@example.com' } },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const firstChangeAt = step();
    const first = await t.request('PUT', `/leads/${id}/profile`, {
      body: { name: 'Grace Hopper', email: 'grace@example.com', company: 'Navy' },
    });
    expect(first.status).toBe(200);
    const secondChangeAt = step();
    const second = await t.request('PUT', `/leads/${id}/profile`, {
      as: manager,
      body: { name: 'Grace B. Hopper', email: 'grace@example.com', company: 'Navy' },
    });
    expect(second.status).toBe(200);
    step();
    return {
      id,
      capturedAt,
      firstChangeAt,
      secondChangeAt,
      version: second.body.version as number,
    };
  }

  it('a lead: who changed what when, newest first, and its middle state by instant', async () => {
    const { id, capturedAt, firstChangeAt, secondChangeAt, version } = await leadChangedTwice();
    const items = await history(`/leads/${id}`);
    expect(items[0]).toMatchObject({ version, at: secondChangeAt, actor: 'boss' });
    expect(items[0].changes).toContainEqual({
      path: 'name',
      from: 'Grace Hopper',
      to: 'Grace B. Hopper',
    });
    // A profile change records the profile and then the rescore: two facts at one time.
    const firstChange = items.filter((e) => e.at === firstChangeAt);
    expect(firstChange.map((e) => e.actor)).toEqual(['rep-1', 'rep-1']);
    expect(firstChange.flatMap((e) => e.changes)).toEqual(
      expect.arrayContaining([
        { path: 'company', from: null, to: 'Navy' },
        { path: 'profile.company', from: null, to: 'Navy' },
        expect.objectContaining({ path: 'score' }),
      ]),
    );
    expect(items.at(-1)).toMatchObject({ version: 1, at: capturedAt, actor: 'rep-1' });
    expect(items.map((e) => e.version)).toEqual(
      [...items].map((e) => e.version).sort((a, b) => b - a),
    );

    const middle = await t.request('GET', `/leads/${id}?asOf=${justBefore(secondChangeAt)}`);
    expect(middle.status).toBe(200);
    expect(middle.body).toMatchObject({
      id,
      name: 'Grace Hopper',
      company: 'Navy',
      capturedAt,
      updatedAt: firstChangeAt,
    });
    expect(middle.body.version).toBeLessThan(version);
    expect((await t.request('GET', `/leads/${id}?asOf=${justBefore(capturedAt)}`)).status).toBe(
      404,
    );
    // As of now, the fold answers exactly what the read model answers.
    const now = await t.request('GET', `/leads/${id}?asOf=${clock.now().toISOString()}`);
    expect(now.body).toEqual((await t.request('GET', `/leads/${id}`)).body);
    const bad = await t.request('GET', `/leads/${id}?asOf=yesterday`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
  });

  it('after an erase, the lead history and past states show its personal data as erased', async () => {
    const { id, firstChangeAt } = await leadChangedTwice();
    const personal = /Grace|grace@example\.com/;
    // Positive control: before the erase the same reads show the person.
    expect(JSON.stringify(await history(`/leads/${id}`))).toMatch(personal);
    expect((await t.request('DELETE', `/leads/${id}/personal-data`, { as: admin })).status).toBe(
      204,
    );
    const items = await history(`/leads/${id}`);
    expect(JSON.stringify(items)).not.toMatch(personal);
    expect(items[0]).toMatchObject({ actor: 'system:personal-data' });
    expect(items.at(-1)!.changes).toContainEqual({ path: 'name', from: null, to: '[erased]' });
    const past = await t.request('GET', `/leads/${id}?asOf=${firstChangeAt}`);
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ id, name: '[erased]' });
    expect(JSON.stringify(past.body)).not.toMatch(personal);
  });

  it('an opportunity: its amount and stage changes, and its state between them', async () => {
    const openedAt = step();
    const opened = await t.request('POST', '/opportunities', {
      body: {
        name: 'Roadster',
        pipelineId,
        currency: 'EUR',
        amountMinor: 4_000_000,
        expectedCloseDate: dateIn(60),
      },
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id as string;
    const amountAt = step();
    expect(
      (await t.request('PATCH', `/opportunities/${id}`, { body: { amountMinor: 4_500_000 } }))
        .status,
    ).toBe(200);
    const renamedAt = step();
    expect(
      (
        await t.request('PATCH', `/opportunities/${id}`, {
          as: manager,
          body: { name: 'Roadster S' },
        })
      ).status,
    ).toBe(200);
    const items = await history(`/opportunities/${id}`);
    expect(items.map((e) => [e.at, e.actor])).toEqual([
      [renamedAt, 'boss'],
      [amountAt, 'rep-1'],
      [openedAt, 'rep-1'],
    ]);
    expect(items[0].changes).toEqual([{ path: 'name', from: 'Roadster', to: 'Roadster S' }]);
    expect(items[1].changes).toContainEqual({
      path: 'amountMinor',
      from: 4_000_000,
      to: 4_500_000,
    });
    const middle = await t.request('GET', `/opportunities/${id}?asOf=${justBefore(renamedAt)}`);
    expect(middle.body).toMatchObject({ name: 'Roadster', amountMinor: 4_500_000, version: 2 });
    const current = (await t.request('GET', `/opportunities/${id}`)).body;
    expect(current).toMatchObject({ name: 'Roadster S', version: 3 });
    const now = await t.request('GET', `/opportunities/${id}?asOf=${clock.now().toISOString()}`);
    expect(now.body).toEqual(current);
  });

  it('a quote and an activity: their changes and their state between them', async () => {
    const deal = await t.request('POST', '/opportunities', {
      body: {
        name: 'Q',
        pipelineId,
        currency: 'EUR',
        amountMinor: 1,
        expectedCloseDate: dateIn(60),
      },
    });
    step();
    const quote = await t.request('POST', '/quotes', {
      body: { opportunityId: deal.body.id, taxRateBps: 1900, validUntil: dateIn(30) },
    });
    expect(quote.status).toBe(201);
    const termsAt = step();
    expect(
      (
        await t.request('PATCH', `/quotes/${quote.body.id}/terms`, {
          as: manager,
          body: { taxRateBps: 700 },
        })
      ).status,
    ).toBe(200);
    const quoteItems = await history(`/quotes/${quote.body.id}`);
    expect(quoteItems[0]).toMatchObject({ at: termsAt, actor: 'boss' });
    expect(quoteItems[0].changes).toContainEqual(
      expect.objectContaining({ path: 'taxRateBps', from: 1900, to: 700 }),
    );
    const quoteThen = await t.request(
      'GET',
      `/quotes/${quote.body.id}?asOf=${justBefore(termsAt)}`,
    );
    expect(quoteThen.body).toMatchObject({ taxRateBps: 1900 });

    const dueAt = new Date(clock.now().getTime() + 2 * DAY).toISOString();
    const task = await t.request('POST', '/activities', {
      body: { kind: 'task', subject: 'Send brochure', dueAt },
    });
    expect(task.status).toBe(201);
    const movedAt = step();
    const later = new Date(clock.now().getTime() + 5 * DAY).toISOString();
    expect(
      (
        await t.request('POST', `/activities/${task.body.id}/reschedule`, {
          body: { dueAt: later },
        })
      ).status,
    ).toBe(200);
    const taskItems = await history(`/activities/${task.body.id}`);
    expect(taskItems[0]).toMatchObject({ at: movedAt, actor: 'rep-1' });
    expect(taskItems[0].changes).toContainEqual({ path: 'dueAt', from: dueAt, to: later });
    const taskThen = await t.request(
      'GET',
      `/activities/${task.body.id}?asOf=${justBefore(movedAt)}`,
    );
    expect(taskThen.body).toMatchObject({ dueAt, status: 'open' });
  });

  it('an order: placed, fulfilled, returned, and its status between them', async () => {
    await feedContacts(t, { contacts: [{ contactId: 'c-ada' }] });
    const book = await setUpPricedProduct(t, { sku: 'HIST-1', name: 'Wheel', amountMinor: 10_000 });
    const placedAt = step();
    const placed = await t.request('POST', '/orders', {
      body: {
        contactId: 'c-ada',
        currency: 'EUR',
        priceBookId: book.priceBookId,
        taxRateBps: 1900,
        lines: [{ productId: book.productId, quantity: 2 }],
      },
    });
    expect(placed.status).toBe(201);
    const id = placed.body.id as string;
    const fulfilledAt = step();
    expect((await t.request('POST', `/orders/${id}/fulfil`)).status).toBe(200);
    const returnedAt = step();
    expect(
      (
        await t.request('POST', `/orders/${id}/return`, {
          as: manager,
          body: { reason: 'Wrong size' },
        })
      ).status,
    ).toBe(200);
    const items = await history(`/orders/${id}`);
    expect(items.map((e) => [e.at, e.actor, e.event])).toEqual([
      [returnedAt, 'boss', 'OrderReturned'],
      [fulfilledAt, 'rep-1', 'OrderFulfilled'],
      [placedAt, 'rep-1', 'OrderPlaced'],
    ]);
    expect(items[1].changes).toEqual([{ path: 'status', from: 'placed', to: 'fulfilled' }]);
    expect(items[2].changes).toContainEqual({ path: 'contactId', from: null, to: 'c-ada' });
    const then = await t.request('GET', `/orders/${id}?asOf=${justBefore(returnedAt)}`);
    expect(then.status).toBe(200);
    // The folded past has the shape GET answers from the read model, only the status differs.
    const current = (await t.request('GET', `/orders/${id}`)).body;
    expect(then.body).toEqual({ ...current, status: 'fulfilled', version: 2 });
  });

  it('serves the roles of the record GET: a customer is refused, an analyst reads', async () => {
    const { id } = await leadChangedTwice();
    const now = clock.now().toISOString();
    for (const url of [`/leads/${id}/history`, `/leads/${id}?asOf=${now}`]) {
      expect(
        (await t.request('GET', url, { as: { roles: ['customer'], sub: 'c-1' } })).status,
      ).toBe(403);
      expect((await t.request('GET', url, { as: { roles: ['analyst'], sub: 'a-1' } })).status).toBe(
        200,
      );
    }
    for (const kind of ['opportunities', 'quotes', 'orders', 'activities']) {
      const res = await t.request('GET', `/${kind}/unknown-id/history`, {
        as: { roles: ['customer'], sub: 'c-1' },
      });
      expect(res.status).toBe(403);
      expect((await t.request('GET', `/${kind}/unknown-id/history`)).status).toBe(404);
    }
  });
});
