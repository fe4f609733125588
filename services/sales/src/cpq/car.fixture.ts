/** A configurable car used by the CPQ, quote and end-to-end specs. Prices in EUR cents. */
import type { ProductForQuote } from '../quotes/quote.commands';
import type { ConfigurationModel } from './configuration-model';

export const CAR_BASE_PRICE_EUR = 3_000_000;

export const carModel: ConfigurationModel = {
  groups: [
    {
      groupId: 'paint',
      name: 'paint colour',
      required: true,
      selection: 'single',
      options: [
        { optionId: 'paint-white', name: 'Glacier white', priceDeltas: {}, isDefault: true },
        { optionId: 'paint-red', name: 'Racing red', priceDeltas: { EUR: 80_000, USD: 90_000 } },
        {
          optionId: 'paint-black',
          name: 'Black metallic',
          priceDeltas: { EUR: 120_000, USD: 130_000 },
        },
      ],
    },
    {
      groupId: 'interior',
      name: 'interior trim',
      required: true,
      selection: 'single',
      options: [
        { optionId: 'trim-cloth', name: 'Cloth', priceDeltas: {}, isDefault: true },
        { optionId: 'trim-leather', name: 'Leather', priceDeltas: { EUR: 250_000, USD: 270_000 } },
      ],
    },
    {
      groupId: 'transmission',
      name: 'transmission',
      required: true,
      selection: 'single',
      options: [
        { optionId: 'gear-manual', name: 'Manual', priceDeltas: {}, isDefault: true },
        { optionId: 'gear-auto', name: 'Automatic', priceDeltas: { EUR: 200_000, USD: 210_000 } },
      ],
    },
    {
      groupId: 'extras',
      name: 'extras',
      required: false,
      selection: 'multiple',
      options: [
        { optionId: 'tow-hitch', name: 'Tow hitch', priceDeltas: { EUR: 60_000 } },
        { optionId: 'sport-pack', name: 'Sport pack', priceDeltas: { EUR: 300_000, USD: 320_000 } },
        {
          optionId: 'eco-discount',
          name: 'Eco bonus',
          priceDeltas: { EUR: -50_000, USD: -50_000 },
        },
      ],
    },
  ],
  rules: [
    { kind: 'requires', optionId: 'sport-pack', targetOptionId: 'gear-auto' },
    { kind: 'excludes', optionId: 'tow-hitch', targetOptionId: 'sport-pack' },
    { kind: 'excludes', optionId: 'sport-pack', targetOptionId: 'trim-cloth' },
  ],
};

/** The car as a sale's handler loads it (product-for-quote.ts), priced at its base in EUR. */
export const carForSale: ProductForQuote = {
  productId: 'car',
  sku: 'RDST-2026',
  name: 'Roadster',
  active: true,
  model: carModel,
  listPriceMinor: CAR_BASE_PRICE_EUR,
};
