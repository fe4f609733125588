/**
 * Reads of the stored basket fit for the reports: the rules (filtered, sorted, limited), one
 * product's "bought together" (rules whose antecedent is that product alone) and the fit itself
 * with its age. Product rules carry the products' names where the catalogue has them.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, PG_POOL, type Clock } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';
import { BASKET_CONFIG, type BasketConfig } from './basket.config';
import type { RuleSort } from './basket.dto';
import { currentBasketFit, type StoredBasketFit } from './basket-fits.store';
import type { BasketLevel } from './basket-outputs.store';

export interface RuleFilter {
  readonly minSupport: number;
  readonly minConfidence: number;
  readonly minLift: number;
  readonly limit: number;
}

export interface RuleRow {
  readonly rank: number;
  /** "{a, b} => {c}", with product names at product level. */
  readonly rule: string;
  readonly antecedent: string[];
  readonly consequent: string;
  readonly count: number;
  readonly support: number;
  readonly confidence: number;
  readonly coverage: number;
  readonly lift: number;
  readonly leverage: number;
  /** null: the rule never fails (infinite conviction). */
  readonly conviction: number | null;
  /** For the chart's colour. */
  readonly liftBand: string;
}

export interface FitView extends StoredBasketFit {
  readonly ageSeconds: number;
  /** Older than twice the fit interval: the job has not run (or failed) since. */
  readonly stale: boolean;
}

/** Lift bands of the chart, low to high: below 1 the antecedent makes the consequent rarer. */
export const LIFT_BANDS = ['lift < 1', 'lift 1-1.5', 'lift 1.5-3', 'lift >= 3'] as const;

function liftBand(lift: number): string {
  if (lift < 1) return LIFT_BANDS[0];
  if (lift < 1.5) return LIFT_BANDS[1];
  if (lift < 3) return LIFT_BANDS[2];
  return LIFT_BANDS[3];
}

// Highest first; `rank` (the rules' own order) breaks ties. Never interpolated from input.
const ORDER: Record<RuleSort, string> = {
  lift: 'r.rank',
  confidence: 'r.confidence DESC, r.rank',
  support: 'r.support DESC, r.rank',
  conviction: 'r.conviction DESC NULLS FIRST, r.rank',
  leverage: 'r.leverage DESC, r.rank',
  count: 'r.count DESC, r.rank',
};

@Injectable()
export class BasketReport {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BASKET_CONFIG) private readonly config: BasketConfig,
  ) {}

  async fit(tenant: string): Promise<FitView | undefined> {
    const fit = await currentBasketFit(this.pool, tenant);
    if (!fit) return undefined;
    const ageMs = Math.max(0, this.clock.now().getTime() - fit.fittedAt.getTime());
    return {
      ...fit,
      ageSeconds: Math.floor(ageMs / 1000),
      stale: ageMs > 2 * this.config.fitIntervalMs,
    };
  }

  rules(
    tenant: string,
    level: BasketLevel,
    filter: RuleFilter,
    sort: RuleSort,
  ): Promise<RuleRow[]> {
    return this.query(tenant, level, filter, ORDER[sort], null);
  }

  /** Rules {product} => y, in the rules' order. */
  boughtTogether(tenant: string, productId: string, filter: RuleFilter): Promise<RuleRow[]> {
    return this.query(tenant, 'product', filter, ORDER.lift, productId);
  }

  /** Whether analytics has heard of the product (catalogue or an order line). */
  async knowsProduct(tenant: string, productId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM ${S}.products WHERE tenant = $1 AND product_id = $2
       UNION ALL
       SELECT 1 FROM ${S}.order_lines WHERE tenant = $1 AND product_id = $2
       LIMIT 1`,
      [tenant, productId],
    );
    return (rowCount ?? 0) > 0;
  }

  private async query(
    tenant: string,
    level: BasketLevel,
    filter: RuleFilter,
    order: string,
    soleAntecedent: string | null,
  ): Promise<RuleRow[]> {
    const { rows } = await this.pool.query(
      `SELECT r.rank, r.antecedent, r.consequent, r.count, r.support, r.confidence, r.coverage,
              r.lift, r.leverage, r.conviction
         FROM ${S}.basket_rules r
        WHERE r.tenant = $1 AND r.level = $2
          AND r.support >= $3 AND r.confidence >= $4 AND r.lift >= $5
          AND ($7::text IS NULL OR (cardinality(r.antecedent) = 1 AND r.antecedent[1] = $7))
        ORDER BY ${order}
        LIMIT $6`,
      [
        tenant,
        level,
        filter.minSupport,
        filter.minConfidence,
        filter.minLift,
        filter.limit,
        soleAntecedent,
      ],
    );
    const names = level === 'product' ? await this.productNames(tenant, rows) : new Map();
    const label = (id: string) => names.get(id) ?? id;
    return rows.map((r) => ({
      rank: r.rank,
      rule: `{${(r.antecedent as string[]).map(label).join(', ')}} => {${label(r.consequent)}}`,
      antecedent: r.antecedent,
      consequent: r.consequent,
      count: r.count,
      support: r.support,
      confidence: r.confidence,
      coverage: r.coverage,
      lift: r.lift,
      leverage: r.leverage,
      conviction: r.conviction,
      liftBand: liftBand(r.lift),
    }));
  }

  private async productNames(
    tenant: string,
    rules: readonly { antecedent: string[]; consequent: string }[],
  ): Promise<Map<string, string>> {
    const ids = [...new Set(rules.flatMap((r) => [...r.antecedent, r.consequent]))];
    if (ids.length === 0) return new Map();
    const { rows } = await this.pool.query<{ product_id: string; name: string }>(
      `SELECT product_id, name FROM ${S}.products
        WHERE tenant = $1 AND product_id = ANY($2::text[]) AND name IS NOT NULL`,
      [tenant, ids],
    );
    return new Map(rows.map((r) => [r.product_id, r.name]));
  }
}
