/**
 * The demand fit job: every ANALYTICS_FIT_INTERVAL_MS, per tenant with order lines, reads the
 * monthly sales up to the last complete month, fits every product's and price band's series and
 * appends a model_fits version (kind `demand`). Requests only read the fits.
 * Replica-safe as the lifetime-value job: each tenant's fit runs in one transaction under
 * pg_try_advisory_xact_lock (a replica finding it held skips the tenant), and a tenant fitted
 * less than half an interval ago is skipped, so N replicas write one version a period.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { inTransaction } from '@crm/event-sourcing';
import { CLOCK, PG_POOL, PeriodicJob, type Clock } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import { monthLabel } from '../models/demand';
import { DEMAND_CONFIG, type DemandConfig } from './demand.config';
import { demandFitOf, fitSeries, type StoredSeries } from './demand-fit';
import { appendDemandFit, currentDemandFit } from './demand-fits.store';
import { demandSeries, readSales } from './demand-series';

export interface DemandFitRun {
  readonly tenant: string;
  readonly version: number;
  readonly status: string;
}

@Injectable()
export class DemandFitJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemandFitJob');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEMAND_CONFIG) private readonly config: DemandConfig,
  ) {
    this.job = new PeriodicJob('DemandFitJob', config.fitIntervalMs, () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Fits every tenant with order lines (or only `tenant`); returns the versions written. */
  async runOnce(tenant?: string): Promise<DemandFitRun[]> {
    const { rows } = await this.pool.query<{ tenant: string }>(
      `SELECT DISTINCT tenant FROM ${S}.order_lines
        WHERE ($1::text IS NULL OR tenant = $1) ORDER BY tenant`,
      [tenant ?? null],
    );
    const runs: DemandFitRun[] = [];
    for (const row of rows) {
      try {
        const run = await this.fitTenant(row.tenant);
        if (run) runs.push(run);
      } catch (error) {
        this.logger.warn(`fit of ${row.tenant}: ${(error as Error).message}`);
      }
    }
    return runs;
  }

  private fitTenant(tenant: string): Promise<DemandFitRun | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_xact_lock(hashtext('crm.analytics.demand-fit'), hashtext($1)) AS locked`,
        [tenant],
      );
      if (!rows[0].locked) return undefined; // another replica is fitting this tenant now
      const now = this.clock.now();
      const latest = await currentDemandFit(client, tenant);
      if (latest && now.getTime() - latest.fittedAt.getTime() < this.config.fitIntervalMs / 2) {
        return undefined; // fitted this period already (by this replica or another)
      }
      const lastMonth = lastCompleteMonth(now);
      const sales = await readSales(client, tenant, lastMonth);
      const stored: StoredSeries[] = [];
      for (const series of demandSeries(sales, lastMonth)) {
        stored.push(fitSeries(series));
        // A fit is ~0.3 s of CPU per series: let requests in between, the job is not urgent.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const fit = demandFitOf(stored, lastMonth);
      const dataUpTo = await newestSale(client, tenant, lastMonth);
      const version = await appendDemandFit(client, tenant, now, dataUpTo, fit);
      return { tenant, version, status: fit.status };
    });
  }
}

/** The month before `now`'s UTC month: the current one is still selling and would read as a dip. */
export function lastCompleteMonth(now: Date): string {
  return monthLabel(now.getUTCFullYear() * 12 + now.getUTCMonth() - 1);
}

async function newestSale(
  client: { query: Pool['query'] },
  tenant: string,
  lastMonth: string,
): Promise<Date | null> {
  const { rows } = await client.query<{ at: Date | null }>(
    `SELECT max(placed_at) AS at FROM ${S}.order_lines
      WHERE tenant = $1 AND status = 'placed'
        AND to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM') <= $2`,
    [tenant, lastMonth],
  );
  return rows[0]?.at ?? null;
}
