/**
 * The unit of progress of every projection: one transaction that applies a batch of events to
 * the read model AND moves the checkpoint. Either both happen or neither, so a crash at any
 * instant leaves the read model exactly at its checkpoint.
 */
import type { PoolClient } from 'pg';
import { comparePositions, type Position, type RecordedEvent } from '../event-store';
import type { Projection } from './projection';
import type {
  ProjectionCheckpoint,
  ProjectionCheckpoints,
  ProjectionStatus,
} from './projection-checkpoints';

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
}

export interface BatchOutcome {
  readonly applied: number;
  readonly checkpoint: ProjectionCheckpoint;
}

export async function applyBatch(
  tx: PoolClient,
  projection: Projection,
  checkpoints: ProjectionCheckpoints,
  events: readonly RecordedEvent[],
  options: ApplyBatchOptions,
): Promise<BatchOutcome> {
  await tx.query('BEGIN');
  try {
    const current = await checkpoints.getForUpdate(tx, projection.name);
    if (!current)
      throw new Error(`Projection ${projection.name} has no checkpoint row: it was never prepared`);
    if (current.version !== projection.version) {
      throw new ProjectionVersionMismatchError(
        projection.name,
        projection.version,
        current.version,
      );
    }
    // A re-delivered event (reader restarted from an older position) must not be applied twice.
    const fresh = events.filter((event) => comparePositions(event.position, current.position) > 0);
    for (const event of fresh) {
      const handler = projection.handlers[event.type];
      if (handler) await handler(event, tx);
    }
    const lastEvent = fresh.at(-1);
    let position = lastEvent?.position ?? current.position;
    if (options.upTo && comparePositions(options.upTo, position) > 0) position = options.upTo;
    const checkpoint = {
      name: projection.name,
      version: projection.version,
      position,
      status: options.status,
      lastEventAt: lastEvent?.createdAt ?? current.lastEventAt,
      updatedAt: new Date(),
    };
    await checkpoints.save(tx, checkpoint);
    await tx.query('COMMIT');
    return { applied: fresh.length, checkpoint };
  } catch (error) {
    // On a dead connection the rollback fails too; PostgreSQL has already rolled back.
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
