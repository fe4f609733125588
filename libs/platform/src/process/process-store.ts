/**
 * The process managers' record in PostgreSQL, `<schema>.process_instances`: one row per process
 * (tenant, type, id) with its input, status and progress. A run holds a lease on the row (owner,
 * until), written with every step it records, so one run at a time advances a process and a run
 * whose process died is taken over once its lease has run out. Lease and retry times are the
 * database's `now()`: they measure elapsed time between replicas, not business time.
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import type { Problem } from '../errors/problem';
import type { ProcessProgress, ProcessStatus } from './process-plan';

export interface ProcessKey {
  readonly tenant: string;
  readonly type: string;
  readonly id: string;
}

export interface ProcessRecord<I = unknown> extends ProcessKey, ProcessProgress {
  readonly input: I;
  readonly attempts: number;
  /** The last transient failure (retried), for operators. */
  readonly lastError?: string;
  /** Why the process was refused (its problem answer), once compensating or final. */
  readonly refusal?: Problem;
  readonly nextAttemptAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface UnfinishedSummary {
  readonly type: string;
  readonly status: ProcessStatus;
  readonly count: number;
  readonly oldestSeconds: number;
}

interface Row {
  tenant: string;
  process_type: string;
  process_id: string;
  input: unknown;
  status: ProcessStatus;
  steps_done: string[];
  compensated: string[];
  attempts: number;
  last_error: string | null;
  refusal: Problem | null;
  next_attempt_at: Date;
  created_at: Date;
  updated_at: Date;
}

const KEY = 'tenant = $1 AND process_type = $2 AND process_id = $3';

