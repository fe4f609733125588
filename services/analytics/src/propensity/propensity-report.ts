/**
 * Propensity as the reports and the customer summary read it: the newest stored fit per family
 * (never fitted here), with its age, and the stored scores of that fit.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, PG_POOL, type Clock } from '@crm/platform';
import type { Pool } from 'pg';
import type { Coefficient } from '../models/propensity';
import type { PropensityQuality } from './propensity-fit';
import { PROPENSITY_CONFIG, type PropensityConfig } from './propensity.config';
import {
  currentPropensityFits,
  readContactScores,
  readScores,
  type ScoreRow,
  type StoredPropensityFit,
} from './propensity-store';

export interface PropensityModelView {
  readonly family: string;
  readonly version: number;
  readonly status: 'fitted' | 'insufficient-data';
  /** Why it cannot fit, or a warning about a fitted one (did not converge); null otherwise. */
  readonly reason: string | null;
  readonly fittedAt: string;
  readonly dataUpTo: string | null;
  readonly ageSeconds: number;
  readonly stale: boolean;
  readonly windowDays: number | null;
  readonly cutoff: string | null;
  readonly l2: number | null;
  readonly quality: PropensityQuality;
  readonly coefficients: readonly Coefficient[];
  /** Feature columns left out because nobody in training differed on them. */
  readonly droppedColumns: readonly string[];
}

export interface ContactPropensity {
  readonly family: string;
  readonly score: number;
  readonly windowDays: number | null;
  readonly modelVersion: number;
  readonly scoredAt: string;
  readonly holdoutAuc: number | null;
}

@Injectable()
export class PropensityReport {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROPENSITY_CONFIG) private readonly config: PropensityConfig,
  ) {}

  /** The newest fit of each modelled family, by family name. */
  async models(tenant: string): Promise<PropensityModelView[]> {
    const fits = await currentPropensityFits(this.pool, tenant);
    return fits.map((f) => this.view(f)).sort((a, b) => (a.family < b.family ? -1 : 1));
  }

  /** The family's stored scores, best first; `limit` omitted: every one. */
  scores(tenant: string, family: string, limit?: number): Promise<ScoreRow[]> {
    return readScores(this.pool, tenant, family, limit);
  }

  /** One contact's scores, one per family with a fitted model. */
  async forContact(tenant: string, contactId: string): Promise<ContactPropensity[]> {
    const [models, scores] = await Promise.all([
      this.models(tenant),
      readContactScores(this.pool, tenant, contactId),
    ]);
    const byFamily = new Map(models.map((m) => [m.family, m]));
    return scores.flatMap((s) => {
      const m = byFamily.get(s.family);
      if (!m || m.status !== 'fitted' || m.version !== s.modelVersion) return [];
      return [
        {
          family: s.family,
          score: s.score,
          windowDays: m.windowDays,
          modelVersion: s.modelVersion,
          scoredAt: s.scoredAt,
          holdoutAuc: m.quality.holdout?.auc ?? null,
        },
      ];
    });
  }

  private view(f: StoredPropensityFit): PropensityModelView {
    const ageMs = Math.max(0, this.clock.now().getTime() - f.fittedAt.getTime());
    const p = f.parameters;
    return {
      family: f.family,
      version: f.version,
      status: f.status,
      reason: f.reason,
      fittedAt: f.fittedAt.toISOString(),
      dataUpTo: f.dataUpTo?.toISOString() ?? null,
      ageSeconds: Math.floor(ageMs / 1000),
      stale: ageMs > 2 * this.config.fitIntervalMs,
      windowDays: p?.windowDays ?? null,
      cutoff: p?.cutoff ?? null,
      l2: p?.l2 ?? null,
      quality: f.quality,
      coefficients: p?.model.fit.coefficients ?? [],
      droppedColumns: p?.model.encoding.dropped ?? [],
    };
  }
}
