/**
 * The basket fit job: every ANALYTICS_FIT_INTERVAL_MS, per tenant with order lines, mines the
 * rules by product and by family over the standing orders, computes each customer's next best
 * offers and, in one transaction, appends a model_fits version (kind `basket`; an
 * `insufficient-data` one saying why when the data cannot carry rules) and replaces the tenant's
 * rules and offers. Then the offers that changed are published (crm.analytics.v1
 * recommendation_produced, model `basket@1`; a customer who lost every offer gets an empty list).
 * Replica-safe as the lifetime-value job: pg_try_advisory_xact_lock per tenant (a replica that
 * finds it held skips the tenant) and a tenant fitted less than half an interval ago is skipped.
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
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import { AnalyticsPublisher, type PublishResult } from '../publishing/analytics-publisher';
import { BASKET_CONFIG, type BasketConfig } from './basket.config';
import { fitBaskets, type CustomerOffers } from './basket-fit';
import { appendBasketFit, currentBasketFit } from './basket-fits.store';
import { readHoldings, readOrderBaskets } from './basket-inputs';
import { contactsWithOffers, replaceOffers, replaceRules } from './basket-outputs.store';

/** The recommendation model as published; its version changes with the method, not each fit. */
export const BASKET_MODEL = 'basket@1';

export interface BasketFitRun {
  readonly tenant: string;
  readonly version: number;
  readonly status: string;
  readonly published: PublishResult;
}

@Injectable()
export class BasketFitJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('BasketFitJob');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BASKET_CONFIG) private readonly config: BasketConfig,
    private readonly publisher: AnalyticsPublisher,
  ) {
    this.job = new PeriodicJob('BasketFitJob', config.fitIntervalMs, () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Fits every tenant with order lines (or only `tenant`); returns the versions written. */
  async runOnce(tenant?: string): Promise<BasketFitRun[]> {
    const { rows } = await this.pool.query<{ tenant: string }>(
      `SELECT DISTINCT tenant FROM ${S}.order_lines
        WHERE ($1::text IS NULL OR tenant = $1) ORDER BY tenant`,
      [tenant ?? null],
    );
    const runs: BasketFitRun[] = [];
    for (const row of rows) {
      try {
        const run = await this.fitTenant(row.tenant);
        if (run) runs.push(run);
      } catch (error) {
        this.logger.warn(`basket fit of ${row.tenant}: ${(error as Error).message}`);
      }
    }
    return runs;
  }

  private async fitTenant(tenant: string): Promise<BasketFitRun | undefined> {
    const fitted = await inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_xact_lock(hashtext('crm.analytics.basket-fit'), hashtext($1)) AS locked`,
        [tenant],
      );
      if (!rows[0].locked) return undefined; // another replica is fitting this tenant now
      const now = this.clock.now();
      const latest = await currentBasketFit(client, tenant);
      if (latest && now.getTime() - latest.fittedAt.getTime() < this.config.fitIntervalMs / 2) {
        return undefined; // fitted this period already (by this replica or another)
      }
      const { baskets, dataUpTo } = await readOrderBaskets(client, tenant);
      const customers = await readHoldings(client, tenant);
      const result = fitBaskets(baskets, customers, {
        ...this.config,
        seconds: () => performance.now() / 1000,
      });
      const version = await appendBasketFit(client, tenant, now, dataUpTo, result.fit);
      const before = await contactsWithOffers(client, tenant);
      await replaceRules(client, tenant, 'product', version, result.productRules);
      await replaceRules(client, tenant, 'family', version, result.familyRules);
      await replaceOffers(client, tenant, version, result.offers);
      return { version, status: result.fit.status, offers: result.offers, before };
    });
    if (!fitted) return undefined;
    // After the commit: the log only hears of offers that are stored. A failure here is retried
    // by the next fit, which publishes whatever still differs from what was published.
    const published = await this.publisher.publishRecommendations(
      tenant,
      recommendationItems(fitted.offers, fitted.before),
    );
    return { tenant, version: fitted.version, status: fitted.status, published };
  }
}

/** Every customer's new list, and an empty one for those who had offers and have none now. */
function recommendationItems(offers: readonly CustomerOffers[], before: readonly string[]) {
  const items = offers.map((c) => ({
    contactId: c.contactId,
    model: BASKET_MODEL,
    productIds: c.offers.map((o) => o.productId),
  }));
  const now = new Set(offers.map((c) => c.contactId));
  for (const contactId of before) {
    if (!now.has(contactId)) items.push({ contactId, model: BASKET_MODEL, productIds: [] });
  }
  return items;
}
