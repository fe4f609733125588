/** One Postgres schema per service: event store, read models, the order feed, checkpoints. */
export const AFTERSALES_SCHEMA = 'aftersales';
/** Subject keys (cases' personal text) live apart from the log, so a dump of the log holds no keys. */
export const AFTERSALES_KEYS_SCHEMA = 'aftersales_keys';
