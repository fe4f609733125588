import { deciderSpec } from '@crm/event-sourcing/testing';
import type { PriceBookEvent } from './price-book.events';
import { listPrice, priceBookDecider } from './price-book.decider';

const given = deciderSpec(priceBookDecider);
const created: PriceBookEvent = {
  type: 'PriceBookCreated',
  data: { priceBookId: 'std', name: 'Standard', isStandard: true },
};
const eur: PriceBookEvent = {
  type: 'ListPriceSet',
  data: { priceBookId: 'std', productId: 'car', currency: 'EUR', amountMinor: 3_000_000 },
};

describe('Price book decider', () => {
  it('holds a list price per product and currency', () => {
    given([created])
      .when({
        type: 'SetListPrice',
        data: { productId: 'car', currency: 'EUR', amountMinor: 3_000_000 },
      })
      .then([eur]);
    given([created, eur])
      .when({
        type: 'SetListPrice',
        data: { productId: 'car', currency: 'USD', amountMinor: 3_300_000 },
      })
      .thenState((s) => {
        expect(listPrice(s, 'car', 'EUR')).toBe(3_000_000);
        expect(listPrice(s, 'car', 'USD')).toBe(3_300_000);
        expect(listPrice(s, 'car', 'GBP')).toBeUndefined();
      });
  });

  it('setting the same price again is a no-op; removing drops it', () => {
    given([created, eur])
      .when({
        type: 'SetListPrice',
        data: { productId: 'car', currency: 'EUR', amountMinor: 3_000_000 },
      })
      .thenNothingHappened();
    given([created, eur])
      .when({ type: 'RemoveListPrice', data: { productId: 'car', currency: 'EUR' } })
      .thenState((s) => expect(listPrice(s, 'car', 'EUR')).toBeUndefined());
    given([created])
      .when({ type: 'RemoveListPrice', data: { productId: 'car', currency: 'EUR' } })
      .thenNothingHappened();
  });

  it.each([
    [{ currency: 'EURO', amountMinor: 1 }, 'InvalidCurrency'],
    [{ currency: 'EUR', amountMinor: 19.99 }, 'InvalidAmount'],
    [{ currency: 'EUR', amountMinor: -1 }, 'InvalidAmount'],
  ])('rejects %j', (price, code) => {
    given([created])
      .when({ type: 'SetListPrice', data: { productId: 'car', ...price } })
      .thenThrows(code);
  });

  it('a price book must exist before it holds prices', () => {
    given([])
      .when({ type: 'SetListPrice', data: { productId: 'car', currency: 'EUR', amountMinor: 1 } })
      .thenThrows('PriceBookNotFound');
    given([created])
      .when({ type: 'CreatePriceBook', data: { priceBookId: 'std', name: 'x' } })
      .thenThrows('PriceBookAlreadyExists');
  });
});
