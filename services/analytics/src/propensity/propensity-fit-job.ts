/**
 * The propensity fit job: every ANALYTICS_PROPENSITY_FIT_INTERVAL_MS, per tenant with sold
 * families, fits one model per target family (the configured ones, else the top N by buyers),
 * appends a model_fits version per family (an `insufficient-data` one saying why when the data
 * cannot carry it), rescores the tenant's customers and publishes the scores that changed.
 * Replica-safe as the lifetime-value job: the tenant's fits run in one transaction under
 * pg_try_advisory_xact_lock (a replica that finds it held skips the tenant), and a tenant fitted
 * less than half an interval ago is skipped. Publishing runs after the commit; the publisher
 * appends only values that differ from the last published, so a failed or repeated run
 * republishes nothing twice.
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
import type { Pool, PoolClient } from 'pg';
import { AnalyticsPublisher, type ScoreItem } from '../publishing/analytics-publisher';
import { featureRecord, trainingCutoff, trainingSet } from './propensity-features';
import { fitPropensity, propensityKind, scoreWith } from './propensity-fit';
import {
  readBuyers,
  readCustomerFacts,
  readDataUpTo,
  readTenantsWithFamilies,
  readTopFamilies,
} from './propensity-inputs';
import { publishedModel } from './published-model';
import { PROPENSITY_CONFIG, type PropensityConfig } from './propensity.config';
import {
  appendPropensityFit,
  clearScores,
  currentPropensityFits,
  replaceScores,
} from './propensity-store';

export interface PropensityFitRun {
  readonly tenant: string;
  readonly family: string;
  readonly version: number;
  readonly status: string;
}

/** Published scores are rounded so that a refit moving a score in the 5th decimal says nothing. */
const PUBLISHED_DECIMALS = 4;

@Injectable()
export class PropensityFitJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PropensityFitJob');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROPENSITY_CONFIG) private readonly config: PropensityConfig,
    private readonly publisher: AnalyticsPublisher,
  ) {
    this.job = new PeriodicJob('PropensityFitJob', config.fitIntervalMs, () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Fits every tenant with sold families (or only `tenant`); returns the versions written. */
  async runOnce(tenant?: string): Promise<PropensityFitRun[]> {
    const runs: PropensityFitRun[] = [];
    for (const t of await readTenantsWithFamilies(this.pool, tenant)) {
      try {
        const fitted = await this.fitTenant(t);
        if (!fitted) continue;
        runs.push(...fitted.runs);
        await this.publish(t, fitted.scores);
      } catch (error) {
        this.logger.warn(`propensity fit of ${t}: ${(error as Error).message}`);
      }
    }
    return runs;
  }

  private fitTenant(tenant: string) {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_xact_lock(hashtext('crm.analytics.propensity-fit'), hashtext($1)) AS locked`,
        [tenant],
      );
      if (!rows[0].locked) return undefined; // another replica is fitting this tenant now
      const now = this.clock.now();
      const newest = (await currentPropensityFits(client, tenant)).reduce(
        (max, f) => Math.max(max, f.fittedAt.getTime()),
        -Infinity,
      );
      if (now.getTime() - newest < this.config.fitIntervalMs / 2) return undefined;
      return this.fitFamilies(client, tenant, now);
    });
  }

  private async fitFamilies(client: PoolClient, tenant: string, now: Date) {
    const families = this.config.families.length
      ? this.config.families
      : await readTopFamilies(client, tenant, this.config.topFamilies);
    const cutoff = trainingCutoff(now, this.config.windowDays);
    // One client (the lock's transaction): its queries run one after another.
    const past = await readCustomerFacts(client, tenant, cutoff);
    const today = await readCustomerFacts(client, tenant, now);
    const dataUpTo = await readDataUpTo(client, tenant);
    const sold = [...new Set(past.flatMap((f) => f.families))].sort();
    const todayRecords = today.map((f) => featureRecord(f, now));
    const runs: PropensityFitRun[] = [];
    const scores: ScoreItem[] = [];
    for (const family of families) {
      const buyers = await readBuyers(client, tenant, family, cutoff, now);
      const fit = fitPropensity(trainingSet(past, cutoff, buyers), {
        family,
        windowDays: this.config.windowDays,
        cutoff: cutoff.toISOString(),
        l2: this.config.l2,
        families: sold,
      });
      const kind = propensityKind(family);
      const version = await appendPropensityFit(client, tenant, kind, now, dataUpTo, fit);
      runs.push({ tenant, family, version, status: fit.status });
      if (!fit.parameters) {
        await clearScores(client, tenant, family);
        continue;
      }
      const p = scoreWith(fit.parameters, todayRecords);
      const byContact = new Map(today.map((f, i) => [f.contactId, p[i]]));
      await replaceScores(client, tenant, family, version, now, byContact);
      const model = publishedModel(family, version);
      for (const [contactId, score] of byContact) {
        scores.push({ contactId, model, score: Number(score.toFixed(PUBLISHED_DECIMALS)) });
      }
    }
    return { runs, scores };
  }

  private async publish(tenant: string, scores: readonly ScoreItem[]): Promise<void> {
    if (scores.length === 0) return;
    const result = await this.publisher.publishScores(tenant, scores);
    this.logger.log(
      `${tenant}: ${result.published} propensity scores published, ${result.unchanged} unchanged`,
    );
  }
}
