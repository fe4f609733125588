/** Import jobs and their per-row report, in the service schema. */
import { inTransaction } from '@crm/event-sourcing';
import type { Clock } from '@crm/platform';
import type { Pool } from 'pg';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';

const S = CONTACTS_SCHEMA;

/**
 * One import: a dry run and the real import under the same id are two imports, so trying a file
 * first never occupies the id the real upload then uses.
 */
export interface ImportKey {
  readonly tenant: string;
  readonly importId: string;
  readonly dryRun: boolean;
}

export type RowOutcome = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface ImportRowReport {
  readonly row: number;
  readonly outcome: RowOutcome;
  readonly contactId: string | null;
  readonly reasons: { code: string; field?: string; message: string }[];
}

export interface ImportSummary {
  importId: string;
  status: 'running' | 'completed' | 'failed';
  dryRun: boolean;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: { code: string; field?: string; message: string } | null;
  startedAt: string;
  finishedAt: string | null;
}

export async function migrateImportTables(pool: Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(`
    CREATE SCHEMA IF NOT EXISTS ${S};
    CREATE TABLE IF NOT EXISTS ${S}.imports (
      tenant text NOT NULL,
      import_id text NOT NULL,
      status text NOT NULL,
      dry_run boolean NOT NULL,
      processed integer NOT NULL DEFAULT 0,
      created integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      rejected integer NOT NULL DEFAULT 0,
      error jsonb,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      file_sha256 text,
      PRIMARY KEY (tenant, import_id, dry_run)
    );
    CREATE TABLE IF NOT EXISTS ${S}.import_rows (
      tenant text NOT NULL,
      import_id text NOT NULL,
      dry_run boolean NOT NULL,
      row_number integer NOT NULL,
      outcome text NOT NULL,
      contact_id text,
      reasons jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (tenant, import_id, dry_run, row_number)
    );`);
    // Tables from before dry runs had an identity of their own (and files a hash). Checked
    // first: ALTER TABLE would wait for an exclusive lock even when there is nothing to change.
    const { rows } = await client.query(
      `SELECT 1 FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = 'imports' AND column_name = 'file_sha256'`,
      [S],
    );
    if (rows.length) return;
    await client.query(`
      ALTER TABLE ${S}.imports ADD COLUMN file_sha256 text,
        DROP CONSTRAINT imports_pkey, ADD PRIMARY KEY (tenant, import_id, dry_run);
      ALTER TABLE ${S}.import_rows ADD COLUMN dry_run boolean NOT NULL DEFAULT false;
      UPDATE ${S}.import_rows r SET dry_run = i.dry_run
        FROM ${S}.imports i WHERE i.tenant = r.tenant AND i.import_id = r.import_id;
      ALTER TABLE ${S}.import_rows ALTER COLUMN dry_run DROP DEFAULT,
        DROP CONSTRAINT import_rows_pkey, ADD PRIMARY KEY (tenant, import_id, dry_run, row_number);`);
  });
}

interface ImportDbRow {
  import_id: string;
  status: ImportSummary['status'];
  dry_run: boolean;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  error: ImportSummary['error'];
  started_at: Date;
  finished_at: Date | null;
  file_sha256: string | null;
}

