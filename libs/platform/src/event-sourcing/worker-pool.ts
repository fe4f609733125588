/**
 * A second pool for long-running workers (projection locks, subscriptions, relays): they hold
 * connections for minutes, so requests on PG_POOL never queue behind them.
 */
import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { ALL_TENANTS, TENANT_SETTING } from '../tenancy/tenant-setting';

export function createWorkerPool(connectionString: string, serviceName: string, max: number): Pool {
  const pool = new Pool({
    connectionString,
    max,
    application_name: `${serviceName}-workers`,
    // System work spans tenants: row-level security lets these connections see every row.
    options: `-c ${TENANT_SETTING}=${ALL_TENANTS}`,
  });
  // An idle client losing its connection (server restart, admin kill) must not crash the
  // process; the workers holding clients see their own errors and retry.
  pool.on('error', (error) => new Logger('WorkerPool').warn(`idle client error: ${error.message}`));
  return pool;
}
