/**
 * The default EventStore adapter: PostgreSQL through `pg`. See migrations.ts for the tables and
 * the append function, read-all-query.ts for why global reads are safe under out-of-order commits.
 */
import { randomUUID } from 'node:crypto';
import { Pool, type ClientBase, type PoolConfig } from 'pg';
import { DomainError } from '../domain-error';
import {
  DuplicateEventIdError,
  START,
  assertDistinctStreams,
  WrongExpectedVersionError,
  comparePositions,
  type AppendResult,
  type BatchHandler,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadAllResult,
  type ReadStreamOptions,
  type ReadStreamResult,
  type StreamAppend,
  type StreamRef,
  type SubscribeOptions,
  type Subscription,
} from '../event-store';
import { appendMode, appendStatement } from './append-statement';
import { CommitNotifier } from './commit-notifier';
import { EVENT_COLUMNS, toPosition, toRecordedEvent, type EventRow } from './event-rows';
import { MULTI_APPEND_CONFLICT, assertSchemaName, migrate } from './migrations';
import { multiAppendStatement, streamParam } from './multi-append-statement';
import { PollingSubscription, type PollingOptions } from './polling-subscription';
import { BEGIN_ORDERED_SCAN, readAllQuery } from './read-all-query';
import { inTransaction } from './transaction';

export interface PostgresEventStoreOptions {
  /** Schema holding this store's tables (one per service). Default `event_store`. */
  readonly schema?: string;
  /** Page size of readAll without a limit, and default subscription batch size. */
  readonly batchSize?: number;
  /** Subscriber back-off when the log is drained (woken earlier by NOTIFY). */
  readonly polling?: Partial<PollingOptions>;
  /** Send NOTIFY after appends so subscribers in other processes wake at once. Default true. */
  readonly notify?: boolean;
}

type Queryable = Pick<ClientBase, 'query'>;

interface AppendRow {
  next_version: string;
  commit_position: string;
  last_position: string;
}

interface ExistingEventRow {
  event_id: string;
  tenant: string;
  stream_id: string;
  stream_version: string;
  transaction_id: string;
  global_position: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_VIOLATION = '23505';

interface MultiAppendRow {
  i: number;
  next_version: string;
  commit_position: string;
  last_position: string | null;
}

export class PostgresEventStore implements EventStore {
  readonly schema: string;
  /** One statement writes every stream of an appendToStreams call (multi-append-statement.ts). */
  readonly atomicMultiStreamAppend = true;
  private readonly batchSize: number;
  private readonly polling: PollingOptions;
  private readonly notifier: CommitNotifier;
  private readonly subscriptions = new Set<PollingSubscription>();
  private closed = false;

  /** Opens a store on an existing pool (the caller keeps ownership of the pool) and migrates. */
  static async open(
    pool: Pool,
    options: PostgresEventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(pool, options);
    await store.migrate();
    return store;
  }

