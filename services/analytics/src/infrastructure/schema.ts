/** One Postgres schema per service: the analytics tables, the (empty for now) log, checkpoints. */
export const ANALYTICS_SCHEMA = 'analytics';
/** Subject keys live apart from the log, as in every service. */
export const ANALYTICS_KEYS_SCHEMA = 'analytics_keys';
export const S = ANALYTICS_SCHEMA;
