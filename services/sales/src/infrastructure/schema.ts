/** One Postgres schema per service: event store, read models, checkpoints. */
export const SALES_SCHEMA = 'sales';
/** Subject keys live apart from the log, so a dump of the log alone holds no keys. */
export const SALES_KEYS_SCHEMA = 'sales_keys';
