/**
 * Versioned schema of the PostgreSQL event store. Migrations only ever get appended to this list;
 * an applied migration is never edited (add a new version instead).
 */
import type { Pool } from 'pg';

/** SQLSTATE of multi_append_conflict() (class ES: event store; 409: conflict). */
export const MULTI_APPEND_CONFLICT = 'ES409';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: (schema: string) => string;
}

// Short enough that the NOTIFY channel `<schema>_events` stays within PostgreSQL's 63-byte names.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,55}$/;

/** Schema names are interpolated into DDL, so only plain lower-case identifiers are accepted. */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `Invalid event store schema name "${schema}": use [a-z_][a-z0-9_]*, at most 56 characters`,
    );
  }
  return schema;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'streams and events',
    sql: (s) => `
      CREATE TABLE ${s}.streams (
        tenant    text   NOT NULL,
        stream_id text   NOT NULL,
        version   bigint NOT NULL CHECK (version > 0),
        PRIMARY KEY (tenant, stream_id)
      );
      CREATE TABLE ${s}.events (
        global_position bigserial   PRIMARY KEY,
        -- Commit order is not global_position order; readers page by (transaction_id, global_position).
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        tenant          text        NOT NULL,
        stream_id       text        NOT NULL,
        category        text        NOT NULL GENERATED ALWAYS AS (split_part(stream_id, '-', 1)) STORED,
        stream_version  bigint      NOT NULL CHECK (stream_version > 0),
        event_id        uuid        NOT NULL UNIQUE,
        type            text        NOT NULL,
        schema_version  integer     NOT NULL DEFAULT 1,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant, stream_id, stream_version)
      );
      CREATE INDEX events_transaction_id_global_position ON ${s}.events (transaction_id, global_position);
    `,
  },
  {
    version: 2,
    name: 'multi-stream append conflict',
    // SQL has no RAISE: appendToStreams' one statement calls this to undo its stream writes when
    // a stream's expected version did not hold (see multi-append-statement.ts).
    sql: (s) => `
      CREATE FUNCTION ${s}.multi_append_conflict() RETURNS boolean LANGUAGE plpgsql VOLATILE AS $fn$
      BEGIN
        RAISE EXCEPTION 'appendToStreams: a stream is not at its expected version'
          USING ERRCODE = '${MULTI_APPEND_CONFLICT}';
      END
      $fn$;
    `,
  },
];

/**
 * Applies the missing migrations. Idempotent, and safe to run concurrently from several
 * processes: a transaction-scoped advisory lock (keyed by schema) serialises the runners, and the
 * second one finds everything applied.
 */
export async function migrate(pool: Pool, schema: string): Promise<number[]> {
  assertSchemaName(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtext('crm.event_store.migrate'), hashtext($1))`,
      [schema],
    );
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`
      CREATE TABLE IF NOT EXISTS ${schema}.event_store_migrations (
        version    integer     PRIMARY KEY,
        name       text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number }>(
      `SELECT version FROM ${schema}.event_store_migrations`,
    );
    const applied = new Set(rows.map((r) => r.version));
    const newlyApplied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql(schema));
      await client.query(
        `INSERT INTO ${schema}.event_store_migrations (version, name) VALUES ($1, $2)`,
        [migration.version, migration.name],
      );
      newlyApplied.push(migration.version);
    }
    await client.query('COMMIT');
    return newlyApplied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