  /** Opens a store with its own pool, ended by close(). */
  static async connect(
    config: PoolConfig | string,
    options: PostgresEventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    const pool = new Pool(typeof config === 'string' ? { connectionString: config } : config);
    // An idle connection dropped by the server must not crash the process: the next query reconnects.
    pool.on('error', () => undefined);
    const store = new PostgresEventStore(pool, options, true);
    try {
      await store.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  constructor(
    readonly pool: Pool,
    options: PostgresEventStoreOptions = {},
    private readonly ownsPool = false,
  ) {
    this.schema = assertSchemaName(options.schema ?? 'event_store');
    this.batchSize = options.batchSize ?? 500;
    this.polling = { minDelayMs: 25, maxDelayMs: 1_000, ...options.polling };
    this.notifier = new CommitNotifier(pool, `${this.schema}_events`, options.notify ?? true);
  }

  /** Applies missing schema migrations; idempotent and safe to run concurrently. */
  migrate(): Promise<number[]> {
    return migrate(this.pool, this.schema);
  }

  async append(
    stream: StreamRef,
    events: readonly NewEvent[],
    expected: ExpectedVersion = 'any',
  ): Promise<AppendResult> {
    const result = await this.appendOn(this.pool, stream, events, expected, true);
    if (events.length) this.notifier.committed();
    return result;
  }

  /**
   * Appends inside the caller's open transaction (e.g. together with an outbox row). Nothing is
   * visible to readers until the caller commits. Unlike append(), a duplicate event id cannot be
   * resolved as an idempotent retry here (the transaction is already aborted): it throws
   * DuplicateEventIdError and the caller retries the whole transaction.
   */
  async appendInTransaction(
    client: Queryable,
    stream: StreamRef,
    events: readonly NewEvent[],
    expected: ExpectedVersion = 'any',
  ): Promise<AppendResult> {
    // The NOTIFY rides on the append statement itself (no round trip of its own); PostgreSQL
    // delivers it only if and when the caller commits, once however many appends queued it.
    return this.appendOn(client, stream, events, expected, false, true);
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    const results = await this.appendManyOn(this.pool, appends, true);
    if (appends.some((a) => a.events.length)) this.notifier.committed();
    return results;
  }

  /**
   * appendToStreams inside the caller's open transaction (the NOTIFY rides on the statement, as
   * appendInTransaction's). A wrong expected version raises inside the statement, so it ABORTS the
   * caller's transaction (nothing of it can commit): the caller rolls back and retries. The
   * WrongExpectedVersionError's `actual` is read outside the transaction (the committed version).
   */
  appendToStreamsInTransaction(
    client: Queryable,
    appends: readonly StreamAppend[],
  ): Promise<AppendResult[]> {
    return this.appendManyOn(client, appends, false);
  }

  async readStream(stream: StreamRef, options: ReadStreamOptions = {}): Promise<ReadStreamResult> {
    // One statement, one snapshot: the version and the events agree with each other.
    const { rows } = await this.pool.query<EventRow & { current_version: string }>({
      name: `${this.schema}.read_stream`,
      text: `SELECT s.version AS current_version, ${EVENT_COLUMNS}
        FROM ${this.schema}.streams s
        LEFT JOIN LATERAL (
          SELECT * FROM ${this.schema}.events ev
          WHERE ev.tenant = s.tenant AND ev.stream_id = s.stream_id AND ev.stream_version >= $3
          ORDER BY ev.stream_version LIMIT $4
        ) e ON true
        WHERE s.tenant = $1 AND s.stream_id = $2
        ORDER BY e.stream_version`,
      values: [stream.tenant, stream.id, options.fromVersion ?? 1, options.limit ?? null],
    });
    return {
      version: rows.length ? Number(rows[0].current_version) : 0,
      events: rows.filter((r) => r.global_position !== null).map(toRecordedEvent),
    };
  }

  /**
   * The global log, safe against out-of-order commits (see read-all-query.ts). It is eventually
   * consistent: an event becomes readable once every older transaction in the CLUSTER has ended.
   * Read it outside any transaction of your own that has written: that transaction's id would
   * hold the visibility horizon below everything committed after it started.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    const after = options.after ?? START;
    type PageRow = EventRow & { tail_transaction_id?: string; tail_position?: string };
    const { filtered, ...query } = readAllQuery(this.schema, options, this.batchSize);
    const { rows } = filtered
      ? await inTransaction(this.pool, (client) => client.query<PageRow>(query), BEGIN_ORDERED_SCAN)
      : await this.pool.query<PageRow>(query);
    const events = rows.filter((r) => r.global_position !== null).map(toRecordedEvent);
    let last = events.length ? events[events.length - 1].position : after;
    const limit = options.limit ?? this.batchSize;
    const tail = rows[0];
    if (events.length < limit && tail?.tail_transaction_id != null && tail.tail_position != null) {
      const visibleEnd = toPosition(tail.tail_transaction_id, tail.tail_position);
      if (comparePositions(visibleEnd, last) > 0) last = visibleEnd;
    }
    return { events, last };
  }

  subscribe(options: SubscribeOptions, handler: BatchHandler): Subscription {
    if (this.closed) throw new Error('PostgresEventStore is closed');
    const { from, batchSize, ...filter } = options;
    let unregister = () => {};
    const subscription = new PollingSubscription(
      (o) => this.readAll(o),
      filter,
      from ?? START,
      batchSize ?? this.batchSize,
      handler,
      this.polling,
      () => {
        unregister();
        this.subscriptions.delete(subscription);
      },
    );
    this.subscriptions.add(subscription);
    unregister = this.notifier.onCommit(() => subscription.wake());
    return subscription;
  }

  /** Stops every subscription (waiting for batches in flight); ends the pool only if it owns it. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.notifier.close();
    if (this.ownsPool) await this.pool.end();
  }

  private async appendOn(
    db: Queryable,
    stream: StreamRef,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
    canResolveDuplicates: boolean,
    notifyInStatement = false,
  ): Promise<AppendResult> {
    const expectedParam = expectedVersionParam(expected);
    if (!events.length) return this.checkExpectation(db, stream, expected);
    const ids = events.map((e) => eventId(e));
    const mode = appendMode(expected);
    const single = events.length === 1;
    let row: AppendRow | undefined;
    try {
      // JSON serialised here (not by pg) so that a string payload stays a JSON string.
      const values: unknown[] = single
        ? [
            stream.tenant,
            stream.id,
            1,
            ids[0],
            events[0].type,
            events[0].schemaVersion ?? 1,
            JSON.stringify(events[0].data ?? null),
            JSON.stringify(events[0].metadata),
          ]
        : [
            stream.tenant,
            stream.id,
            events.length,
            JSON.stringify(
              events.map((e, i) => ({
                id: ids[i],
                type: e.type,
                schemaVersion: e.schemaVersion ?? 1,
                data: e.data ?? null,
                metadata: e.metadata,
              })),
            ),
          ];
      if (mode === 'exact') values.push(expectedParam);
      if (notifyInStatement) values.push(this.notifier.channel);
      const { rows } = await db.query<AppendRow>({
        name: `${this.schema}.append_${mode}${single ? '_1' : ''}${notifyInStatement ? '_notify' : ''}`,
        text: appendStatement(
          this.schema,
          mode,
          single,
          notifyInStatement ? `$${values.length}` : undefined,
        ),
        values,
      });
      row = rows[0];
    } catch (error) {
      if (!isDuplicateEventId(error)) throw error;
      if (!canResolveDuplicates) throw new DuplicateEventIdError(stream, ids);
      const retry = await this.previousAppend(stream, ids);
      if (retry) return retry;
      throw new DuplicateEventIdError(stream, ids);
    }
    if (!row) {
      // A retry of an append that already committed also lands here (its expected version is
      // stale by now): answer it with the original result instead of a conflict.
      const retry = canResolveDuplicates ? await this.previousAppend(stream, ids) : undefined;
      if (retry) return retry;
      // Read after the failed statement (fresh snapshot): the version that actually won.
      throw new WrongExpectedVersionError(stream, expected, await this.currentVersion(db, stream));
    }
    return {
      nextExpectedVersion: Number(row.next_version),
      lastPosition: toPosition(row.commit_position, row.last_position),
    };
  }

  private async appendManyOn(
    db: Queryable,
    appends: readonly StreamAppend[],
    canResolveDuplicates: boolean,
  ): Promise<AppendResult[]> {
    if (appends.length === 0) return [];
    assertDistinctStreams(appends);
    const ids = appends.map((a) => a.events.map((e) => eventId(e)));
    const streams = appends.map((a, i) => {
      const expected = a.expected ?? 'any';
      expectedVersionParam(expected);
      return streamParam(i, a.stream.tenant, a.stream.id, a.events.length, expected);
    });
    const writing = streams.filter((s) => s.n > 0).length;
    // JSON serialised here (not by pg) so that a string payload stays a JSON string.
    const events = JSON.stringify(
      appends.flatMap((a, i) =>
        a.events.map((e, k) => ({
          i,
          o: k + 1,
          id: ids[i][k],
          type: e.type,
          schemaVersion: e.schemaVersion ?? 1,
          data: e.data ?? null,
          metadata: e.metadata,
        })),
      ),
    );
    const notify = !canResolveDuplicates && writing > 0;
    const values: unknown[] = [JSON.stringify(streams), writing, streams.length - writing, events];
    if (notify) values.push(this.notifier.channel);
    // A check-only stream that another writer creates between the statement and the re-read is
    // the one conflict the re-read cannot name: run the statement again (bounded).
    for (let attempt = 1; ; attempt++) {
      try {
        const { rows } = await db.query<MultiAppendRow>({
          name: `${this.schema}.append_many${notify ? '_notify' : ''}`,
          text: multiAppendStatement(this.schema, notify ? '$5' : undefined),
          values,
        });
        return rows.map((row) => ({
          nextExpectedVersion: Number(row.next_version),
          lastPosition:
            row.last_position === null ? START : toPosition(row.commit_position, row.last_position),
        }));
      } catch (error) {
        const conflict = (error as { code?: string })?.code === MULTI_APPEND_CONFLICT;
        if (!conflict && !isDuplicateEventId(error)) throw error;
        const first = appends.findIndex((a) => a.events.length > 0);
        if (!conflict && !canResolveDuplicates) {
          throw new DuplicateEventIdError(appends[first].stream, ids[first]);
        }
        // A retry of a call that already committed (its expected versions are stale by now, or
        // its ids taken): answer it with the original results.
        const retry = canResolveDuplicates ? await this.previousAppends(appends, ids) : undefined;
        if (retry) return retry;
        if (!conflict) throw new DuplicateEventIdError(appends[first].stream, ids[first]);
        const versions = await this.currentVersions(appends.map((a) => a.stream));
        const failed = appends.findIndex(
          (a, i) => !expectationHolds(a.expected ?? 'any', versions[i]),
        );
        if (failed >= 0) {
          const { stream, expected } = appends[failed];
          throw new WrongExpectedVersionError(stream, expected ?? 'any', versions[failed]);
        }
        if (attempt >= 3 || !canResolveDuplicates) {
          // In a transaction the statement cannot run again (the transaction is aborted).
          throw new WrongExpectedVersionError(
            appends[0].stream,
            appends[0].expected ?? 'any',
            versions[0],
          );
        }
      }
    }
  }

  /**
   * The results of an earlier appendToStreams of exactly these ids to these streams, if one
   * committed; undefined when none of the ids exist. Throws DuplicateEventIdError when only some
   * exist, or in other streams.
   */
  private async previousAppends(
    appends: readonly StreamAppend[],
    ids: readonly string[][],
  ): Promise<AppendResult[] | undefined> {
    const all = ids.flat();
    const { rows } = await this.pool.query<ExistingEventRow>({
      name: `${this.schema}.find_events`,
      text: `SELECT event_id, tenant, stream_id, stream_version, transaction_id::text AS transaction_id, global_position
        FROM ${this.schema}.events WHERE event_id = ANY($1::uuid[]) ORDER BY stream_version`,
      values: [all],
    });
    if (!rows.length) return undefined;
    const byId = new Map(rows.map((r) => [r.event_id, r]));
    const results: AppendResult[] = [];
    const versions = await this.currentVersions(appends.map((a) => a.stream));
    for (const [i, { stream }] of appends.entries()) {
      const found = ids[i].map((id) => byId.get(id));
      const mine = found.every(
        (r) => r !== undefined && r.tenant === stream.tenant && r.stream_id === stream.id,
      );
      if (!mine) throw new DuplicateEventIdError(stream, ids[i]);
      const last = found[found.length - 1];
      results.push(
        last
          ? {
              nextExpectedVersion: Number(last.stream_version),
              lastPosition: toPosition(last.transaction_id, last.global_position),
            }
          : { nextExpectedVersion: versions[i], lastPosition: START },
      );
    }
    return results;
  }

  /** The committed versions of these streams (0: no stream), in their order. */
  private async currentVersions(streams: readonly StreamRef[]): Promise<number[]> {
    const { rows } = await this.pool.query<{ i: number; version: string | null }>({
      name: `${this.schema}.stream_versions`,
      text: `SELECT r.i, s.version FROM jsonb_to_recordset($1::jsonb) AS r(i int, tenant text, stream_id text)
        LEFT JOIN ${this.schema}.streams s ON s.tenant = r.tenant AND s.stream_id = r.stream_id ORDER BY r.i`,
      values: [JSON.stringify(streams.map((s, i) => ({ i, tenant: s.tenant, stream_id: s.id })))],
    });
    return rows.map((r) => (r.version === null ? 0 : Number(r.version)));
  }

  /**
   * The result of an earlier append of exactly these event ids to this stream, if there was one.
   * Throws DuplicateEventIdError when only some of them exist, or they belong to another stream.
   */
  private async previousAppend(
    stream: StreamRef,
    ids: string[],
  ): Promise<AppendResult | undefined> {
    const { rows } = await this.pool.query<ExistingEventRow>({
      name: `${this.schema}.find_events`,
      text: `SELECT event_id, tenant, stream_id, stream_version, transaction_id::text AS transaction_id, global_position
        FROM ${this.schema}.events WHERE event_id = ANY($1::uuid[]) ORDER BY stream_version`,
      values: [ids],
    });
    if (!rows.length) return undefined;
    const sameStream = rows.every((r) => r.tenant === stream.tenant && r.stream_id === stream.id);
    if (rows.length !== ids.length || !sameStream) throw new DuplicateEventIdError(stream, ids);
    const last = rows[rows.length - 1];
    return {
      nextExpectedVersion: Number(last.stream_version),
      lastPosition: toPosition(last.transaction_id, last.global_position),
    };
  }

  private async checkExpectation(
    db: Queryable,
    stream: StreamRef,
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const actual = await this.currentVersion(db, stream);
    if (!expectationHolds(expected, actual))
      throw new WrongExpectedVersionError(stream, expected, actual);
    return { nextExpectedVersion: actual, lastPosition: START };
  }

  private async currentVersion(db: Queryable, stream: StreamRef): Promise<number> {
    const { rows } = await db.query<{ version: string }>({
      name: `${this.schema}.stream_version`,
      text: `SELECT version FROM ${this.schema}.streams WHERE tenant = $1 AND stream_id = $2`,
      values: [stream.tenant, stream.id],
    });
    return rows.length ? Number(rows[0].version) : 0;
  }
}

function expectationHolds(expected: ExpectedVersion, actual: number): boolean {
  return (
    expected === 'any' ||
    (expected === 'no-stream' && actual === 0) ||
    (expected === 'exists' && actual > 0) ||
    expected === actual
  );
}

function expectedVersionParam(expected: ExpectedVersion): string {
  if (expected === 'any' || expected === 'no-stream' || expected === 'exists') return expected;
  if (Number.isSafeInteger(expected) && expected >= 0) return String(expected);
  throw new DomainError(
    'InvalidExpectedVersion',
    `Expected version must be an integer >= 0, got ${String(expected)}`,
    'invalid',
  );
}

function eventId(event: NewEvent): string {
  if (event.id === undefined) return randomUUID();
  if (!UUID.test(event.id)) {
    throw new DomainError(
      'InvalidEventId',
      `Event id must be a UUID, got "${event.id}"`,
      'invalid',
    );
  }
  return event.id.toLowerCase();
}

function isDuplicateEventId(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string };
  return e?.code === UNIQUE_VIOLATION && e.constraint === 'events_event_id_key';
}