export class ProcessStore {
  readonly table: string;
  private ready?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid process schema "${schema}"`);
    this.table = `${schema}.process_instances`;
  }

  /**
   * Inserts the process unless it exists; answers the recorded one either way. A process refused
   * before it did anything (its first step said no: a stale If-Match, a rule) left no trace, so
   * starting it again is a new try: it is reset with the new input.
   */
  async start<I>(
    key: ProcessKey,
    input: I,
  ): Promise<{ record: ProcessRecord<I>; created: boolean }> {
    await this.ensureTable();
    const inserted = await this.pool.query<Row>(
      `INSERT INTO ${this.table} AS p (tenant, process_type, process_id, input)
       VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (tenant, process_type, process_id) DO UPDATE
         SET input = EXCLUDED.input, status = 'pending', compensated = '{}', attempts = 0,
             last_error = NULL, refusal = NULL, lease_owner = NULL, lease_until = NULL,
             next_attempt_at = now(), created_at = now(), updated_at = now()
         WHERE p.status IN ('compensated', 'failed') AND cardinality(p.steps_done) = 0
       RETURNING *`,
      [key.tenant, key.type, key.id, JSON.stringify(input)],
    );
    if (inserted.rows[0]) return { record: toRecord<I>(inserted.rows[0]), created: true };
    const existing = await this.get<I>(key);
    if (!existing) throw new Error(`process ${key.type}/${key.id} vanished while starting`);
    return { record: existing, created: false };
  }

  async get<I>(key: ProcessKey): Promise<ProcessRecord<I> | undefined> {
    await this.ensureTable();
    const { rows } = await this.pool.query<Row>(`SELECT * FROM ${this.table} WHERE ${KEY}`, [
      key.tenant,
      key.type,
      key.id,
    ]);
    return rows[0] ? toRecord<I>(rows[0]) : undefined;
  }

  /** Takes the lease of an unfinished process nobody holds (or whose holder's lease ran out). */
  async lease<I>(
    key: ProcessKey,
    owner: string,
    ms: number,
  ): Promise<ProcessRecord<I> | undefined> {
    await this.ensureTable();
    const { rows } = await this.pool.query<Row>(
      `UPDATE ${this.table} SET lease_owner = $4, lease_until = now() + make_interval(secs => $5::float8 / 1000)
        WHERE ${KEY} AND status IN ('pending', 'compensating')
          AND (lease_until IS NULL OR lease_until < now())
        RETURNING *`,
      [key.tenant, key.type, key.id, owner, ms],
    );
    return rows[0] ? toRecord<I>(rows[0]) : undefined;
  }

  /**
   * Leases up to `limit` unfinished processes due for another attempt. SKIP LOCKED: two replicas
   * looking at once take different rows, and the lease keeps them apart afterwards.
   */
  async leaseDue(owner: string, ms: number, limit: number): Promise<ProcessRecord[]> {
    await this.ensureTable();
    const { rows } = await this.pool.query<Row>(
      `UPDATE ${this.table} SET lease_owner = $1, lease_until = now() + make_interval(secs => $2::float8 / 1000)
        WHERE (tenant, process_type, process_id) IN (
          SELECT tenant, process_type, process_id FROM ${this.table}
           WHERE status IN ('pending', 'compensating') AND next_attempt_at <= now()
             AND (lease_until IS NULL OR lease_until < now())
           ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING *`,
      [owner, ms, limit],
    );
    return rows.map((row) => toRecord(row));
  }

  /**
   * Records a step done (or undone) and renews the lease. False: the lease was lost (it ran out
   * and another run took the process over), so this run must stop.
   */
  async recordStep(
    key: ProcessKey,
    owner: string,
    step: string,
    column: 'steps_done' | 'compensated',
    ms: number,
  ): Promise<boolean> {
    return this.update(
      key,
      owner,
      `${column} = CASE WHEN $5 = ANY(${column}) THEN ${column} ELSE array_append(${column}, $5) END,
       lease_until = now() + make_interval(secs => $6::float8 / 1000)`,
      [step, ms],
    );
  }

  /** Extends the lease of a run that is still working on a step (its heartbeat). */
  renew(key: ProcessKey, owner: string, ms: number): Promise<boolean> {
    return this.update(
      key,
      owner,
      `lease_until = now() + make_interval(secs => $5::float8 / 1000)`,
      [ms],
    );
  }

  /** Final: completed or compensated (lease released). */
  finish(
    key: ProcessKey,
    owner: string,
    status: 'completed' | 'compensated' | 'failed',
  ): Promise<boolean> {
    return this.update(key, owner, `status = $5, lease_owner = NULL, lease_until = NULL`, [status]);
  }

  /** A step was refused: undo what was done (or fail, when nothing needs undoing). */
  refuse(key: ProcessKey, owner: string, refusal: Problem): Promise<boolean> {
    return this.update(key, owner, `status = 'compensating', refusal = $5::jsonb`, [
      JSON.stringify(refusal),
    ]);
  }

  /** A step failed transiently: release the lease and try again after `delayMs`. */
  retryLater(key: ProcessKey, owner: string, error: string, delayMs: number): Promise<boolean> {
    return this.update(
      key,
      owner,
      `attempts = attempts + 1, last_error = $5, lease_owner = NULL, lease_until = NULL,
       next_attempt_at = now() + make_interval(secs => $6::float8 / 1000)`,
      [error.slice(0, 2000), delayMs],
    );
  }

  /** Unfinished processes per type and status, with the age of the oldest (metrics, health). */
  async unfinished(): Promise<UnfinishedSummary[]> {
    await this.ensureTable();
    const { rows } = await this.pool.query<{
      process_type: string;
      status: ProcessStatus;
      count: string;
      oldest_seconds: string;
    }>(
      `SELECT process_type, status, count(*) AS count,
              extract(epoch FROM now() - min(created_at)) AS oldest_seconds
         FROM ${this.table} WHERE status IN ('pending', 'compensating', 'failed')
        GROUP BY process_type, status ORDER BY process_type, status`,
    );
    return rows.map((r) => ({
      type: r.process_type,
      status: r.status,
      count: Number(r.count),
      oldestSeconds: Number(r.oldest_seconds),
    }));
  }

  ensureTable(): Promise<void> {
    this.ready ??= this.createTable().catch((error) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async update(
    key: ProcessKey,
    owner: string,
    set: string,
    params: unknown[],
  ): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE ${this.table} SET ${set}, updated_at = now() WHERE ${KEY} AND lease_owner = $4`,
      [key.tenant, key.type, key.id, owner, ...params],
    );
    return result.rowCount === 1;
  }

  private async createTable(): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      // Replicas start together; CREATE ... IF NOT EXISTS alone still races on the catalog.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.table]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.table.split('.')[0]}`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.table} (
          tenant text NOT NULL,
          process_type text NOT NULL,
          process_id text NOT NULL,
          input jsonb NOT NULL,
          status text NOT NULL DEFAULT 'pending',
          steps_done text[] NOT NULL DEFAULT '{}',
          compensated text[] NOT NULL DEFAULT '{}',
          attempts int NOT NULL DEFAULT 0,
          last_error text,
          refusal jsonb,
          lease_owner text,
          lease_until timestamptz,
          next_attempt_at timestamptz NOT NULL DEFAULT now(),
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (tenant, process_type, process_id)
        )`);
      await client.query(
        `CREATE INDEX IF NOT EXISTS process_instances_due ON ${this.table} (next_attempt_at)
          WHERE status IN ('pending', 'compensating')`,
      );
    });
  }
}

function toRecord<I>(row: Row): ProcessRecord<I> {
  return {
    tenant: row.tenant,
    type: row.process_type,
    id: row.process_id,
    input: row.input as I,
    status: row.status,
    stepsDone: row.steps_done,
    compensated: row.compensated,
    attempts: row.attempts,
    ...(row.last_error ? { lastError: row.last_error } : {}),
    ...(row.refusal ? { refusal: row.refusal } : {}),
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
