/** Stream ids are `<category>-<id>`; the category names the aggregate. */
export const STREAM = {
  lead: (id: string) => `lead-${id}`,
  pipeline: (id: string) => `pipeline-${id}`,
  opportunity: (id: string) => `opportunity-${id}`,
  activity: (id: string) => `activity-${id}`,
  product: (id: string) => `product-${id}`,
  sku: (key: string) => `sku-${key}`,
  priceBook: (id: string) => `pricebook-${id}`,
  quote: (id: string) => `quote-${id}`,
  order: (id: string) => `order-${id}`,
} as const;

export function idOfStream(streamId: string): string {
  return streamId.slice(streamId.indexOf('-') + 1);
}
