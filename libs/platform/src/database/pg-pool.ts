/**
 * The service's PostgreSQL pool, one per process, closed after the HTTP server has drained
 * (onApplicationShutdown runs after Nest closed the server), so in-flight requests keep it.
 */
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { TenantScopedPool } from '../tenancy/tenant-pool';

export const PG_POOL = Symbol('PG_POOL');

/** Each connection carries the caller's tenant for row-level security (tenancy/README.md). */
export function createPgPool(connectionString: string, applicationName: string): Pool {
  const pool = new TenantScopedPool({
    connectionString,
    application_name: applicationName,
    max: 10,
    // Fail fast so readiness reports "down" instead of hanging on an unreachable server.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection emits here; unhandled it would crash the process.
  pool.on('error', (error) => new Logger('PgPool').warn(`idle client error: ${error.message}`));
  return pool;
}

@Injectable()
export class PgPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