function toSummary(r: ImportDbRow): ImportSummary {
  return {
    importId: r.import_id,
    status: r.status,
    dryRun: r.dry_run,
    processed: r.processed,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    error: r.error,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}

export class ImportStore {
  /** `clock`: the service's, so an import's start and finish are on the same time as its events. */
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
  ) {}

  /** Claims the import; returns undefined when it already exists (idempotency). */
  async begin(key: ImportKey): Promise<ImportSummary | undefined> {
    const { rows } = await this.pool.query<ImportDbRow>(
      `INSERT INTO ${S}.imports (tenant, import_id, status, dry_run, started_at) VALUES ($1, $2, 'running', $3, $4)
       ON CONFLICT DO NOTHING RETURNING *`,
      [key.tenant, key.importId, key.dryRun, this.clock.now()],
    );
    return rows[0] ? toSummary(rows[0]) : undefined;
  }

  async get(key: ImportKey): Promise<ImportSummary | undefined> {
    return (await this.find(key))?.summary;
  }

  /** The import and the SHA-256 of its file (null while running, or if it failed before the end). */
  async find(
    key: ImportKey,
  ): Promise<{ summary: ImportSummary; fileSha256: string | null } | undefined> {
    const { rows } = await this.pool.query<ImportDbRow>(
      `SELECT * FROM ${S}.imports WHERE tenant = $1 AND import_id = $2 AND dry_run = $3`,
      [key.tenant, key.importId, key.dryRun],
    );
    return rows[0] ? { summary: toSummary(rows[0]), fileSha256: rows[0].file_sha256 } : undefined;
  }

  /** Writes a batch of row reports and the running totals together: progress is never ahead of the report. */
  async record(key: ImportKey, rows: readonly ImportRowReport[]): Promise<void> {
    if (!rows.length) return;
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO ${S}.import_rows (tenant, import_id, dry_run, row_number, outcome, contact_id, reasons)
         SELECT $1, $2, $3, r.row_number, r.outcome, r.contact_id, r.reasons
           FROM jsonb_to_recordset($4::jsonb) AS r(row_number int, outcome text, contact_id text, reasons jsonb)
         ON CONFLICT (tenant, import_id, dry_run, row_number) DO UPDATE SET outcome = excluded.outcome, contact_id = excluded.contact_id, reasons = excluded.reasons`,
        [
          key.tenant,
          key.importId,
          key.dryRun,
          JSON.stringify(
            rows.map((r) => ({
              row_number: r.row,
              outcome: r.outcome,
              contact_id: r.contactId,
              reasons: r.reasons,
            })),
          ),
        ],
      );
      const count = (o: RowOutcome) => rows.filter((r) => r.outcome === o).length;
      await client.query(
        `UPDATE ${S}.imports SET processed = processed + $4, created = created + $5, updated = updated + $6,
            unchanged = unchanged + $7, rejected = rejected + $8 WHERE tenant = $1 AND import_id = $2 AND dry_run = $3`,
        [
          key.tenant,
          key.importId,
          key.dryRun,
          rows.length,
          count('created'),
          count('updated'),
          count('unchanged'),
          count('rejected'),
        ],
      );
    });
  }

  /** `fileSha256`: the hash of the whole file, when the import read it to the end. */
  async finish(
    key: ImportKey,
    fileSha256: string | undefined,
    error?: ImportSummary['error'],
  ): Promise<ImportSummary> {
    const { rows } = await this.pool.query<ImportDbRow>(
      `UPDATE ${S}.imports SET status = $4, error = $5, finished_at = $6, file_sha256 = $7
        WHERE tenant = $1 AND import_id = $2 AND dry_run = $3 RETURNING *`,
      [
        key.tenant,
        key.importId,
        key.dryRun,
        error ? 'failed' : 'completed',
        error ? JSON.stringify(error) : null,
        this.clock.now(),
        fileSha256 ?? null,
      ],
    );
    return toSummary(rows[0]);
  }

  async rows(
    key: ImportKey,
    options: { outcome?: RowOutcome; afterRow: number; limit: number },
  ): Promise<ImportRowReport[]> {
    const { rows } = await this.pool.query<{
      row_number: number;
      outcome: RowOutcome;
      contact_id: string | null;
      reasons: ImportRowReport['reasons'];
    }>(
      `SELECT row_number, outcome, contact_id, reasons FROM ${S}.import_rows
        WHERE tenant = $1 AND import_id = $2 AND dry_run = $3 AND row_number > $4
          AND ($5::text IS NULL OR outcome = $5)
        ORDER BY row_number LIMIT $6`,
      [
        key.tenant,
        key.importId,
        key.dryRun,
        options.afterRow,
        options.outcome ?? null,
        options.limit,
      ],
    );
    return rows.map((r) => ({
      row: r.row_number,
      outcome: r.outcome,
      contactId: r.contact_id,
      reasons: r.reasons,
    }));
  }
}
