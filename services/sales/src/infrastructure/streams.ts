/** DI tokens of the sales infrastructure, chosen in one place (sales-infrastructure.module). */
export const EVENT_STORE = Symbol('SALES_EVENT_STORE');
/** Pool for long-running workers (projection lock, scheduler, relay) so requests never wait on them. */
/** Per-subject encryption keys (crypto-shredding of personal data in the log). */
export const SUBJECT_KEYS = Symbol('SALES_SUBJECT_KEYS');
/** The undecorated Postgres store: log head for lag and progress (never for reading personal data). */
export const RAW_EVENT_STORE = Symbol('SALES_RAW_EVENT_STORE');
/** Subject keys live apart from the log, so a dump of the log alone holds no keys. */
export const SALES_KEYS_SCHEMA = 'sales_keys';
export const WORKER_POOL = Symbol('SALES_WORKER_POOL');

/** One Postgres schema per service: event store, read models, checkpoints. */
export const SALES_SCHEMA = 'sales';

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
