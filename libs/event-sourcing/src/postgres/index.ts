export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { MIGRATIONS, migrate as migrateEventStore, type Migration } from './migrations';
export { PollingSubscription, type PollingOptions } from './polling-subscription';
export { inTransaction } from './transaction';
