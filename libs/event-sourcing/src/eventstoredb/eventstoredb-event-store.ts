/**
 * The EventStore port on EventStoreDB / KurrentDB (`@eventstore/db-client`).
 *
 * Translations the port hides: ESDB revisions start at 0 (our versions at 1, so version =
 * revision + 1 and exact expected version n = revision n - 1); a stream name carries the tenant
 * (see stream-names.ts) and the metadata carries it too; $all positions are our positions as-is.
 * Differences that remain (documented in the conformance options): ESDB deduplicates a retried
 * append by event id, but does not reject an old id reused in a new append.
 */
import { randomUUID } from 'node:crypto';
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START as ESDB_START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type Filter,
  type JSONType,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  MultiStreamAppendUnsupportedError,
  START,
  WrongExpectedVersionError,
  assertDistinctStreams,
  categoryOf,
  comparePositions,
  type AppendResult,
  type BatchHandler,
  type EventMetadata,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type Position,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type ReadStreamResult,
  type RecordedEvent,
  type StreamAppend,
  type StreamRef,
  type SubscribeOptions,
  type Subscription,
} from '../event-store';
import { eventTypeRegex, fromStreamName, streamNameRegex, toStreamName } from './stream-names';

/** Metadata key holding our schema version (ESDB reserves `$`-prefixed keys). */
const SCHEMA_VERSION_KEY = 'crmSchemaVersion';

export interface EventStoreDbEventStoreOptions {
  /** Page size of readAll without a limit. */
  readonly batchSize?: number;
}

type Filters = Omit<ReadAllOptions, 'after' | 'limit'>;

export class EventStoreDbEventStore implements EventStore {
  /**
   * No: this client (the classic gRPC API) writes one stream per call and has no transaction
   * across streams, so appending to each in turn could leave some written and some not.
   */
  readonly atomicMultiStreamAppend = false;
  private readonly batchSize: number;
  private readonly subscriptions = new Set<Subscription>();

  static connect(
    connectionString: string,
    options: EventStoreDbEventStoreOptions = {},
  ): EventStoreDbEventStore {
    return new EventStoreDbEventStore(
      EventStoreDBClient.connectionString(connectionString),
      options,
      true,
    );
  }

  constructor(
    readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions = {},
    private readonly ownsClient = false,
  ) {
    this.batchSize = options.batchSize ?? 500;
  }

  async append(
    stream: StreamRef,
    events: readonly NewEvent[],
    expected: ExpectedVersion = 'any',
  ): Promise<AppendResult> {
    const name = toStreamName(stream);
    if (!events.length) return this.checkExpectation(stream, expected);
    try {
      const result = await this.client.appendToStream(
        name,
        events.map((e) =>
          jsonEvent({
            id: e.id ?? randomUUID(),
            type: e.type,
            // ESDB serialises any JSON value; its typings only admit objects, arrays and strings.
            data: (e.data ?? null) as JSONType,
            metadata: {
              ...e.metadata,
              tenant: stream.tenant,
              [SCHEMA_VERSION_KEY]: e.schemaVersion ?? 1,
            },
          }),
        ),
        { expectedRevision: toExpectedRevision(expected) },
      );
      return {
        nextExpectedVersion: Number(result.nextExpectedRevision) + 1,
        // An idempotent retry may come back without a position: look the event up.
        lastPosition: result.position
          ? { commit: result.position.commit, prepare: result.position.prepare }
          : await this.positionAt(name, result.nextExpectedRevision),
      };
    } catch (error) {
      if (error instanceof EsdbWrongExpectedVersionError) {
        const actual = error.actualVersion === NO_STREAM ? 0 : Number(error.actualVersion) + 1;
        throw new WrongExpectedVersionError(stream, expected, actual);
      }
      throw error;
    }
  }

