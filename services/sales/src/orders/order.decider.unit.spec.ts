import { deciderSpec } from '@crm/event-sourcing/testing';
import { carForSale } from '../cpq/car.fixture';
import { EMPTY_MODEL } from '../cpq/configuration-model';
import type { ProductForQuote } from '../quotes/quote.commands';
import type { OrderLineRequest, PlaceOrder } from './order.commands';
import type { OrderEvent } from './order.events';
import { orderDecider } from './order.decider';

const given = deciderSpec(orderDecider);
const at = '2026-11-23T10:00:00Z';
const lines = [
  {
    lineId: '1',
    productId: 'car',
    sku: 'RDST-2026',
    name: 'Roadster',
    quantity: 1,
    unitPriceMinor: 3_280_000,
    discountBps: 500,
  },
  {
    lineId: '2',
    productId: 'mats',
    sku: 'MAT-1',
    name: 'Floor mats',
    quantity: 4,
    unitPriceMinor: 2_499,
    discountBps: 0,
  },
];
const place: PlaceOrder = {
  type: 'PlaceOrder',
  data: {
    orderId: 'ord1',
    source: 'quote',
    quoteId: 'q1',
    contactId: 'c1',
    currency: 'EUR',
    taxRateBps: 1900,
    lines,
    at,
  },
};
const placed: OrderEvent = {
  type: 'OrderPlaced',
  data: {
    orderId: 'ord1',
    source: 'quote',
    contactId: 'c1',
    quoteId: 'q1',
    currency: 'EUR',
    taxRateBps: 1900,
    discountBps: 0,
    lines,
    totals: {
      lines: [
        { lineId: '1', grossMinor: 3_280_000, discountMinor: 164_000, netMinor: 3_116_000 },
        { lineId: '2', grossMinor: 9_996, discountMinor: 0, netMinor: 9_996 },
      ],
      subtotalMinor: 3_125_996,
      discountMinor: 0,
      taxMinor: 593_939, // 593 939.24
      totalMinor: 3_719_935,
    },
    at,
  },
};
/** What a cancellation or return repeats of the order (placed above from quote q1 for c1). */
const references = { contactId: 'c1', quoteId: 'q1', totalMinor: 3_719_935, currency: 'EUR' };
const fulfilled: OrderEvent = { type: 'OrderFulfilled', data: { orderId: 'ord1', at } };

describe('Order decider', () => {
  it('places the order of an accepted quote at its prices and computes its totals itself', () => {
    given([]).when(place).then([placed]);
  });

  it('placing the same order id again is not a second sale', () => {
    given([placed]).when(place).thenNothingHappened();
  });

  it.each([
    ['no customer', { contactId: undefined }, 'CustomerRequired'],
    ['no lines', { lines: [] }, 'InvalidOrderLines'],
    ['repeated line ids', { lines: [lines[0], lines[0]] }, 'InvalidOrderLines'],
    ['a fractional price', { lines: [{ ...lines[0], unitPriceMinor: 0.5 }] }, 'InvalidAmount'],
    ['a zero quantity', { lines: [{ ...lines[0], quantity: 0 }] }, 'InvalidQuantity'],
    ['a bad currency', { currency: 'eu' }, 'InvalidCurrency'],
    ['an unknown source', { source: 'fax' }, 'InvalidOrderSource'],
  ])('rejects an order with %s', (_, override, code) => {
    given([])
      .when({ type: 'PlaceOrder', data: { ...place.data, ...(override as any) } })
      .thenThrows(code);
  });

  it('placed -> fulfilled -> returned', () => {
    given([placed]).when({ type: 'FulfillOrder', data: { at } }).then([fulfilled]);
    given([placed, fulfilled])
      .when({ type: 'ReturnOrder', data: { reason: 'wrong colour', at } })
      .then([
        {
          type: 'OrderReturned',
          data: { orderId: 'ord1', reason: 'wrong colour', at, ...references },
        },
      ]);
  });

  it('placed -> cancelled, with a reason and who and what the order was about', () => {
    given([placed])
      .when({ type: 'CancelOrder', data: { reason: 'customer changed mind', at } })
      .then([
        {
          type: 'OrderCancelled',
          data: { orderId: 'ord1', reason: 'customer changed mind', at, ...references },
        },
      ]);
    given([placed])
      .when({ type: 'CancelOrder', data: { reason: '', at } })
      .thenThrows('RequiredText');
  });

  it('refuses impossible moves and repeats harmlessly', () => {
    given([placed])
      .when({ type: 'ReturnOrder', data: { reason: 'x', at } })
      .thenThrows('InvalidOrderTransition');
    given([placed, fulfilled])
      .when({ type: 'CancelOrder', data: { reason: 'x', at } })
      .thenThrows('InvalidOrderTransition');
    given([placed, { type: 'OrderCancelled', data: { orderId: 'ord1', reason: 'x', at } }])
      .when({ type: 'FulfillOrder', data: { at } })
      .thenThrows('InvalidOrderTransition');
    given([placed, fulfilled]).when({ type: 'FulfillOrder', data: { at } }).thenNothingHappened();
    given([]).when({ type: 'FulfillOrder', data: { at } }).thenThrows('OrderNotFound');
  });

  it('re-points the customer of a merged contact', () => {
    given([placed])
      .when({ type: 'RepointOrderCustomer', data: { fromContactId: 'c1', toContactId: 'c2' } })
      .thenState((s) => expect(s.contactId).toBe('c2'));
  });
});

