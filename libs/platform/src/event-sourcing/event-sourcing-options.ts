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
  /** The problem a query gets while its read model is not ready. */
  readonly unavailableProblem?: UnavailableProblemOptions;
}

export interface UnavailableProblemOptions {
  /** Problem code: the type is `/problems/<kebab-case code>` (default `ReadModelUnavailable`). */
  readonly code?: string;
  /** Retry-After header and `retryAfterSeconds` member (default 5). */
  readonly retryAfterSeconds?: number;
}

export const DEFAULT_WORKER_POOL_SIZE = 8;
export const DEFAULT_UNAVAILABLE_PROBLEM: Required<UnavailableProblemOptions> = {
  code: 'ReadModelUnavailable',
  retryAfterSeconds: 5,
};
