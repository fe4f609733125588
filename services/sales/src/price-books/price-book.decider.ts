/** A price book: list prices per product and currency (a product may be in several books). */
import { type Decider } from '@crm/event-sourcing';
import { parseCurrency, parseMinorUnits, parseText } from '@crm/values';
import type { PriceBookCommand } from './price-book.commands';
import type { PriceBookEvent } from './price-book.events';
import { PriceBookErrors } from './price-book.errors';

export interface PriceBookState {
  readonly exists: boolean;
  readonly priceBookId: string;
  readonly name: string;
  readonly isStandard: boolean;
  /** `${productId}/${currency}` -> list price in minor units. */
  readonly prices: Readonly<Record<string, number>>;
}

export const initialPriceBookState = (): PriceBookState => ({
  exists: false,
  priceBookId: '',
  name: '',
  isStandard: false,
  prices: {},
});

export const priceKey = (productId: string, currency: string) => `${productId}/${currency}`;

export function listPrice(
  state: PriceBookState,
  productId: string,
  currency: string,
): number | undefined {
  return state.prices[priceKey(productId, currency)];
}

export function evolvePriceBook(state: PriceBookState, event: PriceBookEvent): PriceBookState {
  switch (event.type) {
    case 'PriceBookCreated':
      return { ...state, exists: true, ...event.data };
    case 'ListPriceSet':
      return {
        ...state,
        prices: {
          ...state.prices,
          [priceKey(event.data.productId, event.data.currency)]: event.data.amountMinor,
        },
      };
    case 'ListPriceRemoved': {
      const { [priceKey(event.data.productId, event.data.currency)]: _, ...prices } = state.prices;
      return { ...state, prices };
    }
  }
}

export function decidePriceBook(
  command: PriceBookCommand,
  state: PriceBookState,
): PriceBookEvent[] {
  if (command.type === 'CreatePriceBook') {
    if (state.exists) throw PriceBookErrors.priceBookAlreadyExists(state.priceBookId);
    return [
      {
        type: 'PriceBookCreated',
        data: {
          priceBookId: command.data.priceBookId,
          name: parseText(command.data.name, 'name', 100),
          isStandard: command.data.isStandard ?? false,
        },
      },
    ];
  }
  if (!state.exists) throw PriceBookErrors.priceBookNotFound();
  const { productId, currency } = command.data;
  parseCurrency(currency);
  const current = listPrice(state, productId, currency);
  switch (command.type) {
    case 'SetListPrice':
      parseMinorUnits(command.data.amountMinor, 'amountMinor');
      return current === command.data.amountMinor
        ? []
        : [
            {
              type: 'ListPriceSet',
              data: {
                priceBookId: state.priceBookId,
                productId,
                currency,
                amountMinor: command.data.amountMinor,
              },
            },
          ];
    case 'RemoveListPrice':
      return current === undefined
        ? []
        : [
            {
              type: 'ListPriceRemoved',
              data: { priceBookId: state.priceBookId, productId, currency },
            },
          ];
  }
}

export const priceBookDecider: Decider<PriceBookCommand, PriceBookEvent, PriceBookState> = {
  initialState: initialPriceBookState,
  evolve: evolvePriceBook,
  decide: decidePriceBook,
};
