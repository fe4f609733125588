/** Reads of one customer's summary from the ingest tables (GET /customers/{contactId}). */
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, PG_POOL, type Clock } from '@crm/platform';
import type { Pool } from 'pg';
import { LifetimeValueReport } from '../customer-value/lifetime-value-report';
import { RfmReport } from '../customer-value/rfm-report';
import { PropensityReport } from '../propensity/propensity-report';
import { offersOf } from '../basket/basket-outputs.store';
import { S } from '../infrastructure/schema';
import { ageBandOn } from './age-band';
import type { CustomerSummaryDto } from './customers.dto';

type Row = Record<string, any>;

const DAY_MS = 86_400_000;

export type CustomerLookup =
  | { readonly found: true; readonly summary: CustomerSummaryDto }
  | { readonly found: false; readonly erased: boolean };

@Injectable()
export class CustomerQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly lifetimeValue: LifetimeValueReport,
    private readonly rfm: RfmReport,
    private readonly propensity: PropensityReport,
  ) {}

  async summary(tenant: string, contactId: string): Promise<CustomerLookup> {
    const key = [tenant, contactId];
    const [customer, stats, mark] = await Promise.all([
      this.one(
        `SELECT lifecycle_stage, status, gender, to_char(birth_date, 'YYYY-MM-DD') AS birth_day, age_band,
                income_band, registered_at FROM ${S}.customers WHERE tenant = $1 AND contact_id = $2`,
        key,
      ),
      this.one(`SELECT * FROM ${S}.customer_stats WHERE tenant = $1 AND contact_id = $2`, key),
      this.one(
        `SELECT gone, merged_into FROM ${S}.record_marks WHERE tenant = $1 AND kind = 'contact' AND record_id = $2`,
        key,
      ),
    ]);
    if (mark?.gone) return { found: false, erased: !mark.merged_into };
    if (!customer && !stats) return { found: false, erased: false };
    const now = this.clock.now();
    const products = stats?.products_held?.length
      ? await this.products(tenant, stats.products_held)
      : [];
    const first = stats?.first_purchase_at as Date | null | undefined;
    const ageBand =
      customer?.age_band ??
      (customer?.birth_day ? ageBandOn(customer.birth_day, now.toISOString().slice(0, 10)) : null);
    return {
      found: true,
      summary: {
        contactId,
        ...present({
          lifecycleStage: customer?.lifecycle_stage,
          status: customer?.status,
          registeredAt: iso(customer?.registered_at),
        }),
        demographics: present({
          ageBand,
          gender: customer?.gender,
          incomeBand: customer?.income_band,
        }),
        purchases: {
          ordersCount: stats?.orders_count ?? 0,
          purchaseDays: stats?.purchase_days ?? 0,
          repeatPurchases: stats?.repeat_purchases ?? 0,
          totalSpentMinor: Number(stats?.total_spent_minor ?? 0),
          unitsBought: stats?.units_bought ?? 0,
          ...present({
            currency: stats?.currency,
            firstPurchaseAt: iso(first),
            lastPurchaseAt: iso(stats?.last_purchase_at),
            recencyDays: stats?.recency_days,
            ageDays: first
              ? Math.max(
                  0,
                  Math.floor(now.getTime() / DAY_MS) - Math.floor(first.getTime() / DAY_MS),
                )
              : null,
            averageOrderMinor: num(stats?.average_order_minor),
            averageRepeatDayMinor: num(stats?.average_repeat_day_minor),
          }),
        },
        holdings: { products, families: stats?.families_held ?? [] },
        engagement: {
          messagesSent: stats?.messages_sent ?? 0,
          messagesOpened: stats?.messages_opened ?? 0,
          messagesClicked: stats?.messages_clicked ?? 0,
          unsubscribes: stats?.unsubscribes ?? 0,
          ...present({ lastEngagedAt: iso(stats?.last_engaged_at) }),
        },
        ...(await this.models(tenant, contactId, now)),
        propensity: await this.propensity.forContact(tenant, contactId),
        recommendations: await this.recommendations(tenant, contactId),
      },
    };
  }

  /**
   * The model members: RFM as of today (quintiles over the tenant, no fit needed) and P(alive),
   * churn risk and CLV (12 months at 1 % a month) under the current stored fit, with its age.
   */
  private async models(tenant: string, contactId: string, now: Date) {
    const [fit, rfm] = await Promise.all([
      this.lifetimeValue.fit(tenant),
      this.rfm.at(tenant, now.toISOString().slice(0, 10)),
    ]);
    const scored =
      rfm.status === 'scored' ? rfm.customers.find((c) => c.customerId === contactId) : undefined;
    const [value] = fit?.parameters
      ? await this.lifetimeValue.values(
          tenant,
          fit.parameters,
          { weeks: 4, months: 12, discountRate: 0.01 },
          contactId,
        )
      : [];
    return {
      model: fit
        ? {
            status: fit.status as 'fitted' | 'insufficient-data',
            detail: fit.reason ?? `fit ${fit.version} of ${fit.fittedAt}`,
            version: fit.version,
            fittedAt: fit.fittedAt,
            ageSeconds: fit.ageSeconds,
            stale: fit.stale,
          }
        : { status: 'not-fitted' as const, detail: 'not fitted yet' },
      segment: scored?.segment ?? null,
      rfm: scored ? { r: scored.r, f: scored.f, m: scored.m } : null,
      probabilityAlive: value?.probabilityAlive ?? null,
      churnRisk: value ? 1 - value.probabilityAlive : null,
      clvMinor: value?.clvMinor ?? null,
    };
  }

  /** The basket fit's next best offers (product ids, best first); null before the first fit. */
  private async recommendations(tenant: string, contactId: string): Promise<string[] | null> {
    const fitted = await this.one(
      `SELECT 1 FROM ${S}.model_fits WHERE tenant = $1 AND kind = 'basket' LIMIT 1`,
      [tenant],
    );
    if (!fitted) return null;
    return (await offersOf(this.pool, tenant, contactId)).map((o) => o.productId);
  }

  private async products(tenant: string, ids: string[]) {
    const { rows } = await this.pool.query<Row>(
      `SELECT id AS product_id, p.sku, p.name, p.family
         FROM unnest($2::text[]) AS id
         LEFT JOIN ${S}.products p ON p.tenant = $1 AND p.product_id = id
        ORDER BY id`,
      [tenant, ids],
    );
    return rows.map((r) => ({
      productId: r.product_id as string,
      ...present({ sku: r.sku, name: r.name, family: r.family }),
    }));
  }

  private async one(sql: string, values: unknown[]): Promise<Row | undefined> {
    return (await this.pool.query<Row>(sql, values)).rows[0];
  }
}

/** The members that have a value (the API leaves unknown members out rather than null). */
function present<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== null && v !== undefined),
  ) as never;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : undefined);
const num = (v: unknown) => (v === null || v === undefined ? undefined : Number(v));
