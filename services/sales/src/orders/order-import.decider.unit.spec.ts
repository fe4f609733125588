/** ImportOrder: historic orders with their original dates, duplicates and conflicts per external id. */
import { deciderSpec } from '@crm/event-sourcing/testing';
import type { ImportOrder } from './order.commands';
import { orderDecider } from './order.decider';
import type { OrderEvent, OrderPlaced } from './order.events';
import { importedOrderFingerprint } from './imported-order-fingerprint';

const given = deciderSpec(orderDecider);
/** The refusal names this code (when given) and this field. */
const refused =
  (code: string | undefined, field: string) =>
  (error: unknown): boolean => {
    const e = error as { code?: string; details?: { field?: string } };
    return (code === undefined || e.code === code) && e.details?.field === field;
  };
const now = '2026-06-15T12:00:00.000Z';
const importOrder: ImportOrder = {
  type: 'ImportOrder',
  data: {
    orderId: 'ord-x',
    externalId: 'ERP-1',
    contactId: 'c1',
    currency: 'EUR',
    taxRateBps: 1900,
    lines: [
      {
        lineId: '1',
        productId: 'p1',
        sku: 'WB-11',
        name: 'Wallbox',
        options: [],
        quantity: 2,
        unitPriceMinor: 50_000,
        discountBps: 1000,
      },
    ],
    placedAt: '2019-03-04T10:00:00+01:00',
    outcome: { status: 'placed' },
    now,
  },
};
const withData = (data: Partial<ImportOrder['data']>): ImportOrder => ({
  type: 'ImportOrder',
  data: { ...importOrder.data, ...data },
});

/** The events the import decides from nothing (what a fresh stream records). */
function decided(command: ImportOrder): OrderEvent[] {
  return orderDecider.decide(command, orderDecider.initialState());
}

describe('order decider: ImportOrder', () => {
  it('places the order at its original date with the prices paid, source import and its external id', () => {
    const [placed] = decided(importOrder) as [OrderPlaced];
    expect(placed.type).toBe('OrderPlaced');
    expect(placed.data).toMatchObject({
      orderId: 'ord-x',
      source: 'import',
      externalId: 'ERP-1',
      at: '2019-03-04T09:00:00.000Z',
      currency: 'EUR',
      totals: { subtotalMinor: 90_000, taxMinor: 17_100, totalMinor: 107_100 },
    });
    expect(placed.data.lines[0].unitPriceMinor).toBe(50_000);
    expect(placed.data.importFingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records each later status at its own original date', () => {
    const cancelled = decided(
      withData({
        outcome: { status: 'cancelled', cancelledAt: '2019-03-05T00:00:00Z', reason: 'no stock' },
      }),
    );
    expect(cancelled.map((e) => [e.type, (e.data as { at: string }).at])).toEqual([
      ['OrderPlaced', '2019-03-04T09:00:00.000Z'],
      ['OrderCancelled', '2019-03-05T00:00:00.000Z'],
    ]);
    expect(cancelled[1].data).toMatchObject({
      reason: 'no stock',
      contactId: 'c1',
      totalMinor: 107_100,
    });
    const returned = decided(
      withData({
        outcome: {
          status: 'returned',
          fulfilledAt: '2019-03-06T00:00:00Z',
          returnedAt: '2019-04-01T00:00:00Z',
          reason: 'broken',
        },
      }),
    );
    expect(returned.map((e) => e.type)).toEqual(['OrderPlaced', 'OrderFulfilled', 'OrderReturned']);
    const state = returned.reduce(orderDecider.evolve, orderDecider.initialState());
    expect(state).toMatchObject({ status: 'returned', externalId: 'ERP-1', reason: 'broken' });
  });

  it('the same order again appends nothing; other content under the external id is a conflict', () => {
    const history = decided(importOrder);
    given(history).when(importOrder).thenNothingHappened();
    // The same instant written with another offset is the same order.
    given(history)
      .when(withData({ placedAt: '2019-03-04T09:00:00Z', now: '2026-07-01T00:00:00Z' }))
      .thenNothingHappened();
    given(history)
      .when(withData({ lines: [{ ...importOrder.data.lines[0], unitPriceMinor: 49_000 }] }))
      .thenThrows('ImportedOrderConflict');
    given(history)
      .when(withData({ outcome: { status: 'fulfilled', fulfilledAt: '2019-03-05T00:00:00Z' } }))
      .thenThrows('ImportedOrderConflict');
  });

  it('refuses dates after the import or before the placing, naming the field', () => {
    given([])
      .when(withData({ placedAt: '2026-06-16T00:00:00Z' }))
      .thenThrows(refused('ImportedOrderDate', 'placedAt'));
    given([])
      .when(withData({ outcome: { status: 'fulfilled', fulfilledAt: '2019-03-01T00:00:00Z' } }))
      .thenThrows(refused('ImportedOrderDate', 'fulfilledAt'));
    given([])
      .when(
        withData({
          outcome: {
            status: 'returned',
            fulfilledAt: '2019-03-06T00:00:00Z',
            returnedAt: '2019-03-05T00:00:00Z',
            reason: 'late',
          },
        }),
      )
      .thenThrows(refused('ImportedOrderDate', 'statusAt'));
    given([])
      .when(withData({ placedAt: 'yesterday' }))
      .thenThrows('InvalidInstant');
  });

  it('checks lines and customer as any order: quantity, currency, a contact or company', () => {
    given([])
      .when(withData({ lines: [{ ...importOrder.data.lines[0], quantity: 0 }] }))
      .thenThrows(refused(undefined, 'lines[0].quantity'));
    given([])
      .when(withData({ contactId: undefined }))
      .thenThrows('CustomerRequired');
    given([])
      .when(withData({ lines: [] }))
      .thenThrows('InvalidOrderLines');
  });

  it('fingerprints the order, not its spelling: member order and offsets do not count', () => {
    const a = importedOrderFingerprint({
      ...importOrder.data,
      placedAt: '2019-03-04T09:00:00.000Z',
    });
    const reordered = JSON.parse(
      JSON.stringify({ ...importOrder.data, placedAt: '2019-03-04T09:00:00.000Z' }),
    );
    expect(importedOrderFingerprint({ ...reordered, now: 'ignored' })).toBe(a);
    expect(
      importedOrderFingerprint({
        ...importOrder.data,
        ownerId: 'u1',
        placedAt: '2019-03-04T09:00:00.000Z',
      }),
    ).not.toBe(a);
  });
});
