/**
 * Record-level access in sales (issue 12; policy in README "Access", one mechanism in
 * @crm/platform record-access.ts): every write on a lead, deal, activity, quote or order that
 * rep-2 holds is refused to rep-1 and to a manager of another team with 403 NotYourRecord, leaves
 * the record as it was, and succeeds for a positive control (rep-2, rep-2's manager or an admin).
 */
import type { EventStore } from '@crm/event-sourcing';
import { EVENT_STORE, ManualClock } from '@crm/platform';
import fc from 'fast-check';
import { STREAM } from '../infrastructure/streams';
import { eventually } from '@crm/testing';
import { CAR_PIPELINE } from '../testing/fixtures';
import { setUpPricedProduct } from '../testing/priced-product';
import {
  startSalesTestApp,
  type Caller,
  type HttpResult,
  type SalesTestApp,
} from '../testing/sales-test-app';

/** The test app's default tenant (every caller below is in it). */
const TENANT = 'tenant-a';
const clock = new ManualClock('2026-06-10T09:00:00Z');
const DAY_MS = 86_400_000;
const instantIn = (days: number) => new Date(clock.now().getTime() + days * DAY_MS).toISOString();
const dateIn = (days: number) => instantIn(days).slice(0, 10);

const rep1: Caller = { sub: 'rep-1' };
const rep2: Caller = { sub: 'rep-2' };
const rep2sManager: Caller = { roles: ['sales-manager'], sub: 'boss', team: ['rep-2', 'rep-4'] };
const otherTeamsManager: Caller = { roles: ['sales-manager'], sub: 'boss-2', team: ['rep-3'] };
const admin: Caller = { roles: ['admin'], sub: 'root' };
const integration: Caller = { roles: ['integrator'], sub: 'shop' };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One write endpoint, on a record rep-2 holds, set up fresh for the case. */
interface WriteCase {
  readonly endpoint: string;
  readonly record: string;
  readonly positive: Caller;
  /** Callers refused: rep-1 and a manager of another team unless the route refuses one by role. */
  readonly intruders?: readonly Caller[];
  /** Who holds the record: rep-2 unless said. */
  readonly holder?: string;
  /** The allowed call creates another record (a quote on the deal): the read one stays as it is. */
  readonly createsElsewhere?: true;
  readonly arrange: () => Promise<{
    method: Method;
    url: string;
    body?: unknown;
    /** The record's stream: its version must not move when the intruders are refused. */
    stream: string;
  }>;
}

