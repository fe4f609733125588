/** DI tokens of a service's event-sourcing infrastructure (provided by EventSourcingModule). */

/** The log as the service reads and writes it: Postgres behind crypto-shredding. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The undecorated Postgres store: log head for lag and progress, never for reading personal data. */
export const RAW_EVENT_STORE = Symbol('RAW_EVENT_STORE');
/** Per-subject encryption keys (crypto-shredding of personal data in the log). */
export const SUBJECT_KEYS = Symbol('SUBJECT_KEYS');
/** Pool for long-running workers (projection locks, subscriptions, relays) so requests never wait on them. */
export const WORKER_POOL = Symbol('WORKER_POOL');
/** The EventSourcingModuleOptions the module was built with. */
export const EVENT_SOURCING_OPTIONS = Symbol('EVENT_SOURCING_OPTIONS');
