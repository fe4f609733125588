/**
 * Lifetime value from the current stored fit (never fitted here): per customer P(alive), expected
 * purchases in the next `weeks`, expected value per purchase and CLV over `months` discounted at
 * `discountRate` a month, each customer observed up to today (the request's clock). Keyset pages
 * by CLV descending, then contact id.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, PG_POOL, type Clock } from '@crm/platform';
import type { Pool } from 'pg';
import {
  calibrationHoldout,
  conditionalExpectedAverageValue,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  probabilityAlive,
  type CalibrationHoldout,
} from '../models/clv';
import { S } from '../infrastructure/schema';
import { CUSTOMER_VALUE_CONFIG, type CustomerValueConfig } from './customer-value.config';
import { LIFETIME_VALUE_KIND, type LifetimeValueParameters } from './lifetime-value-fit';
import { currentFit, type StoredFit } from './model-fits.store';
import {
  modelInput,
  readCustomerPurchases,
  WEEKS_PER_MONTH,
  type CustomerPurchases,
} from './purchase-inputs';

export interface ValueOptions {
  readonly weeks: number;
  readonly months: number;
  readonly discountRate: number;
}

export interface CustomerValue {
  readonly contactId: string;
  readonly currency: string | null;
  readonly frequency: number;
  readonly recencyWeeks: number;
  readonly ageWeeks: number;
  readonly probabilityAlive: number;
  readonly expectedPurchases: number;
  readonly expectedValuePerPurchaseMinor: number | null;
  readonly clvMinor: number | null;
}

export interface FitView {
  readonly version: number;
  readonly status: string;
  readonly reason: string | null;
  readonly fittedAt: string;
  readonly dataUpTo: string | null;
  readonly ageSeconds: number;
  readonly stale: boolean;
  readonly parameters: LifetimeValueParameters | null;
  readonly quality: StoredFit['quality'];
}

/** Pure: one customer's values under the fit's parameters, observed on `now`. */
export function customerValue(
  params: LifetimeValueParameters,
  customer: CustomerPurchases,
  now: Date,
  options: ValueOptions,
): CustomerValue | undefined {
  const s = modelInput(customer, now);
  if (!s) return undefined;
  const perPurchase = conditionalExpectedAverageValue(params.gammaGamma, s);
  return {
    contactId: s.contactId,
    currency: s.currency,
    frequency: s.frequency,
    recencyWeeks: s.recency,
    ageWeeks: s.age,
    probabilityAlive: probabilityAlive(params.bgNbd, s),
    expectedPurchases: conditionalExpectedPurchases(params.bgNbd, s, options.weeks),
    expectedValuePerPurchaseMinor: perPurchase,
    clvMinor:
      perPurchase === null
        ? null
        : customerLifetimeValue(params.bgNbd, s, perPurchase, {
            months: options.months,
            monthlyDiscountRate: options.discountRate,
            timeUnitsPerMonth: WEEKS_PER_MONTH,
          }),
  };
}

/** CLV descending (unknown last), then contact id: the keyset order. */
export function byValue(a: CustomerValue, b: CustomerValue): number {
  const va = a.clvMinor ?? -Infinity;
  const vb = b.clvMinor ?? -Infinity;
  return va !== vb ? vb - va : a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0;
}

export interface Cursor {
  readonly clvMinor: number | null;
  readonly contactId: string;
}

export const encodeCursor = (c: CustomerValue): string =>
  Buffer.from(JSON.stringify([c.clvMinor, c.contactId])).toString('base64url');

@Injectable()
export class LifetimeValueReport {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CUSTOMER_VALUE_CONFIG) private readonly config: CustomerValueConfig,
  ) {}

  async fit(tenant: string): Promise<FitView | undefined> {
    const fit = await currentFit(this.pool, tenant, LIFETIME_VALUE_KIND);
    if (!fit) return undefined;
    const ageMs = Math.max(0, this.clock.now().getTime() - fit.fittedAt.getTime());
    return {
      version: fit.version,
      status: fit.status,
      reason: fit.reason,
      fittedAt: fit.fittedAt.toISOString(),
      dataUpTo: fit.dataUpTo?.toISOString() ?? null,
      ageSeconds: Math.floor(ageMs / 1000),
      stale: ageMs > 2 * this.config.fitIntervalMs,
      parameters: fit.parameters,
      quality: fit.quality,
    };
  }

  /** Every customer's values in keyset order, or only `contactId`'s. */
  async values(
    tenant: string,
    params: LifetimeValueParameters,
    options: ValueOptions,
    contactId?: string,
  ): Promise<CustomerValue[]> {
    const now = this.clock.now();
    const customers = await readCustomerPurchases(this.pool, tenant, contactId);
    return customers.flatMap((c) => customerValue(params, c, now, options) ?? []).sort(byValue);
  }

  /** A page after `after` (exclusive) in keyset order. */
  page(values: readonly CustomerValue[], after: Cursor | undefined, limit: number) {
    const start = after ? values.findIndex((v) => byValue(v, { ...v, ...after }) > 0) : 0;
    const rows = start < 0 ? [] : values.slice(start, start + limit);
    const more = start >= 0 && start + limit < values.length;
    return { rows, nextCursor: more ? encodeCursor(rows[rows.length - 1]) : null };
  }

  /** Expected vs actual repeat purchases after `calibrationEnd` (to today) per calibration frequency. */
  async calibration(tenant: string, calibrationEnd: string): Promise<CalibrationHoldout> {
    const { rows } = await this.pool.query(
      `SELECT contact_id, to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, total_minor
         FROM ${S}.orders WHERE tenant = $1 AND status = 'placed' AND contact_id IS NOT NULL`,
      [tenant],
    );
    return calibrationHoldout(
      rows.map((r) => ({ customerId: r.contact_id, date: r.day, value: Number(r.total_minor) })),
      { calibrationEnd, holdoutEnd: this.clock.now().toISOString().slice(0, 10) },
    );
  }
}