describe('record-level access in sales (ownership e2e)', () => {
  let t: SalesTestApp;
  let store: EventStore;
  let pipelineId: string;
  /** The stream's version in the event store (the default test tenant's). */
  const versionOf = async (stream: string) =>
    (await store.readStream({ tenant: TENANT, id: stream })).version;
  let product: { productId: string; priceBookId: string };

  const ok = async (res: HttpResult, what: string) => {
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const as = (caller: Caller, method: Method, url: string, body?: unknown) =>
    t.request(method, url, { as: caller, ...(body !== undefined ? { body } : {}) });

  const dealOf = async (owner: Caller) =>
    (
      await ok(
        await as(owner, 'POST', '/opportunities', {
          name: 'Roadster for the Hoppers',
          pipelineId,
          amountMinor: 3_000_000,
          currency: 'EUR',
          expectedCloseDate: dateIn(30),
        }),
        'deal',
      )
    ).id as string;
  const leadOf = async (ownerId: string | undefined) =>
    (
      await ok(
        await as(rep2, 'POST', '/leads', {
          source: 'web_form',
          profile: { name: 'Grace Hopper', email: 'grace@example.com' },
          ...(ownerId ? { ownerId } : {}),
        }),
        'lead',
      )
    ).id as string;
  const qualifiedLeadOfRep2 = async () => {
    const id = await leadOf('rep-2');
    await ok(await as(rep2, 'POST', `/leads/${id}/work`, {}), 'work');
    await ok(await as(rep2, 'POST', `/leads/${id}/qualify`), 'qualify');
    return id;
  };
  /** A deal with a contact sales knows (it minted it converting the lead), owned by rep-2. */
  const convertedDealOfRep2 = async () =>
    ok(
      await as(rep2, 'POST', `/leads/${await qualifiedLeadOfRep2()}/convert`, {
        opportunity: {
          pipelineId,
          amountMinor: 3_000_000,
          currency: 'EUR',
          expectedCloseDate: dateIn(30),
        },
      }),
      'convert',
    ) as Promise<{ contactId: string; opportunityId: string }>;
  const taskOfRep2 = async () =>
    (
      await ok(
        await as(rep2, 'POST', '/activities', {
          kind: 'task',
          subject: 'Send the brochure',
          dueAt: instantIn(1),
        }),
        'task',
      )
    ).id as string;
  /** A draft quote with one line, by `owner` on a deal of rep-2 (that owner may quote). */
  const quoteBy = async (owner: Caller, validForDays = 14) => {
    const { opportunityId } = await convertedDealOfRep2();
    const quote = await ok(
      await as(owner, 'POST', '/quotes', {
        opportunityId,
        taxRateBps: 1900,
        validUntil: dateIn(validForDays),
      }),
      'quote',
    );
    const withLine = await ok(
      await as(owner, 'POST', `/quotes/${quote.id}/lines`, {
        ...product,
        optionIds: [],
        quantity: 1,
      }),
      'quote line',
    );
    // The answer holds only id and version when the read model lags under load: read it again.
    const lineId =
      withLine.lines?.[0]?.lineId ??
      (await eventually(async () => {
        const read = await as(owner, 'GET', `/quotes/${quote.id}`);
        expect(read.body.lines).toHaveLength(1);
        return read.body.lines[0].lineId as string;
      }, 15_000));
    return { id: quote.id as string, lineId };
  };
  const sentQuoteBy = async (owner: Caller, validForDays = 14) => {
    const { id } = await quoteBy(owner, validForDays);
    await ok(await as(owner, 'POST', `/quotes/${id}/send`), 'send');
    return id;
  };
  const apiOrderOfRep2 = async () => {
    const { contactId } = await convertedDealOfRep2();
    return (
      await ok(
        await as(rep2, 'POST', '/orders', {
          contactId,
          currency: 'EUR',
          priceBookId: product.priceBookId,
          taxRateBps: 1900,
          lines: [{ productId: product.productId, quantity: 1 }],
        }),
        'order',
      )
    ).id as string;
  };
  /** The order an admin's quote placed when it was accepted. */
  const orderOfAdminsQuote = async () =>
    (await ok(await as(admin, 'POST', `/quotes/${await sentQuoteBy(admin)}/accept`), 'accept'))
      .orderId as string;

  beforeAll(async () => {
    t = await startSalesTestApp({}, { clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    pipelineId = (await ok(await as(admin, 'POST', '/pipelines', CAR_PIPELINE), 'pipeline')).id;
    product = await setUpPricedProduct(t, {
      sku: 'MAT-1',
      name: 'Floor mats',
      amountMinor: 12_000,
    });
  });
  afterAll(() => t?.close());

  const lead = (sub: string) => `/leads/${sub}`;
  const deal = (sub: string) => `/opportunities/${sub}`;
  const cases: WriteCase[] = [
    // Leads
    ...(
      [
        ['PUT', 'profile', { name: 'Grace B. Hopper' }, rep2],
        ['POST', 'engagements', { kind: 'interaction' }, rep2sManager],
        ['POST', 'work', {}, admin],
        ['POST', 'disqualify', { reason: 'no budget' }, rep2],
      ] as const
    ).map(([method, action, body, positive]) => ({
      endpoint: `${method} /leads/:id/${action}`,
      record: 'lead',
      positive,
      arrange: async () => {
        const id = await leadOf('rep-2');
        return { method, url: lead(`${id}/${action}`), body, stream: STREAM.lead(id) };
      },
    })),
    {
      endpoint: 'POST /leads/:id/qualify',
      record: 'lead',
      positive: rep2,
      arrange: async () => {
        const id = await leadOf('rep-2');
        await ok(await as(rep2, 'POST', `/leads/${id}/work`, {}), 'work');
        return { method: 'POST', url: lead(`${id}/qualify`), stream: STREAM.lead(id) };
      },
    },
    {
      endpoint: 'POST /leads/:id/convert',
      record: 'lead',
      positive: rep2sManager,
      arrange: async () => {
        const id = await qualifiedLeadOfRep2();
        const body = {
          opportunity: {
            pipelineId,
            amountMinor: 100_000,
            currency: 'EUR',
            expectedCloseDate: dateIn(20),
          },
        };
        return { method: 'POST', url: lead(`${id}/convert`), body, stream: STREAM.lead(id) };
      },
    },
    // Opportunities
    ...(
      [
        ['POST', 'stage', { stageId: 'demo' }, rep2],
        ['PUT', 'probability', { probability: 55 }, rep2sManager],
        ['PATCH', '', { amountMinor: 1 }, rep2],
        [
          'PUT',
          'line-items',
          { lineItems: [{ productId: 'p-1', name: 'Mats', quantity: 1, unitPriceMinor: 100 }] },
          admin,
        ],
        ['POST', 'win', { reason: 'signed early' }, rep2],
        ['POST', 'lose', { reason: 'price' }, rep2sManager],
      ] as const
    ).map(([method, action, body, positive]) => ({
      endpoint: `${method} /opportunities/:id${action ? `/${action}` : ''}`,
      record: 'opportunity',
      positive,
      arrange: async () => {
        const id = await dealOf(rep2);
        return {
          method,
          url: deal(action ? `${id}/${action}` : id),
          body,
          stream: STREAM.opportunity(id),
        };
      },
    })),
    {
      endpoint: 'PUT /opportunities/:id/owner',
      record: 'opportunity',
      positive: rep2sManager,
      // Reps are refused by role (managers reassign deals): only the other team's manager is left.
      intruders: [otherTeamsManager],
      arrange: async () => {
        const id = await dealOf(rep2);
        return {
          method: 'PUT',
          url: deal(`${id}/owner`),
          body: { ownerId: 'rep-4' },
          stream: STREAM.opportunity(id),
        };
      },
    },
    {
      endpoint: 'POST /opportunities/:id/reopen',
      record: 'opportunity',
      positive: rep2,
      arrange: async () => {
        const id = await dealOf(rep2);
        await ok(await as(rep2, 'POST', `/opportunities/${id}/lose`, { reason: 'price' }), 'lose');
        return {
          method: 'POST',
          url: deal(`${id}/reopen`),
          body: { reason: 'budget found' },
          stream: STREAM.opportunity(id),
        };
      },
    },
    {
      endpoint: 'POST /quotes (on the deal)',
      record: 'opportunity',
      positive: rep2,
      createsElsewhere: true,
      arrange: async () => {
        const id = await dealOf(rep2);
        const body = { opportunityId: id, taxRateBps: 1900, validUntil: dateIn(14) };
        return { method: 'POST', url: '/quotes', body, stream: STREAM.opportunity(id) };
      },
    },
    // Activities
    ...(
      [
        ['complete', { outcome: 'sent' }, rep2],
        ['reschedule', { dueAt: instantIn(2) }, rep2sManager],
        ['reminders', { remindAt: instantIn(0.5) }, rep2],
        ['cancel', { reason: 'not needed' }, admin],
      ] as const
    ).map(([action, body, positive]) => ({
      endpoint: `POST /activities/:id/${action}`,
      record: 'activity',
      positive,
      arrange: async () => {
        const id = await taskOfRep2();
        return {
          method: 'POST' as const,
          url: `/activities/${id}/${action}`,
          body,
          stream: STREAM.activity(id),
        };
      },
    })),
    // Quotes
    ...(
      [
        ['POST', 'lines', { optionIds: [], quantity: 2 }, rep2],
        ['PATCH', 'lines/:lineId', { quantity: 3 }, rep2sManager],
        ['DELETE', 'lines/:lineId', undefined, rep2],
        ['PUT', 'discount', { discountBps: 500 }, rep2],
        ['PATCH', 'terms', { taxRateBps: 700 }, admin],
        ['POST', 'send', undefined, rep2],
      ] as const
    ).map(([method, action, body, positive]) => ({
      endpoint: `${method} /quotes/:id/${action}`,
      record: 'quote',
      positive,
      arrange: async () => {
        const { id, lineId } = await quoteBy(rep2);
        const withProduct = action === 'lines' ? { ...body, ...product } : body;
        return {
          method,
          url: `/quotes/${id}/${action.replace(':lineId', lineId)}`,
          body: withProduct,
          stream: STREAM.quote(id),
        };
      },
    })),
    ...(
      [
        ['reject', { reason: 'too expensive' }, rep2],
        ['accept', undefined, rep2sManager],
      ] as const
    ).map(([action, body, positive]) => ({
      endpoint: `POST /quotes/:id/${action}`,
      record: 'quote',
      positive,
      arrange: async () => {
        const id = await sentQuoteBy(rep2);
        return {
          method: 'POST' as const,
          url: `/quotes/${id}/${action}`,
          body,
          stream: STREAM.quote(id),
        };
      },
    })),
    // Orders
    ...(
      [
        ['fulfil', undefined],
        ['cancel', { reason: 'customer changed their mind' }],
        ['return', { reason: 'damaged' }],
      ] as const
    ).map(([action, body]) => ({
      endpoint: `POST /orders/:id/${action} (placed via the API)`,
      record: 'order',
      positive: action === 'cancel' ? integration : rep2,
      arrange: async () => {
        const id = await apiOrderOfRep2();
        if (action === 'return') await ok(await as(rep2, 'POST', `/orders/${id}/fulfil`), 'fulfil');
        return {
          method: 'POST' as const,
          url: `/orders/${id}/${action}`,
          body,
          stream: STREAM.order(id),
        };
      },
    })),
    {
      endpoint: "POST /orders/:id/cancel (an admin's quote placed it)",
      record: 'order',
      positive: admin,
      // The admin's order has no team: rep-2's manager is refused as well.
      intruders: [rep1, rep2, rep2sManager],
      holder: 'root',
      arrange: async () => {
        const id = await orderOfAdminsQuote();
        return {
          method: 'POST',
          url: `/orders/${id}/cancel`,
          body: { reason: 'duplicate' },
          stream: STREAM.order(id),
        };
      },
    },
    // Last: it moves the clock past the quote's validity.
    {
      endpoint: 'POST /quotes/:id/expire',
      record: 'quote',
      positive: rep2,
      arrange: async () => {
        const id = await sentQuoteBy(rep2, 1);
        clock.advance(3 * DAY_MS);
        return { method: 'POST', url: `/quotes/${id}/expire`, stream: STREAM.quote(id) };
      },
    },
  ];

  it.each(cases.map((c) => [c.endpoint, c] as const))(
    '%s: refused to the intruders with 403 NotYourRecord and nothing changes; the positive control succeeds',
    async (_endpoint, c) => {
      const { method, url, body, stream } = await c.arrange();
      const before = await versionOf(stream);
      expect(before).toBeGreaterThan(0);

      for (const intruder of c.intruders ?? [rep1, otherTeamsManager]) {
        const refused = await as(intruder, method, url, body);
        expect({ as: intruder.sub, status: refused.status }).toEqual({
          as: intruder.sub,
          status: 403,
        });
        expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(refused.body).toMatchObject({
          type: expect.stringMatching(/\/problems\/not-your-record$/),
          status: 403,
          record: c.record,
        });
      }
      // Read from the log, not a read model: nothing was appended.
      expect(await versionOf(stream)).toBe(before);

      const allowed = await as(c.positive, method, url, body);
      const succeeded = allowed.status === 200 || allowed.status === 201;
      // The whole answer in the failure message, so a refusal says why.
      expect({ as: c.positive.sub, succeeded, answer: allowed.body }).toMatchObject({
        as: c.positive.sub,
        succeeded: true,
      });
      if (!c.createsElsewhere) expect(await versionOf(stream)).toBeGreaterThan(before);
    },
  );

  // Ownership mutations: random sellers (any mix of the three seller roles, any sub, with or
  // without a team claim) on a random endpoint's fresh record. The oracle restates README's table.
  it('random callers on random endpoints: exactly the ones the policy allows succeed, the rest get NotYourRecord', async () => {
    const mayChange = (caller: Caller, holder: string) => {
      const roles = caller.roles ?? [];
      const led =
        caller.team === undefined || caller.team.includes(holder) || caller.sub === holder;
      return (
        roles.includes('admin') ||
        (roles.includes('sales-manager') && led) ||
        (roles.includes('sales-rep') && caller.sub === holder)
      );
    };
    const callers = fc.record({
      sub: fc.constantFrom('rep-1', 'rep-2', 'rep-3', 'boss', 'root'),
      roles: fc.subarray(['admin', 'sales-manager', 'sales-rep'] as const, { minLength: 1 }),
      team: fc.option(fc.subarray(['rep-1', 'rep-2', 'rep-3', 'root']), { nil: undefined }),
    });
    // The owner route serves managers only: the roles above would be refused by role there.
    const byAnySeller = cases.filter(
      (c) => !c.endpoint.includes('/owner') && !c.endpoint.includes('expire'),
    );
    await fc.assert(
      fc.asyncProperty(callers, fc.constantFrom(...byAnySeller), async (generated, c) => {
        const caller: Caller = {
          sub: generated.sub,
          roles: [...generated.roles],
          ...(generated.team ? { team: generated.team } : {}),
        };
        const { method, url, body } = await c.arrange();
        const res = await as(caller, method, url, body);
        if (mayChange(caller, c.holder ?? 'rep-2')) {
          const succeeded = res.status === 200 || res.status === 201;
          expect({ endpoint: c.endpoint, caller, succeeded, answer: res.body }).toMatchObject({
            succeeded: true,
          });
        } else {
          expect({
            endpoint: c.endpoint,
            caller,
            status: res.status,
            type: res.body?.type,
          }).toEqual({
            endpoint: c.endpoint,
            caller,
            status: 403,
            type: expect.stringMatching(/\/problems\/not-your-record$/),
          });
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);

  it('an unowned lead is the pool: any rep works it and so takes it, then the others are refused', async () => {
    const id = await leadOf(undefined);
    expect((await as(rep1, 'POST', `/leads/${id}/work`, {})).status).toBe(200);
    await eventually(async () =>
      expect((await as(admin, 'GET', `/leads/${id}`)).body.ownerId).toBe('rep-1'),
    );
    const refused = await as(rep2, 'POST', `/leads/${id}/qualify`);
    expect(refused.status).toBe(403);
    expect(refused.body.record).toBe('lead');
    expect((await as(rep1, 'POST', `/leads/${id}/qualify`)).status).toBe(200);
  });

  it("a manager's token without a team claim manages the whole tenant", async () => {
    const id = await dealOf(rep2);
    const wholeTenant: Caller = { roles: ['sales-manager'], sub: 'boss-3' };
    expect(
      (await as(wholeTenant, 'POST', `/opportunities/${id}/stage`, { stageId: 'demo' })).status,
    ).toBe(200);
  });

  it('reads stay open: rep-1 reads the deal, the task and the order rep-2 holds', async () => {
    for (const url of [
      `/opportunities/${await dealOf(rep2)}`,
      `/activities/${await taskOfRep2()}`,
      `/orders/${await apiOrderOfRep2()}`,
    ])
      // eventually: under load a read model may show a record a moment after its command answered.
      await eventually(async () => expect((await as(rep1, 'GET', url)).status).toBe(200), 15_000);
  });
});
