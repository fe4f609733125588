/** One Postgres schema per service: event store, read models, the audience, checkpoints. */
export const CAMPAIGNS_SCHEMA = 'campaigns';
/** Subject keys live apart from the log, so a dump of the log alone holds no keys. */
export const CAMPAIGNS_KEYS_SCHEMA = 'campaigns_keys';
