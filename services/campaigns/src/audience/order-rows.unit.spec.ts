/** Orders as the audience keeps them, from order.placed and the order state; v1 decimal money. */
import { minorUnitsOfDecimal } from '@crm/values';
import { audienceOrderStatus, orderOfPlaced, orderOfState } from './order-rows';

const placedAt = new Date(Date.UTC(2030, 5, 1)).toISOString();

describe('minorUnitsOfDecimal (the v1 decimal members the audience converts)', () => {
  it.each([
    ['1234.50', 'EUR', 123450],
    ['12', 'EUR', 1200],
    ['0.005', 'EUR', 1],
    ['19.994999', 'EUR', 1999],
    ['1500', 'JPY', 1500],
    ['1.234', 'BHD', 1234],
    ['-3.10', 'EUR', -310],
  ])('%s %s -> %d', (amount, currency, minor) => {
    expect(minorUnitsOfDecimal(amount, currency)).toBe(minor);
  });

  it('not a plain decimal: unknown, not zero', () => {
    expect(minorUnitsOfDecimal('1e5', 'EUR')).toBeNull();
    expect(minorUnitsOfDecimal('', 'EUR')).toBeNull();
  });
});

describe('orderOfPlaced', () => {
  it('takes minor units, option ids and numbers the lines', () => {
    const order = orderOfPlaced({
      orderId: 'o-1',
      contactId: 'c-1',
      currency: 'EUR',
      totals: { subtotalMinor: 0, discountMinor: 0, taxMinor: 0, totalMinor: 4_200_000 },
      total: { amount: '1.00', currency: 'EUR' },
      placedAt,
      lines: [
        {
          productId: 'p-car',
          sku: 'RDST',
          name: 'Roadster',
          quantity: 1,
          unitPrice: { amount: '1.00', currency: 'EUR' },
          lineTotal: { amount: '1.00', currency: 'EUR' },
          netMinor: 4_000_000,
          options: [
            { groupId: 'gearbox', optionId: 'automatic', name: 'Automatic' },
            { groupId: 'paint', optionId: 'red', name: 'Red' },
          ],
        },
        {
          productId: 'p-mat',
          sku: 'MAT',
          quantity: 2,
          unitPrice: { amount: '50.00', currency: 'EUR' },
          lineTotal: { amount: '100.00', currency: 'EUR' },
        },
      ],
    });
    expect(order).toEqual({
      order: {
        orderId: 'o-1',
        contactId: 'c-1',
        totalMinor: 4_200_000,
        currency: 'EUR',
        placedAt,
        status: 'placed',
      },
      lines: [
        {
          lineNo: 1,
          productId: 'p-car',
          sku: 'RDST',
          name: 'Roadster',
          options: ['automatic', 'red'],
          quantity: 1,
          netMinor: 4_000_000,
        },
        // A v1 line without minor units: from its decimal line total.
        {
          lineNo: 2,
          productId: 'p-mat',
          sku: 'MAT',
          name: null,
          options: [],
          quantity: 2,
          netMinor: 10_000,
        },
      ],
    });
  });

  it('a v1 order without totals: the decimal total in minor units', () => {
    const order = orderOfPlaced({
      orderId: 'o-2',
      lines: [],
      total: { amount: '99.95', currency: 'USD' },
      placedAt,
    });
    expect(order.order).toMatchObject({ contactId: null, totalMinor: 9995, currency: 'USD' });
  });
});

describe('orderOfState', () => {
  it('maps status and derives a missing net from gross and discount', () => {
    const order = orderOfState({
      id: 'o-3',
      status: 'fulfilled',
      contactId: 'c-3',
      currency: 'EUR',
      placedAt,
      totals: { totalMinor: 900 },
      version: 4,
      lines: [{ productId: 'p', sku: 's', quantity: 3, unitPriceMinor: 400, discountMinor: 300 }],
    });
    expect(order.order.status).toBe('placed');
    expect(order.lines[0]).toMatchObject({ netMinor: 900, options: [] });
  });

  it.each([
    ['placed', 'placed'],
    ['fulfilled', 'placed'],
    ['cancelled', 'cancelled'],
    ['returned', 'returned'],
  ])('sales status %s -> %s', (sales, audience) => {
    expect(audienceOrderStatus(sales)).toBe(audience);
  });
});
