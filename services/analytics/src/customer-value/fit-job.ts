/**
 * The lifetime-value fit job: every ANALYTICS_FIT_INTERVAL_MS, per tenant with purchases, reads
 * customer_stats, fits BG/NBD + Gamma-Gamma and appends a model_fits version (a stored
 * `insufficient-data` one when the data cannot carry a fit). Requests only read the fits.
 * Replica-safe: each tenant's fit runs under a transaction-scoped advisory lock taken with
 * pg_try_advisory_xact_lock, so a replica that finds it held skips that tenant this round; and
 * under the lock a tenant whose newest fit is younger than half the interval is skipped, so N
 * replicas do not write N versions a period.
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
import { CUSTOMER_VALUE_CONFIG, type CustomerValueConfig } from './customer-value.config';
import { fitLifetimeValue, LIFETIME_VALUE_KIND } from './lifetime-value-fit';
import { appendFit, currentFit } from './model-fits.store';
import { modelInputs, readCustomerPurchases } from './purchase-inputs';

export interface FitRun {
  readonly tenant: string;
  readonly version: number;
  readonly status: string;
}

@Injectable()
export class LifetimeValueFitJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LifetimeValueFitJob');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CUSTOMER_VALUE_CONFIG) private readonly config: CustomerValueConfig,
  ) {
    this.job = new PeriodicJob('LifetimeValueFitJob', config.fitIntervalMs, () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Fits every tenant with purchases (or only `tenant`); returns the versions written. */
  async runOnce(tenant?: string): Promise<FitRun[]> {
    const { rows } = await this.pool.query<{ tenant: string }>(
      `SELECT DISTINCT tenant FROM ${S}.customer_stats
        WHERE first_purchase_at IS NOT NULL AND ($1::text IS NULL OR tenant = $1) ORDER BY tenant`,
      [tenant ?? null],
    );
    const runs: FitRun[] = [];
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

  private fitTenant(tenant: string): Promise<FitRun | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_xact_lock(hashtext('crm.analytics.fit'), hashtext($1)) AS locked`,
        [tenant],
      );
      if (!rows[0].locked) return undefined; // another replica is fitting this tenant now
      const now = this.clock.now();
      const latest = await currentFit(client, tenant, LIFETIME_VALUE_KIND);
      if (latest && now.getTime() - latest.fittedAt.getTime() < this.config.fitIntervalMs / 2) {
        return undefined; // fitted this period already (by this replica or another)
      }
      const customers = await readCustomerPurchases(client, tenant);
      const dataUpTo = customers.reduce<Date | null>(
        (newest, c) => (!newest || c.lastPurchaseAt > newest ? c.lastPurchaseAt : newest),
        null,
      );
      const fit = fitLifetimeValue(modelInputs(customers, now));
      const version = await appendFit(client, tenant, LIFETIME_VALUE_KIND, now, dataUpTo, fit);
      return { tenant, version, status: fit.status };
    });
  }
}
