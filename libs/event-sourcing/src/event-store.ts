/**
 * The EventStore port. Every adapter (PostgreSQL, EventStoreDB) passes the same conformance
 * suite; code outside the adapters only ever sees these types.
 *
 * Versions are 1-based and dense: a stream's version is the number of events in it, so an empty
 * (or missing) stream has version 0 and its first event has streamVersion 1. Adapters whose native
 * revisions start at 0 translate.
 */
import { DomainError } from './domain-error';

export interface StreamRef {
  /** Every stream belongs to exactly one tenant; the same id in two tenants is two streams. */
  readonly tenant: string;
  /** `<category>-<id>`, e.g. `contact-3f2a...`. The category is the text before the first '-'. */
  readonly id: string;
}

export interface EventMetadata {
  readonly tenant: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  /** Who caused it: user id (JWT `sub`) or `system:<component>`. */
  readonly actor?: string;
  /** ISO-8601 instant at which the business fact happened. */
  readonly occurredAt: string;
  readonly [key: string]: unknown;
}

/** What a caller appends. `id` defaults to a fresh UUID; appending a known id again is a no-op. */
export interface NewEvent {
  readonly id?: string;
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/**
 * Position in the global log. PostgreSQL: commit = transaction id (xid8), prepare = global
 * position; EventStoreDB: its commit/prepare positions. Ordered by (commit, prepare).
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: Position = Object.freeze({ commit: -1n, prepare: -1n });

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export interface RecordedEvent<Data = unknown> {
  readonly id: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly tenant: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly position: Position;
  readonly createdAt: Date;
}

export type ExpectedVersion = 'any' | 'no-stream' | 'exists' | number;

export interface AppendResult {
  /** The stream's version after the append (pass it as `expected` next time). */
  readonly nextExpectedVersion: number;
  /** Position of the last event of this append. */
  readonly lastPosition: Position;
}

/** One stream's part of an `appendToStreams` call. */
export interface StreamAppend {
  readonly stream: StreamRef;
  readonly events: readonly NewEvent[];
  /** As append's `expected` (default 'any'), checked for this stream alone. */
  readonly expected?: ExpectedVersion;
}

export interface ReadStreamOptions {
  /** First streamVersion to return (default 1). */
  readonly fromVersion?: number;
  readonly limit?: number;
}

export interface ReadStreamResult {
  /** Current version of the stream (0 when it does not exist). */
  readonly version: number;
  readonly events: RecordedEvent[];
}

export interface ReadAllOptions {
  /** Exclusive lower bound; START (default) reads from the beginning. */
  readonly after?: Position;
  readonly limit?: number;
  /** Only this tenant's events; omitted = all tenants (relays, projections across tenants). */
  readonly tenant?: string;
  /** Only streams of these categories (`contact`, `company`, ...). */
  readonly categories?: readonly string[];
  readonly types?: readonly string[];
}

export interface ReadAllResult {
  readonly events: RecordedEvent[];
  /** Where the next read should continue from (the last event's position, or `after`). */
  readonly last: Position;
}

export interface SubscribeOptions extends Omit<ReadAllOptions, 'after' | 'limit'> {
  readonly from?: Position;
  readonly batchSize?: number;
}

/** The handler is awaited before the next batch is read: that is the back-pressure. */
export type BatchHandler = (events: RecordedEvent[]) => Promise<void>;

export interface Subscription {
  /** Stops reading; resolves when the handler in flight (if any) has finished. */
  stop(): Promise<void>;
  /** Resolves when stopped; rejects if the handler threw (the subscription then stops). */
  readonly done: Promise<void>;
}

export interface EventStore {
  append(
    stream: StreamRef,
    events: readonly NewEvent[],
    expected?: ExpectedVersion,
  ): Promise<AppendResult>;
  /**
   * Appends to several streams at once, all or nothing: each stream's expected version is checked
   * on its own, and if any check fails (WrongExpectedVersionError for the first failing stream, in
   * the order given) nothing is appended to any stream. Results come in the order given. A stream
   * may appear once per call (else InvalidMultiStreamAppend). A retry of exactly the same call (the
   * same event ids to the same streams) is a no-op that answers the original results, as append's.
   * Adapters that cannot do this atomically say so in `atomicMultiStreamAppend` and refuse a call
   * naming more than one stream (MultiStreamAppendUnsupportedError) rather than half-apply it.
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** Whether appendToStreams accepts more than one stream (in one atomic write). */
  readonly atomicMultiStreamAppend: boolean;
  readStream(stream: StreamRef, options?: ReadStreamOptions): Promise<ReadStreamResult>;
  readAll(options?: ReadAllOptions): Promise<ReadAllResult>;
  subscribe(options: SubscribeOptions, handler: BatchHandler): Subscription;
  close(): Promise<void>;
}

export class WrongExpectedVersionError extends DomainError {
  constructor(
    readonly stream: StreamRef,
    readonly expected: ExpectedVersion,
    /** The stream's actual version (0 = no stream). */
    readonly actual: number,
  ) {
    super(
      'WrongExpectedVersion',
      `Stream ${stream.id} is at version ${actual}, expected ${String(expected)}`,
      'conflict',
      { expected: String(expected), actual },
    );
  }
}

/**
 * Some of the appended event ids already exist, but not as exactly this append to this stream,
 * so it cannot be treated as an idempotent retry. (Added by the adapters' author: a retry of the
 * SAME append is a no-op that returns the original result; anything else is this error.)
 */
export class DuplicateEventIdError extends DomainError {
  constructor(
    readonly stream: StreamRef,
    readonly eventIds: readonly string[],
  ) {
    super(
      'DuplicateEventId',
      `Some of the event ids appended to ${stream.id} were already used by a different append`,
      'conflict',
    );
  }
}

/** An adapter without atomic multi-stream writes was asked for one (see atomicMultiStreamAppend). */
export class MultiStreamAppendUnsupportedError extends Error {
  constructor(
    readonly adapter: string,
    readonly streams: number,
  ) {
    super(
      `${adapter} cannot append to ${streams} streams atomically; append to each stream on its own ` +
        `(no all-or-nothing) or use an adapter whose atomicMultiStreamAppend is true`,
    );
    this.name = 'MultiStreamAppendUnsupportedError';
  }
}

/**
 * The checks every adapter's appendToStreams runs before writing anything: a stream named twice
 * in one call has no single expected version, so the call is refused as invalid.
 */
export function assertDistinctStreams(appends: readonly StreamAppend[]): void {
  const seen = new Set<string>();
  for (const { stream } of appends) {
    const key = JSON.stringify([stream.tenant, stream.id]);
    if (seen.has(key)) {
      throw new DomainError(
        'InvalidMultiStreamAppend',
        `Stream ${stream.id} of tenant ${stream.tenant} appears more than once in one appendToStreams`,
        'invalid',
        { field: 'stream', streamId: stream.id },
      );
    }
    seen.add(key);
  }
}

export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}

/** The aggregate's id: the text after the category (`contact-3f2a-b` -> `3f2a-b`). */
export function idOfStream(streamId: string): string {
  return streamId.slice(streamId.indexOf('-') + 1);
}

/** `<category>-<id>`; the category may not contain '-', or `categoryOf` would cut it short. */
export function streamIdOf(category: string, id: string): string {
  if (!/^[^-]+$/.test(category)) {
    throw new Error(`A stream category must be non-empty without '-' (got "${category}")`);
  }
  return `${category}-${id}`;
}
