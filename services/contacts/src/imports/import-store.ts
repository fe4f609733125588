/** Import jobs and their per-row report, in the service schema. */
import { inTransaction } from '@crm/event-sourcing';
import type { Clock } from '@crm/platform';
import type { Pool } from 'pg';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';

const S = CONTACTS_SCHEMA;

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
  await pool.query(`
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
      PRIMARY KEY (tenant, import_id)
    );
    CREATE TABLE IF NOT EXISTS ${S}.import_rows (
      tenant text NOT NULL,
      import_id text NOT NULL,
      row_number integer NOT NULL,
      outcome text NOT NULL,
      contact_id text,
      reasons jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (tenant, import_id, row_number)
    );`);
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

  /** Claims the import id; returns undefined when it already exists (idempotency). */
  async begin(
    tenant: string,
    importId: string,
    dryRun: boolean,
  ): Promise<ImportSummary | undefined> {
    const { rows } = await this.pool.query<ImportDbRow>(
      `INSERT INTO ${S}.imports (tenant, import_id, status, dry_run, started_at) VALUES ($1, $2, 'running', $3, $4)
       ON CONFLICT DO NOTHING RETURNING *`,
      [tenant, importId, dryRun, this.clock.now()],
    );
    return rows[0] ? toSummary(rows[0]) : undefined;
  }

  async get(tenant: string, importId: string): Promise<ImportSummary | undefined> {
    const { rows } = await this.pool.query<ImportDbRow>(
      `SELECT * FROM ${S}.imports WHERE tenant = $1 AND import_id = $2`,
      [tenant, importId],
    );
    return rows[0] ? toSummary(rows[0]) : undefined;
  }

  /** Writes a batch of row reports and the running totals together: progress is never ahead of the report. */
  async record(tenant: string, importId: string, rows: readonly ImportRowReport[]): Promise<void> {
    if (!rows.length) return;
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO ${S}.import_rows (tenant, import_id, row_number, outcome, contact_id, reasons)
         SELECT $1, $2, r.row_number, r.outcome, r.contact_id, r.reasons
           FROM jsonb_to_recordset($3::jsonb) AS r(row_number int, outcome text, contact_id text, reasons jsonb)
         ON CONFLICT (tenant, import_id, row_number) DO UPDATE SET outcome = excluded.outcome, contact_id = excluded.contact_id, reasons = excluded.reasons`,
        [
          tenant,
          importId,
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
        `UPDATE ${S}.imports SET processed = processed + $3, created = created + $4, updated = updated + $5,
            unchanged = unchanged + $6, rejected = rejected + $7 WHERE tenant = $1 AND import_id = $2`,
        [
          tenant,
          importId,
          rows.length,
          count('created'),
          count('updated'),
          count('unchanged'),
          count('rejected'),
        ],
      );
    });
  }

  async finish(
    tenant: string,
    importId: string,
    error?: ImportSummary['error'],
  ): Promise<ImportSummary> {
    const { rows } = await this.pool.query<ImportDbRow>(
      `UPDATE ${S}.imports SET status = $3, error = $4, finished_at = $5 WHERE tenant = $1 AND import_id = $2 RETURNING *`,
      [
        tenant,
        importId,
        error ? 'failed' : 'completed',
        error ? JSON.stringify(error) : null,
        this.clock.now(),
      ],
    );
    return toSummary(rows[0]);
  }

  async rows(
    tenant: string,
    importId: string,
    options: { outcome?: RowOutcome; afterRow: number; limit: number },
  ): Promise<ImportRowReport[]> {
    const { rows } = await this.pool.query<{
      row_number: number;
      outcome: RowOutcome;
      contact_id: string | null;
      reasons: ImportRowReport['reasons'];
    }>(
      `SELECT row_number, outcome, contact_id, reasons FROM ${S}.import_rows
        WHERE tenant = $1 AND import_id = $2 AND row_number > $3 AND ($4::text IS NULL OR outcome = $4)
        ORDER BY row_number LIMIT $5`,
      [tenant, importId, options.afterRow, options.outcome ?? null, options.limit],
    );
    return rows.map((r) => ({
      row: r.row_number,
      outcome: r.outcome,
      contactId: r.contact_id,
      reasons: r.reasons,
    }));
  }
}