describe('Order decider: an order placed through the API', () => {
  const car = carForSale;
  const mats: ProductForQuote = {
    productId: 'mats',
    sku: 'MAT-1',
    name: 'Floor mats',
    active: true,
    model: EMPTY_MODEL,
    listPriceMinor: 2_499,
  };
  const requested: OrderLineRequest[] = [
    {
      lineId: '1',
      productId: 'car',
      product: car,
      optionIds: ['paint-red', 'gear-auto'],
      quantity: 1,
      discountBps: 500,
    },
    { lineId: '2', productId: 'mats', product: mats, optionIds: [], quantity: 4 },
  ];
  const apiOrder = (
    over: Partial<Extract<PlaceOrder['data'], { source: 'api' }>> = {},
  ): PlaceOrder => ({
    type: 'PlaceOrder',
    data: {
      orderId: 'ord1',
      source: 'api',
      contactId: 'c1',
      currency: 'EUR',
      taxRateBps: 1900,
      lines: requested,
      actorRoles: ['sales-rep'],
      at,
      ...over,
    },
  });
  const withLine = (i: number, line: Partial<OrderLineRequest>) =>
    requested.map((l, j) => (j === i ? { ...l, ...line } : l));
  const refusal =
    (code: string, details: Record<string, unknown>) =>
    (e: unknown): boolean => {
      expect(e).toMatchObject({ code, details });
      return true;
    };

  it('takes each price from the book plus the chosen options, never from the caller', () => {
    const { quoteId: _fromQuote, ...fromApi } = (
      placed as Extract<OrderEvent, { type: 'OrderPlaced' }>
    ).data;
    // Same lines and totals as the quote-sourced order: 3 000 000 + red paint + automatic,
    // and each line keeps the configuration it was priced with.
    const option = (groupId: string, optionId: string, name: string, delta: number) => ({
      groupId,
      optionId,
      name,
      priceDeltaMinor: delta,
      defaulted: optionId === 'trim-cloth',
    });
    const configured = [
      option('paint', 'paint-red', 'Racing red', 80_000),
      option('interior', 'trim-cloth', 'Cloth', 0),
      option('transmission', 'gear-auto', 'Automatic', 200_000),
    ];
    given([])
      .when(apiOrder())
      .then([
        {
          type: 'OrderPlaced',
          data: {
            ...fromApi,
            source: 'api',
            lines: [
              { ...fromApi.lines[0], options: configured },
              { ...fromApi.lines[1], options: [] },
            ],
          },
        },
      ]);
  });

  it.each([
    ['a line', { lines: withLine(0, { discountBps: 9_900 }) }, 'lines[0].discountBps', 9_900],
    ['the order', { discountBps: 1_001 }, 'discountBps', 1_001],
  ])(
    'refuses a rep a discount on %s above the 10 % limit (as on quotes)',
    (_, over, field, bps) => {
      given([])
        .when(apiOrder(over))
        .thenThrows(
          refusal('DiscountAboveRoleLimit', { field, requestedBps: bps, limitBps: 1_000 }),
        );
    },
  );

  it("allows a manager's higher limit, but not beyond it; an integration may not discount", () => {
    const manager = { actorRoles: ['sales-manager'] };
    given([])
      .when(
        apiOrder({ ...manager, discountBps: 2_500, lines: withLine(1, { discountBps: 2_500 }) }),
      )
      .thenState((s) => expect(s.exists).toBe(true));
    given([])
      .when(apiOrder({ ...manager, discountBps: 2_501 }))
      .thenThrows('DiscountAboveRoleLimit');
    given([])
      .when(apiOrder({ actorRoles: ['integrator'], discountBps: 1 }))
      .thenThrows('DiscountAboveRoleLimit');
    given([])
      .when(apiOrder({ actorRoles: ['integrator'], lines: withLine(0, { discountBps: 0 }) }))
      .thenState((s) => expect(s.totals?.totalMinor).toBeGreaterThan(0));
  });

  it('names the line of an unknown product', () => {
    given([])
      .when(apiOrder({ lines: withLine(1, { productId: 'nope', product: undefined }) }))
      .thenThrows(refusal('UnknownProduct', { field: 'lines[1].productId' }));
  });

  it.each([
    ['no list price in the currency', { listPriceMinor: undefined }, 'NoListPrice'],
    ['an inactive product', { active: false }, 'ProductInactive'],
  ])('refuses a line with %s', (_, product, code) => {
    given([])
      .when(apiOrder({ lines: withLine(1, { product: { ...mats, ...product } }) }))
      .thenThrows(code);
  });

  it('refuses a configuration that breaks the product rules', () => {
    given([])
      .when(apiOrder({ lines: withLine(0, { optionIds: ['no-such-option'] }) }))
      .thenThrows('ConfigurationRuleBroken');
  });
});