  /** One stream is one append (atomic); several are refused, never half-applied. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertDistinctStreams(appends);
    if (appends.length > 1) {
      throw new MultiStreamAppendUnsupportedError('EventStoreDbEventStore', appends.length);
    }
    return Promise.all(appends.map((a) => this.append(a.stream, a.events, a.expected)));
  }

  async readStream(stream: StreamRef, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    const name = toStreamName(stream);
    const version = await this.currentVersion(name);
    if (version === 0) return { version, events: [] };
    const fromVersion = Math.max(options.fromVersion ?? 1, 1);
    if (fromVersion > version || options.limit === 0) return { version, events: [] };
    const events: RecordedEvent[] = [];
    const read = this.client.readStream(name, {
      direction: FORWARDS,
      fromRevision: BigInt(fromVersion - 1),
      ...(options.limit !== undefined ? { maxCount: options.limit } : {}),
    });
    for await (const resolved of read) {
      const event = toRecordedEvent(resolved);
      // Events appended after we read `version` are left for the next read: the two agree.
      if (event && event.streamVersion <= version) events.push(event);
    }
    return { version, events };
  }

  /**
   * This client version has no server-side filter on readAll, so filtered reads scan $all pages
   * and filter here; `last` still advances over what was scanned, so nothing is rescanned.
   * Subscriptions (the hot path for projections and relays) filter on the server.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ?? START;
    const limit = options.limit ?? this.batchSize;
    const matches = matcher(options);
    const events: RecordedEvent[] = [];
    /** Everything up to here has been looked at (matching or not). */
    let scannedUpTo = after;
    for (;;) {
      let fresh = 0;
      const from: ReadPosition =
        comparePositions(scannedUpTo, START) === 0 ? ESDB_START : scannedUpTo;
      const read = this.client.readAll({
        direction: FORWARDS,
        fromPosition: from,
        maxCount: Math.max(limit, 100),
      });
      for await (const resolved of read) {
        const position = resolved.event?.position;
        // readAll starts AT its position; the port's `after` is exclusive.
        if (!position || comparePositions(position, scannedUpTo) <= 0) continue;
        fresh++;
        scannedUpTo = { commit: position.commit, prepare: position.prepare };
        const event = toRecordedEvent(resolved);
        if (event && matches(event)) events.push(event);
        if (events.length >= limit) {
          await read.cancel();
          break;
        }
      }
      if (events.length >= limit || fresh === 0) break;
    }
    return { events, last: scannedUpTo };
  }

  subscribe(options: SubscribeOptions, handler: BatchHandler): Subscription {
    const { from, batchSize: _ignored, ...filters } = options;
    void _ignored; // ESDB pushes events one by one; each is one batch
    const matches = matcher(filters);
    const stream = this.client.subscribeToAll({
      fromPosition:
        !from || comparePositions(from, START) === 0
          ? ESDB_START
          : { commit: from.commit, prepare: from.prepare },
      filter: serverFilter(filters),
    });
    let stopped = false;
    const run = async () => {
      try {
        for await (const resolved of stream) {
          if (stopped) break;
          const event = toRecordedEvent(resolved);
          if (event && matches(event)) await handler([event]);
        }
      } finally {
        await stream.unsubscribe().catch(() => undefined);
      }
    };
    const done = run();
    done.catch(() => undefined);
    const subscription: Subscription = {
      done,
      stop: async () => {
        stopped = true;
        await stream.unsubscribe().catch(() => undefined);
        await done.catch(() => undefined);
      },
    };
    this.subscriptions.add(subscription);
    void done.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.ownsClient) await this.client.dispose();
  }

  private async positionAt(name: string, revision: bigint): Promise<Position> {
    for await (const resolved of this.client.readStream(name, {
      fromRevision: revision,
      maxCount: 1,
    })) {
      const position = resolved.event?.position;
      if (position) return { commit: position.commit, prepare: position.prepare };
    }
    return START;
  }

  private async currentVersion(name: string): Promise<number> {
    try {
      for await (const resolved of this.client.readStream(name, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (resolved.event) return Number(resolved.event.revision) + 1;
      }
      return 0;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return 0;
      throw error;
    }
  }

  private async checkExpectation(
    stream: StreamRef,
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const actual = await this.currentVersion(toStreamName(stream));
    const ok =
      expected === 'any' ||
      (expected === 'no-stream' && actual === 0) ||
      (expected === 'exists' && actual > 0) ||
      expected === actual;
    if (!ok) throw new WrongExpectedVersionError(stream, expected, actual);
    return { nextExpectedVersion: actual, lastPosition: START };
  }
}

function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no-stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`Expected version must be an integer >= 0, got ${String(expected)}`);
      }
      return expected === 0 ? NO_STREAM : BigInt(expected - 1);
  }
}

function serverFilter(filters: Filters): Filter {
  const names = streamNameRegex(filters.tenant, filters.categories);
  if (names !== undefined) return streamNameFilter({ regex: names });
  if (filters.types !== undefined) return eventTypeFilter({ regex: eventTypeRegex(filters.types) });
  return excludeSystemEvents();
}

/** Client-side check of every filter (also the ones the server already applied: cheap and safe). */
function matcher(filters: Filters): (event: RecordedEvent) => boolean {
  return (e) =>
    (filters.tenant === undefined || e.tenant === filters.tenant) &&
    (filters.categories === undefined || filters.categories.includes(categoryOf(e.streamId))) &&
    (filters.types === undefined || filters.types.includes(e.type));
}

function toRecordedEvent(
  resolved: ResolvedEvent | AllStreamResolvedEvent,
): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson) return undefined;
  const stream = fromStreamName(event.streamId);
  if (!stream) return undefined;
  const { [SCHEMA_VERSION_KEY]: schemaVersion, ...metadata } = (event.metadata ?? {}) as Record<
    string,
    unknown
  >;
  const position: Position = event.position
    ? { commit: event.position.commit, prepare: event.position.prepare }
    : { commit: -1n, prepare: -1n };
  return {
    id: event.id,
    type: event.type,
    schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 1,
    data: event.data,
    metadata: metadata as unknown as EventMetadata,
    tenant: stream.tenant,
    streamId: stream.id,
    streamVersion: Number(event.revision) + 1,
    position,
    createdAt: event.created,
  };
}
