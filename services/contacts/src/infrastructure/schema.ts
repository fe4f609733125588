/** One Postgres schema per service: event store, read models and checkpoints. */
export const CONTACTS_SCHEMA = 'contacts';
/** Subject keys live apart from the log so a dump of the log alone holds no keys. */
export const CONTACTS_KEYS_SCHEMA = 'contacts_keys';
