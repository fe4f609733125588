/**
 * Bulk imports and their per-row report, in a service's schema: one import per (tenant, import
 * id, dry run), claimed once (the id makes the upload idempotent, the file hash tells the same
 * file from another one), running totals per outcome written with each batch of row reports,
 * so GET shows progress that is never ahead of the report.
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import type { Clock } from '../clock';

/** A dry run and the real import under one id are two imports: trying a file never takes the id. */
export interface BulkImportKey {
  readonly tenant: string;
  readonly importId: string;
  readonly dryRun: boolean;
}

export interface BulkImportReason {
  readonly code: string;
  readonly field?: string;
  readonly message: string;
}

export interface BulkImportRowReport<Outcome extends string = string> {
  /** 1-based: the CSV data row, the array element or the NDJSON line. */
  readonly row: number;
  readonly outcome: Outcome;
  /** The record the row wrote or matched (null when rejected before one was known). */
  readonly recordId: string | null;
  /** The row's own key in the source system (an external id), when it has one. */
  readonly key: string | null;
  readonly reasons: readonly BulkImportReason[];
}

export interface BulkImportSummary<Outcome extends string = string> {
  importId: string;
  status: 'running' | 'completed' | 'failed';
  dryRun: boolean;
  processed: number;
  counts: Record<Outcome, number>;
  error: BulkImportReason | null;
  startedAt: string;
  finishedAt: string | null;
}

interface ImportDbRow {
  import_id: string;
  status: BulkImportSummary['status'];
  dry_run: boolean;
  processed: number;
  counts: Record<string, number>;
  error: BulkImportReason | null;
  started_at: Date;
  finished_at: Date | null;
  file_sha256: string | null;
}

export class BulkImportStore<Outcome extends string> {
  private readonly imports: string;
  private readonly rowsTable: string;

