/**
 * The unit of progress of every projection: one transaction that applies a batch of events to
 * the read model AND moves the checkpoint. Either both happen or neither, so a crash at any
 * instant leaves the read model exactly at its checkpoint.
 *
 * A handler that fails deterministically (see transient-errors.ts) does not stop the projection:
 * the batch is applied again with each event in its own SAVEPOINT, the failing event alone is
 * rolled back and parked (parked-events.ts), and the checkpoint moves past it. Later events of a
 * parked stream are parked behind it rather than applied out of order. The first attempt runs
 * without savepoints, so a healthy batch stays one plain transaction. A transient failure still
 * fails the whole batch: the runner retries it as it is.
 */
import type { PoolClient } from 'pg';
import { comparePositions, type Position, type RecordedEvent } from '../event-store';
import { checkpointMoved } from './checkpoint-signals';
import { type ParkedEvent, ParkedEvents, streamKey } from './parked-events';
import { parkingMetrics } from './parking-metrics';
import type { Projection } from './projection';
import type {
  ProjectionCheckpoint,
  ProjectionCheckpoints,
  ProjectionStatus,
} from './projection-checkpoints';
import { isTransient, sqlStateOf } from './transient-errors';

export class ProjectionVersionMismatchError extends Error {
  constructor(
    readonly projection: string,
    readonly running: number,
    readonly stored: number,
  ) {
    super(
      `Projection ${projection}: this instance runs version ${running}, the read model is at version ${stored}`,
    );
  }
}

export interface ApplyBatchOptions {
  readonly status: ProjectionStatus;
  /** Move the checkpoint here even past the last event (a filtered read saw further). */
  readonly upTo?: Position;
  /** Told about the events this batch parked, once the batch has committed. */
  readonly onParked?: (parked: readonly ParkedEvent[]) => void;
}

export interface BatchOutcome {
  /** Events the checkpoint passed without parking them (handled or not). */
  readonly applied: number;
  readonly checkpoint: ProjectionCheckpoint;
  readonly parked: readonly ParkedEvent[];
}

/** A handler threw during the first, all-in-one attempt. */
class HandlerFailure extends Error {
  constructor(readonly failure: unknown) {
    super('a projection handler failed');
  }
}

const metrics = parkingMetrics();

export async function applyBatch(
  tx: PoolClient,
  projection: Projection,
  checkpoints: ProjectionCheckpoints,
  events: readonly RecordedEvent[],
  options: ApplyBatchOptions,
): Promise<BatchOutcome> {
  const batch = { tx, projection, checkpoints, events, options };
  let outcome: BatchOutcome;
  try {
    outcome = await inBatchTransaction(tx, () => applyEvents(batch, 'together'));
  } catch (error) {
    if (!(error instanceof HandlerFailure)) throw error;
    if (isTransient(error.failure)) throw error.failure;
    outcome = await inBatchTransaction(tx, () => applyEvents(batch, 'one-by-one'));
  }
  // Committed: this process's read-your-writes waiters look again now (other replicas by NOTIFY).
  checkpointMoved(checkpoints.schema, projection.name);
  if (outcome.parked.length) {
    metrics.parked(projection.name, outcome.parked.length);
    options.onParked?.(outcome.parked);
  }
  return outcome;
}

interface Batch {
  readonly tx: PoolClient;
  readonly projection: Projection;
  readonly checkpoints: ProjectionCheckpoints;
  readonly events: readonly RecordedEvent[];
  readonly options: ApplyBatchOptions;
}

async function applyEvents(
  { tx, projection, checkpoints, events, options }: Batch,
  mode: 'together' | 'one-by-one',
): Promise<BatchOutcome> {
  const current = await checkpoints.getForUpdate(tx, projection.name);
  if (!current)
    throw new Error(`Projection ${projection.name} has no checkpoint row: it was never prepared`);
  if (current.version !== projection.version) {
    throw new ProjectionVersionMismatchError(projection.name, projection.version, current.version);
  }
  // A re-delivered event (reader restarted from an older position) must not be applied twice.
  const fresh = events.filter((event) => comparePositions(event.position, current.position) > 0);
  const parkedEvents = new ParkedEvents(tx, checkpoints.schema);
  // Under the checkpoint row lock, like a retry (retry-parked.ts): the two never interleave.
  const stale = await parkedEvents.staleStreamsAmong(tx, projection.name, fresh);
  const parked: ParkedEvent[] = [];
  for (const event of fresh) {
    const stream = streamKey(event.tenant, event.streamId);
    const blockedBy = stale.get(stream);
    if (blockedBy) {
      parked.push(
        await parkedEvents.park(tx, projection.name, event, {
          message: `parked behind ${blockedBy}, an earlier parked event of its stream`,
          sqlState: null,
          blockedBy,
        }),
      );
      continue;
    }
    const handler = projection.handlers[event.type];
    if (!handler) continue;
    if (mode === 'together') {
      try {
        await handler(event, tx);
      } catch (error) {
        throw new HandlerFailure(error);
      }
      continue;
    }
    await tx.query('SAVEPOINT projection_event');
    try {
      await handler(event, tx);
      await tx.query('RELEASE SAVEPOINT projection_event');
    } catch (error) {
      if (isTransient(error)) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT projection_event');
      parked.push(
        await parkedEvents.park(tx, projection.name, event, {
          message: messageOf(error),
          sqlState: sqlStateOf(error),
          blockedBy: null,
        }),
      );
      stale.set(stream, event.id);
    }
  }
  const lastEvent = fresh.at(-1);
  let position = lastEvent?.position ?? current.position;
  if (options.upTo && comparePositions(options.upTo, position) > 0) position = options.upTo;
  const checkpoint: ProjectionCheckpoint = {
    name: projection.name,
    version: projection.version,
    position,
    status: options.status,
    lastEventAt: lastEvent?.createdAt ?? current.lastEventAt,
    updatedAt: new Date(),
    stalledSince: null,
    lastError: null,
  };
  await checkpoints.save(tx, checkpoint);
  return { applied: fresh.length - parked.length, checkpoint, parked };
}

export async function inBatchTransaction<T>(tx: PoolClient, work: () => Promise<T>): Promise<T> {
  await tx.query('BEGIN');
  try {
    const result = await work();
    await tx.query('COMMIT');
    return result;
  } catch (error) {
    // On a dead connection the rollback fails too; PostgreSQL has already rolled back.
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
