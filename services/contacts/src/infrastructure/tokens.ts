/** DI tokens of the service's infrastructure, chosen in one place (contacts-infrastructure.module). */
export const EVENT_STORE = Symbol('CONTACTS_EVENT_STORE');
export const SUBJECT_KEYS = Symbol('CONTACTS_SUBJECT_KEYS');
/** Pool for long-running workers (projection locks, subscriptions) so requests never wait on them. */
export const WORKER_POOL = Symbol('CONTACTS_WORKER_POOL');

/** One Postgres schema per service: event store, read models and checkpoints. */
export const CONTACTS_SCHEMA = 'contacts';
/** Subject keys live apart from the log so a dump of the log alone holds no keys. */
export const CONTACTS_KEYS_SCHEMA = 'contacts_keys';
/** The undecorated Postgres store (log head for lag/progress; never for reading personal data). */
export const RAW_EVENT_STORE = Symbol('CONTACTS_RAW_EVENT_STORE');