  /**
   * `table`: e.g. `sales.order_imports` (rows in `<table>_rows`); `clock`: the service's, so an
   * import's start and finish are on the same time as its events.
   */
  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    table: string,
    private readonly outcomes: readonly Outcome[],
  ) {
    if (!/^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$/.test(table))
      throw new Error(`BulkImportStore: table must be schema.name, not ${table}`);
    this.imports = table;
    this.rowsTable = `${table}_rows`;
  }

  async migrate(): Promise<void> {
    const schema = this.imports.split('.')[0];
    await inTransaction(this.pool, async (client) => {
      await client.query(`
        CREATE SCHEMA IF NOT EXISTS ${schema};
        CREATE TABLE IF NOT EXISTS ${this.imports} (
          tenant text NOT NULL,
          import_id text NOT NULL,
          dry_run boolean NOT NULL,
          status text NOT NULL,
          processed integer NOT NULL DEFAULT 0,
          counts jsonb NOT NULL DEFAULT '{}',
          error jsonb,
          started_at timestamptz NOT NULL,
          finished_at timestamptz,
          file_sha256 text,
          PRIMARY KEY (tenant, import_id, dry_run)
        );
        CREATE TABLE IF NOT EXISTS ${this.rowsTable} (
          tenant text NOT NULL,
          import_id text NOT NULL,
          dry_run boolean NOT NULL,
          row_number integer NOT NULL,
          outcome text NOT NULL,
          record_id text,
          key text,
          reasons jsonb NOT NULL DEFAULT '[]',
          PRIMARY KEY (tenant, import_id, dry_run, row_number)
        );`);
    });
  }

  /** Claims the import; undefined when it already exists (the caller replays or refuses). */
  async begin(key: BulkImportKey): Promise<BulkImportSummary<Outcome> | undefined> {
    const { rows } = await this.pool.query<ImportDbRow>(
      `INSERT INTO ${this.imports} (tenant, import_id, dry_run, status, started_at)
       VALUES ($1, $2, $3, 'running', $4) ON CONFLICT DO NOTHING RETURNING *`,
      [key.tenant, key.importId, key.dryRun, this.clock.now()],
    );
    return rows[0] ? this.toSummary(rows[0]) : undefined;
  }

  async get(key: BulkImportKey): Promise<BulkImportSummary<Outcome> | undefined> {
    return (await this.find(key))?.summary;
  }

  /** The import and the SHA-256 of its file (null while running, or if it failed before the end). */
  async find(
    key: BulkImportKey,
  ): Promise<{ summary: BulkImportSummary<Outcome>; fileSha256: string | null } | undefined> {
    const { rows } = await this.pool.query<ImportDbRow>(
      `SELECT * FROM ${this.imports} WHERE tenant = $1 AND import_id = $2 AND dry_run = $3`,
      [key.tenant, key.importId, key.dryRun],
    );
    return rows[0]
      ? { summary: this.toSummary(rows[0]), fileSha256: rows[0].file_sha256 }
      : undefined;
  }

  /** A batch of row reports and the totals they add, in one transaction. */
  async record(
    key: BulkImportKey,
    reports: readonly BulkImportRowReport<Outcome>[],
  ): Promise<void> {
    if (!reports.length) return;
    const added: Record<string, number> = {};
    for (const r of reports) added[r.outcome] = (added[r.outcome] ?? 0) + 1;
    await inTransaction(this.pool, async (client) => {
      await client.query(
        `INSERT INTO ${this.rowsTable} (tenant, import_id, dry_run, row_number, outcome, record_id, key, reasons)
         SELECT $1, $2, $3, r.row_number, r.outcome, r.record_id, r.key, r.reasons
           FROM jsonb_to_recordset($4::jsonb)
             AS r(row_number int, outcome text, record_id text, key text, reasons jsonb)
         ON CONFLICT (tenant, import_id, dry_run, row_number) DO UPDATE
           SET outcome = excluded.outcome, record_id = excluded.record_id, key = excluded.key,
               reasons = excluded.reasons`,
        [
          key.tenant,
          key.importId,
          key.dryRun,
          JSON.stringify(
            reports.map((r) => ({
              row_number: r.row,
              outcome: r.outcome,
              record_id: r.recordId,
              key: r.key,
              reasons: r.reasons,
            })),
          ),
        ],
      );
      // counts + added, outcome by outcome (jsonb has no "add the numbers" operator).
      await client.query(
        `UPDATE ${this.imports} i SET processed = processed + $4,
            counts = (SELECT coalesce(jsonb_object_agg(k, coalesce((i.counts ->> k)::int, 0) + coalesce((a.added ->> k)::int, 0)), '{}')
                        FROM (SELECT $5::jsonb AS added) a,
                             LATERAL (SELECT jsonb_object_keys(i.counts || a.added) AS k) keys)
          WHERE tenant = $1 AND import_id = $2 AND dry_run = $3`,
        [key.tenant, key.importId, key.dryRun, reports.length, JSON.stringify(added)],
      );
    });
  }

  /** `fileSha256`: the hash of the whole file, when the import read it to the end. */
  async finish(
    key: BulkImportKey,
    fileSha256: string | undefined,
    error?: BulkImportReason,
  ): Promise<BulkImportSummary<Outcome>> {
    const { rows } = await this.pool.query<ImportDbRow>(
      `UPDATE ${this.imports} SET status = $4, error = $5, finished_at = $6, file_sha256 = $7
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
    return this.toSummary(rows[0]);
  }

  async rows(
    key: BulkImportKey,
    options: { outcome?: Outcome; afterRow: number; limit: number },
  ): Promise<BulkImportRowReport<Outcome>[]> {
    const { rows } = await this.pool.query<{
      row_number: number;
      outcome: Outcome;
      record_id: string | null;
      key: string | null;
      reasons: BulkImportReason[];
    }>(
      `SELECT row_number, outcome, record_id, key, reasons FROM ${this.rowsTable}
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
      recordId: r.record_id,
      key: r.key,
      reasons: r.reasons,
    }));
  }

  private toSummary(r: ImportDbRow): BulkImportSummary<Outcome> {
    const counts = Object.fromEntries(this.outcomes.map((o) => [o, r.counts[o] ?? 0])) as Record<
      Outcome,
      number
    >;
    return {
      importId: r.import_id,
      status: r.status,
      dryRun: r.dry_run,
      processed: r.processed,
      counts,
      error: r.error,
      startedAt: r.started_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
    };
  }
}
