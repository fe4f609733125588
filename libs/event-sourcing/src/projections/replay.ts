/**
 * Replays the log into a projection, batch by batch, each batch in its own checkpointed
 * transaction (see apply-batch.ts), with the status row saying `rebuilding` until it has caught
 * up. Used by the rebuild CLI and by a runner that finds its read model outdated or half rebuilt.
 * A replay interrupted at any point resumes from its checkpoint without resetting again.
 */
import type { PoolClient } from 'pg';
import { type EventStore, type Position, START } from '../event-store';
import { applyBatch, type ApplyBatchOptions } from './apply-batch';
import { checkpointMoved } from './checkpoint-signals';
import type { LogHead } from './log-head';
import { ParkedEvents } from './parked-events';
import type { Projection } from './projection';
import type { ProjectionCheckpoints } from './projection-checkpoints';

export interface ReplayProgress {
  readonly projection: string;
  /** Events read and applied (or skipped as unhandled) so far. */
  readonly done: number;
  /** Events to replay, measured at the start; grows if the log grew past it. */
  readonly total: number;
  readonly eventsPerSecond: number;
  /** null until a rate is known. */
  readonly etaSeconds: number | null;
  readonly position: Position;
}

export interface ReplayOptions {
  readonly store: EventStore;
  readonly projection: Projection;
  readonly checkpoints: ProjectionCheckpoints;
  readonly logHead: LogHead;
  readonly batchSize: number;
  /** true: empty the read model and start from START; false: continue from the checkpoint. */
  readonly reset: boolean;
  readonly onProgress?: (progress: ReplayProgress) => void;
  readonly signal?: AbortSignal;
  readonly onParked?: ApplyBatchOptions['onParked'];
}

/** Returns the number of events replayed; the projection is `live` afterwards unless aborted. */
export async function replay(tx: PoolClient, options: ReplayOptions): Promise<number> {
  const { projection, checkpoints, store } = options;
  if (options.reset) await resetReadModel(tx, projection, checkpoints);
  const start = await checkpoints.get(projection.name, tx);
  let cursor = start?.position ?? START;
  let total = (await options.logHead.behind(cursor, projection.categories)).events;
  let done = 0;
  const startedAt = Date.now();
  const report = () => {
    total = Math.max(total, done);
    const seconds = (Date.now() - startedAt) / 1000;
    const eventsPerSecond = seconds > 0 ? done / seconds : 0;
    options.onProgress?.({
      projection: projection.name,
      done,
      total,
      eventsPerSecond,
      etaSeconds: eventsPerSecond > 0 ? (total - done) / eventsPerSecond : null,
      position: cursor,
    });
  };
  report();
  for (;;) {
    if (options.signal?.aborted) return done;
    const page = await store.readAll({
      after: cursor,
      limit: options.batchSize,
      categories: projection.categories,
    });
    if (page.events.length) {
      await applyBatch(tx, projection, checkpoints, page.events, {
        status: 'rebuilding',
        upTo: page.last,
        onParked: options.onParked,
      });
      done += page.events.length;
      cursor = page.last;
      report();
    }
    if (page.events.length < options.batchSize) break;
  }
  await applyBatch(tx, projection, checkpoints, [], { status: 'live', upTo: cursor });
  return done;
}

async function resetReadModel(
  tx: PoolClient,
  projection: Projection,
  checkpoints: ProjectionCheckpoints,
) {
  await tx.query('BEGIN');
  try {
    await projection.reset(tx);
    await projection.init(tx);
    // The replay tries every event again, the parked ones included.
    await new ParkedEvents(tx, checkpoints.schema).clear(tx, projection.name);
    await checkpoints.save(tx, {
      name: projection.name,
      version: projection.version,
      position: START,
      status: 'rebuilding',
      lastEventAt: null,
    });
    await tx.query('COMMIT');
    // A rebuild started: this process's read-model gate closes now, not when its cache expires.
    checkpointMoved(checkpoints.schema, projection.name);
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
