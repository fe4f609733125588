import { deciderSpec } from '@crm/event-sourcing/testing';
import type { PlaceOrder } from './order.commands';
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
    source: 'api',
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
    source: 'api',
    contactId: 'c1',
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
const fulfilled: OrderEvent = { type: 'OrderFulfilled', data: { orderId: 'ord1', at } };

describe('Order decider', () => {
  it('places an order directly (e-commerce) and computes its totals itself', () => {
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
      .then([{ type: 'OrderReturned', data: { orderId: 'ord1', reason: 'wrong colour', at } }]);
  });

  it('placed -> cancelled, with a reason', () => {
    given([placed])
      .when({ type: 'CancelOrder', data: { reason: 'customer changed mind', at } })
      .then([
        { type: 'OrderCancelled', data: { orderId: 'ord1', reason: 'customer changed mind', at } },
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
