/**
 * The `projection_checkpoints` table: where each projection is in the global log, which version
 * of it built the read model, and whether it is `live` or `rebuilding`. Rows are only written
 * inside batch transactions (see apply-batch.ts); this class reads them for queries.
 *
 * `stalled_since` / `last_error` say that the projection is stuck retrying (a transient failure:
 * the database, the connection, lock contention) whatever its status: `live` is about whether
 * the data may be trusted, the stall about whether it is moving. Each committed batch clears them.
 */
import type { ClientBase, Pool } from 'pg';
import { comparePositions, type Position, START } from '../event-store';
import { checkpointChannel, watchCheckpoint } from './checkpoint-signals';
import { parkedEventsDdl } from './parked-events';

/**
 * Waiters wake on the checkpoint's signal (checkpoint-signals.ts); this poll only covers a
 * notification lost while the LISTEN connection reconnects.
 */
const FALLBACK_POLL_MS = 250;

export type ProjectionStatus = 'live' | 'rebuilding';

export interface ProjectionCheckpoint {
  readonly name: string;
  readonly version: number;
  readonly position: Position;
  readonly status: ProjectionStatus;
  /** created_at of the last applied event (for the lag in seconds). */
  readonly lastEventAt: Date | null;
  readonly updatedAt: Date;
  /** Since when the projection has failed to move (null: it is moving). */
  readonly stalledSince: Date | null;
  /** The last failure while stalled. */
  readonly lastError: string | null;
}

interface CheckpointRow {
  name: string;
  version: number;
  commit_position: string;
  prepare_position: string;
  status: ProjectionStatus;
  last_event_at: Date | null;
  updated_at: Date;
  stalled_since: Date | null;
  last_error: string | null;
}

// Serialises CREATE TABLE IF NOT EXISTS across runners of different projections (which do not
// share a projection lock): concurrent creates of one table can fail on the catalog's unique index.
const UNDEFINED_TABLE = '42P01';
const MIGRATION_LOCK = 0x70726f6a; // 'proj'

export class ProjectionCheckpoints {
  readonly table: string;

  constructor(
    private readonly pool: Pool,
    readonly schema = 'public',
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name "${schema}"`);
    this.table = `${schema}.projection_checkpoints`;
  }

  async migrate(client?: ClientBase): Promise<void> {
    const c = client ?? (await this.pool.connect());
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await c.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
        name text PRIMARY KEY,
        version integer NOT NULL,
        commit_position bigint NOT NULL,
        prepare_position bigint NOT NULL,
        status text NOT NULL CHECK (status IN ('live', 'rebuilding')),
        last_event_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        stalled_since timestamptz,
        last_error text
      )`);
      // Tables created before stalls were recorded. Checked first: ALTER TABLE would queue for an
      // exclusive lock behind every running batch even when there is nothing to add.
      const { rows } = await c.query(
        `SELECT 1 FROM information_schema.columns
          WHERE table_schema = $1 AND table_name = 'projection_checkpoints' AND column_name = 'stalled_since'`,
        [this.schema],
      );
      if (!rows.length) {
        await c.query(
          `ALTER TABLE ${this.table} ADD COLUMN IF NOT EXISTS stalled_since timestamptz,
             ADD COLUMN IF NOT EXISTS last_error text`,
        );
      }
      await c.query(parkedEventsDdl(this.schema));
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      if (!client) (c as { release?: () => void }).release?.();
    }
  }

  async get(
    name: string,
    client: Pick<ClientBase, 'query'> = this.pool,
  ): Promise<ProjectionCheckpoint | null> {
    try {
      const { rows } = await client.query<CheckpointRow>(
        `SELECT * FROM ${this.table} WHERE name = $1`,
        [name],
      );
      return rows[0] ? toCheckpoint(rows[0]) : null;
    } catch (error) {
      // Queries may run before any runner created the table: the projection is simply not built.
      if ((error as { code?: string }).code === UNDEFINED_TABLE) return null;
      throw error;
    }
  }

  /** Locks the row for the rest of the caller's transaction. */
  async getForUpdate(client: ClientBase, name: string): Promise<ProjectionCheckpoint | null> {
    const { rows } = await client.query<CheckpointRow>(
      `SELECT * FROM ${this.table} WHERE name = $1 FOR UPDATE`,
      [name],
    );
    return rows[0] ? toCheckpoint(rows[0]) : null;
  }

  async save(
    client: ClientBase,
    checkpoint: Pick<
      ProjectionCheckpoint,
      'name' | 'version' | 'position' | 'status' | 'lastEventAt'
    >,
  ): Promise<void> {
    // The NOTIFY rides in the same statement (no extra round trip) and, being transactional,
    // reaches other replicas' waiters when the batch commits.
    await client.query(
      `WITH saved AS (
         INSERT INTO ${this.table} (name, version, commit_position, prepare_position, status, last_event_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (name) DO UPDATE SET version = $2, commit_position = $3, prepare_position = $4,
           status = $5, last_event_at = $6, updated_at = now(), stalled_since = NULL, last_error = NULL
         RETURNING name)
       SELECT pg_notify($7, name) FROM saved`,
      [
        checkpoint.name,
        checkpoint.version,
        checkpoint.position.commit.toString(),
        checkpoint.position.prepare.toString(),
        checkpoint.status,
        checkpoint.lastEventAt,
        checkpointChannel(this.schema),
      ],
    );
  }

  /**
   * The runner failed and will retry: records since when it is stuck and why. Outside any batch
   * (the batch's connection may be gone), on the pool; a later committed batch clears it.
   */
  async markStalled(name: string, error: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} SET stalled_since = coalesce(stalled_since, now()), last_error = $2
        WHERE name = $1`,
      [name, error.slice(0, 2_000)],
    );
  }

  /** The runner is moving again (caught up with nothing to apply): no batch would clear it. */
  async clearStall(name: string, client: Pick<ClientBase, 'query'> = this.pool): Promise<void> {
    await client.query(
      `UPDATE ${this.table} SET stalled_since = NULL, last_error = NULL
        WHERE name = $1 AND stalled_since IS NOT NULL`,
      [name],
    );
  }

  /**
   * Read-your-writes: resolves true once the projection has applied everything up to `position`
   * (e.g. the `lastPosition` a command returned), false if `timeoutMs` passes first. With
   * `version`, a read model built by an older projection version does not count. Wakes when the
   * checkpoint moves (in this process or, by NOTIFY, in another), else re-reads every 250 ms.
   */
  async waitForPosition(
    name: string,
    position: Position,
    timeoutMs: number,
    version?: number,
  ): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    // Armed before the first read: a commit between the read and the wait still wakes us.
    const watch = watchCheckpoint(this.schema, name, this.pool);
    try {
      for (;;) {
        const checkpoint = await this.get(name);
        if (
          checkpoint &&
          checkpoint.status === 'live' &&
          (version === undefined || checkpoint.version >= version) &&
          comparePositions(checkpoint.position, position) >= 0
        ) {
          return true;
        }
        const left = deadline - Date.now();
        if (left <= 0) return false;
        await watch.next(Math.min(FALLBACK_POLL_MS, left));
      }
    } finally {
      watch.close();
    }
  }
}

function toCheckpoint(row: CheckpointRow): ProjectionCheckpoint {
  return {
    name: row.name,
    version: row.version,
    position:
      BigInt(row.commit_position) < 0n
        ? START
        : { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    status: row.status,
    lastEventAt: row.last_event_at,
    updatedAt: row.updated_at,
    stalledSince: row.stalled_since ?? null,
    lastError: row.last_error ?? null,
  };
}
