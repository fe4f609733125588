/**
 * Rebuild on demand: take the projection's lock (so no runner writes meanwhile), empty its
 * tables, replay the whole log, mark it live. While this runs the checkpoint row says
 * `rebuilding` and queries should answer 503 (see assertReadModelReady); runners of the same
 * projection in services stand by and resume from the rebuilt checkpoint once the lock is free.
 */
import type { Pool } from 'pg';
import type { EventStore } from '../event-store';
import { type LogHead, readAllLogHead } from './log-head';
import type { Projection } from './projection';
import { ProjectionCheckpoints } from './projection-checkpoints';
import { acquireProjectionLock, projectionLockHolder } from './projection-lock';
import { replay, type ReplayProgress } from './replay';

export interface RebuildOptions {
  readonly pool: Pool;
  readonly store: EventStore;
  readonly projection: Projection;
  readonly schema?: string;
  readonly logHead?: LogHead;
  readonly batchSize?: number;
  /** How long to wait for a running instance to let go of the lock (default 30 s). */
  readonly lockTimeoutMs?: number;
  readonly onProgress?: (progress: ReplayProgress) => void;
  readonly signal?: AbortSignal;
}

export interface RebuildResult {
  readonly events: number;
  readonly seconds: number;
}

export class ProjectionBusyError extends Error {
  constructor(
    readonly projection: string,
    readonly holder: { pid: number; applicationName: string; clientAddr: string | null } | null,
  ) {
    super(
      `Projection ${projection} is being run by another instance` +
        (holder
          ? ` (backend pid ${holder.pid}, ${holder.applicationName}, ${holder.clientAddr ?? 'local'})`
          : '') +
        ': stop it, or bump the projection version and let the runner rebuild it',
    );
  }
}

export async function rebuildProjection(options: RebuildOptions): Promise<RebuildResult> {
  const { pool, projection } = options;
  const checkpoints = new ProjectionCheckpoints(pool, options.schema);
  const lock = await acquireProjectionLock(pool, projection.name, {
    retryMs: 500,
    timeoutMs: options.lockTimeoutMs ?? 30_000,
    signal: options.signal,
  });
  if (!lock)
    throw new ProjectionBusyError(
      projection.name,
      await projectionLockHolder(pool, projection.name),
    );
  const startedAt = Date.now();
  try {
    await checkpoints.migrate(lock.client);
    const events = await Promise.race([
      lock.lost.then((error) => Promise.reject(error)),
      replay(lock.client, {
        store: options.store,
        projection,
        checkpoints,
        logHead: options.logHead ?? readAllLogHead(options.store),
        batchSize: options.batchSize ?? 1_000,
        reset: true,
        onProgress: options.onProgress,
        signal: options.signal,
      }),
    ]);
    return { events, seconds: (Date.now() - startedAt) / 1000 };
  } finally {
    await lock.release();
  }
}
