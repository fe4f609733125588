/**
 * customer_stats rows as the lifetime-value models' inputs, in weeks (the unit of the BG/NBD
 * literature): x = repeat purchase days, t_x = recency days / 7, T = (observation day - first
 * purchase day) / 7, m̄ = average repeat-day value in minor units. Pure: the observation end is
 * passed in (the fit's clock, or the request's).
 */
import type { Pool } from 'pg';
import type { PurchaseSummary, SpendSummary } from '../models/clv';
import { S } from '../infrastructure/schema';

export const DAYS_PER_WEEK = 7;
/** Weeks per month for CLV's monthly discounting (365.25 / 12 / 7). */
export const WEEKS_PER_MONTH = 4.348;
const DAY_MS = 86_400_000;

export interface CustomerPurchases {
  readonly contactId: string;
  readonly currency: string | null;
  readonly firstPurchaseAt: Date;
  readonly lastPurchaseAt: Date;
  readonly repeatPurchases: number;
  readonly recencyDays: number;
  readonly averageRepeatDayMinor: number;
}

export interface ModelInput extends PurchaseSummary, SpendSummary {
  readonly contactId: string;
  readonly currency: string | null;
}

const utcDay = (d: Date) => Math.floor(d.getTime() / DAY_MS);

/** The summary of one customer at the end of `observedOn` (a customer first seen later is left out). */
export function modelInput(c: CustomerPurchases, observedOn: Date): ModelInput | undefined {
  const ageDays = utcDay(observedOn) - utcDay(c.firstPurchaseAt);
  if (ageDays < 0) return undefined;
  return {
    contactId: c.contactId,
    currency: c.currency,
    frequency: c.repeatPurchases,
    recency: Math.min(c.recencyDays, ageDays) / DAYS_PER_WEEK,
    age: ageDays / DAYS_PER_WEEK,
    averageValue: c.repeatPurchases > 0 ? c.averageRepeatDayMinor : 0,
  };
}

export function modelInputs(
  customers: readonly CustomerPurchases[],
  observedOn: Date,
): ModelInput[] {
  return customers.flatMap((c) => modelInput(c, observedOn) ?? []);
}

/** Every customer of the tenant with a standing purchase, by contact id. */
export async function readCustomerPurchases(
  pool: Pick<Pool, 'query'>,
  tenant: string,
  contactId?: string,
): Promise<CustomerPurchases[]> {
  const { rows } = await pool.query(
    `SELECT contact_id, currency, first_purchase_at, last_purchase_at, repeat_purchases,
            recency_days, average_repeat_day_minor
       FROM ${S}.customer_stats
      WHERE tenant = $1 AND first_purchase_at IS NOT NULL AND ($2::text IS NULL OR contact_id = $2)
      ORDER BY contact_id`,
    [tenant, contactId ?? null],
  );
  return rows.map((r) => ({
    contactId: r.contact_id,
    currency: r.currency,
    firstPurchaseAt: r.first_purchase_at,
    lastPurchaseAt: r.last_purchase_at,
    repeatPurchases: r.repeat_purchases,
    recencyDays: r.recency_days ?? 0,
    averageRepeatDayMinor: Number(r.average_repeat_day_minor ?? 0),
  }));
}
