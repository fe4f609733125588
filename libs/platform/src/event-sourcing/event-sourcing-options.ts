import type { DomainEvent, PersonalDataSpec, Projection, ToDomainEvent } from '@crm/event-sourcing';

/** What one service tells EventSourcingModule: where its log lives and what runs over it. */
export interface EventSourcingModuleOptions {
  /** The service's Postgres schema: event store, read models, projection checkpoints. */
  readonly schema: string;
  /** Subject keys live apart from the log, so a dump of the log alone holds no keys. */
  readonly keysSchema: string;
  /** Which fields of which events are personal, and whose (encrypted with that subject's key). */
  readonly personalData: PersonalDataSpec;
  /** The read models, each run by one instance at a time across replicas. */
  readonly projections: readonly Projection[];
  /** Connections of the worker pool (default 8). */
  readonly workerPoolSize?: number;
  /** Recorded -> domain event for folding aggregates (e.g. blanking shredded fields). */
  readonly upcast?: ToDomainEvent<DomainEvent>;
  /**
   * Every GET outside /health, /metrics and /docs answers 503 while any read model is not built
   * or is being rebuilt. Without it, query handlers call `ReadModels.assertReady(name)` for the
   * read model they use, so the other queries keep answering.
   */
  readonly gateAllQueries?: boolean;
}

export const DEFAULT_WORKER_POOL_SIZE = 8;
/**
 * Retry-After while a read model is not ready. One value for every service, like the problem
 * type itself (`/problems/read-model-unavailable`, mapped by the platform's error filter).
 */
export const READ_MODEL_RETRY_AFTER_SECONDS = 5;
