/**
 * Idempotency keys in PostgreSQL: (tenant, key) -> request hash and, once the first request has
 * finished, its status, headers and body. The row is claimed before the handler runs, so two
 * concurrent requests with one key cannot both execute.
 */
import { inTransaction } from '@crm/event-sourcing';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { Pool } from 'pg';
import { PG_POOL } from '../database/pg-pool';
import { PLATFORM_OPTIONS, type PlatformModuleOptions } from '../platform-options';

export const IDEMPOTENCY_TTL_HOURS = 24;
/** A claim never completed (the process died mid-request) is taken over after this long. */
const STALE_CLAIM_MINUTES = 5;

export interface StoredResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export type ClaimResult =
  | { readonly outcome: 'claimed' }
  | { readonly outcome: 'replay'; readonly response: StoredResponse }
  | { readonly outcome: 'mismatch' }
  | { readonly outcome: 'in-flight' };

@Injectable()
export class IdempotencyStore implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Idempotency');
  private readonly table: string;
  private ready?: Promise<void>;
  private purgeTimer?: NodeJS.Timeout;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(PLATFORM_OPTIONS) options: PlatformModuleOptions,
  ) {
    const schema = options.idempotency?.schema ?? 'platform';
    if (!/^[a-z_][a-z0-9_]*$/.test(schema))
      throw new Error(`invalid idempotency schema "${schema}"`);
    this.table = `${schema}.idempotency_keys`;
  }

  async onModuleInit(): Promise<void> {
    // A database that is down at start-up must not keep the service from starting (readiness
    // reports it); the table is then created on first use.
    await this.ensureTable().catch((error: Error) =>
      this.logger.warn(`idempotency table not ready yet: ${error.message}`),
    );
    this.purgeTimer = setInterval(() => void this.purgeExpired().catch(() => undefined), 3_600_000);
    this.purgeTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.purgeTimer);
  }

  ensureTable(): Promise<void> {
    this.ready ??= this.createTable().catch((error) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async claim(tenant: string, key: string, hash: string): Promise<ClaimResult> {
    await this.ensureTable();
    // Two rounds: the row we conflicted with may be deleted (abandoned) before we read it.
    for (let attempt = 0; attempt < 2; attempt++) {
      const claimed = await this.pool.query(
        `INSERT INTO ${this.table} (tenant, key, request_hash, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(hours => $4))
         ON CONFLICT (tenant, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, status = NULL, response_headers = NULL,
               response_body = NULL, created_at = now(), completed_at = NULL,
               expires_at = EXCLUDED.expires_at
         WHERE ${this.table}.expires_at < now()
            OR (${this.table}.status IS NULL
                AND ${this.table}.created_at < now() - make_interval(mins => $5))
         RETURNING 1`,
        [tenant, key, hash, IDEMPOTENCY_TTL_HOURS, STALE_CLAIM_MINUTES],
      );
      if (claimed.rowCount) return { outcome: 'claimed' };
      const { rows } = await this.pool.query<{
        request_hash: string;
        status: number | null;
        response_headers: Record<string, string> | null;
        response_body: unknown;
      }>(
        `SELECT request_hash, status, response_headers, response_body
           FROM ${this.table} WHERE tenant = $1 AND key = $2`,
        [tenant, key],
      );
      const row = rows[0];
      if (!row) continue;
      if (row.request_hash !== hash) return { outcome: 'mismatch' };
      if (row.status === null) return { outcome: 'in-flight' };
      return {
        outcome: 'replay',
        response: {
          status: row.status,
          headers: row.response_headers ?? {},
          body: row.response_body,
        },
      };
    }
    return { outcome: 'in-flight' };
  }

  async complete(tenant: string, key: string, response: StoredResponse): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table}
          SET status = $3, response_headers = $4, response_body = $5::jsonb, completed_at = now()
        WHERE tenant = $1 AND key = $2`,
      [tenant, key, response.status, response.headers, JSON.stringify(response.body ?? null)],
    );
  }

  /** The request failed: forget the claim so a retry with the same key runs again. */
  async release(tenant: string, key: string): Promise<void> {
    await this.pool.query(
      `DELETE FROM ${this.table} WHERE tenant = $1 AND key = $2 AND status IS NULL`,
      [tenant, key],
    );
  }

  async purgeExpired(): Promise<number> {
    await this.ensureTable();
    const result = await this.pool.query(`DELETE FROM ${this.table} WHERE expires_at < now()`);
    return result.rowCount ?? 0;
  }

  private async createTable(): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      // Several services may share a database and start together; CREATE ... IF NOT EXISTS alone
      // still races on the catalog.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [this.table]);
      const schema = this.table.split('.')[0];
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(`
        CREATE TABLE IF NOT EXISTS ${this.table} (
          tenant text NOT NULL,
          key text NOT NULL,
          request_hash text NOT NULL,
          status int,
          response_headers jsonb,
          response_body jsonb,
          created_at timestamptz NOT NULL DEFAULT now(),
          completed_at timestamptz,
          expires_at timestamptz NOT NULL,
          PRIMARY KEY (tenant, key)
        )`);
      await client.query(
        `CREATE INDEX IF NOT EXISTS idempotency_keys_expires_at ON ${this.table} (expires_at)`,
      );
    });
  }
}
