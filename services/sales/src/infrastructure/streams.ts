/** Stream ids are `<category>-<id>`; the category names the aggregate. */
import { streamIdOf } from '@crm/event-sourcing';

export const STREAM = {
  lead: (id: string) => streamIdOf('lead', id),
  pipeline: (id: string) => streamIdOf('pipeline', id),
  opportunity: (id: string) => streamIdOf('opportunity', id),
  activity: (id: string) => streamIdOf('activity', id),
  product: (id: string) => streamIdOf('product', id),
  sku: (key: string) => streamIdOf('sku', key),
  priceBook: (id: string) => streamIdOf('pricebook', id),
  quote: (id: string) => streamIdOf('quote', id),
  order: (id: string) => streamIdOf('order', id),
} as const;
