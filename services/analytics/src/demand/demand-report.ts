/**
 * The demand report of one series from the newest stored fit: the monthly history, the forecast
 * for `horizon` months from the stored final states (no refit on a request), the prediction
 * interval and the backtest error; or, with no series asked for, the list of series with their
 * models. Quantities cannot be negative, so interval bounds are cut at 0 (said in the answer).
 */
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, PG_POOL, type Clock } from '@crm/platform';
import type { Pool } from 'pg';
import { forecastHoltWinters, monthLabel } from '../models/demand';
import { DEMAND_CONFIG, type DemandConfig } from './demand.config';
import type { StoredSeries } from './demand-fit';
import { currentDemandFit, type StoredDemandFit } from './demand-fits.store';

export const PREDICTION_LEVEL = 0.95;

export interface DemandRow {
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly actual: number | null;
  readonly forecast: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface SeriesSummary {
  readonly series: string;
  readonly type: 'product' | 'price-band';
  readonly productId: string | null;
  readonly priceBand: string | null;
  readonly label: string;
  readonly months: number;
  readonly status: string;
  readonly model: string | null;
  readonly mape: number | null;
}

export interface FitInfo {
  readonly version: number;
  readonly status: string;
  readonly reason: string | null;
  readonly fittedAt: string;
  readonly dataUpTo: string | null;
  readonly lastMonth: string | null;
  readonly ageSeconds: number;
  readonly stale: boolean;
  readonly quality: StoredDemandFit['quality'];
}

export type SeriesSelector = { productId: string } | { priceBand: string };

@Injectable()
export class DemandReport {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEMAND_CONFIG) private readonly config: DemandConfig,
  ) {}

  async fit(tenant: string): Promise<{ info: FitInfo; stored: StoredDemandFit } | undefined> {
    const stored = await currentDemandFit(this.pool, tenant);
    if (!stored) return undefined;
    const ageMs = Math.max(0, this.clock.now().getTime() - stored.fittedAt.getTime());
    return {
      stored,
      info: {
        version: stored.version,
        status: stored.status,
        reason: stored.reason,
        fittedAt: stored.fittedAt.toISOString(),
        dataUpTo: stored.dataUpTo?.toISOString() ?? null,
        lastMonth: stored.parameters?.lastMonth ?? null,
        ageSeconds: Math.round(ageMs / 1000),
        stale: ageMs > 2 * this.config.fitIntervalMs,
        quality: stored.quality,
      },
    };
  }

  /** Every series of the fit with its model and backtest MAPE. */
  summaries(stored: StoredDemandFit): SeriesSummary[] {
    return (stored.parameters?.series ?? []).map((s) => ({
      series: seriesId(s),
      type: s.key.type,
      productId: s.key.type === 'product' ? s.key.productId : null,
      priceBand: s.key.type === 'price-band' ? s.key.priceBand : null,
      label: seriesLabel(s),
      months: s.months.length,
      status: s.status,
      model: s.status === 'fitted' ? s.model.name : null,
      mape:
        s.status === 'fitted' && s.backtest.kind === 'backtested'
          ? (s.backtest.mape ?? null)
          : null,
    }));
  }

  find(stored: StoredDemandFit, selector: SeriesSelector): StoredSeries | undefined {
    return stored.parameters?.series.find((s) =>
      'productId' in selector
        ? s.key.type === 'product' && s.key.productId === selector.productId
        : s.key.type === 'price-band' && s.key.priceBand === selector.priceBand,
    );
  }

  /** History then `horizon` forecast months (none when the series could not be fitted). */
  rows(series: StoredSeries, horizon: number): DemandRow[] {
    const history: DemandRow[] = series.months.map((month, i) => ({
      month,
      actual: series.quantities[i],
      forecast: null,
      lower: null,
      upper: null,
    }));
    if (series.status !== 'fitted' || series.months.length === 0) return history;
    const last = monthNumber(series.months[series.months.length - 1]);
    const future = forecastHoltWinters(series.fit, horizon, PREDICTION_LEVEL).map((p) => ({
      month: monthLabel(last + p.step),
      actual: null,
      forecast: round(Math.max(0, p.mean)),
      lower: round(Math.max(0, p.lower)),
      upper: round(Math.max(0, p.upper)),
    }));
    return [...history, ...future];
  }
}

export function seriesId(s: StoredSeries): string {
  return s.key.type === 'product' ? `product:${s.key.productId}` : `price-band:${s.key.priceBand}`;
}

export function seriesLabel(s: StoredSeries): string {
  return s.key.type === 'product' ? `product ${s.key.productId}` : `price band ${s.key.band.label}`;
}

function monthNumber(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** Units to 2 decimals: a forecast quantity is not exact beyond that. */
function round(x: number): number {
  return Math.round(x * 100) / 100;
}
