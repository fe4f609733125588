/**
 * The monthly series the demand forecast fits: quantities of standing order lines (orders not
 * cancelled or returned) per product and per price band, by UTC calendar month, up to the last
 * complete month before the fit. Price bands are cut per currency (money is never converted) at
 * the quartiles of the unit prices of those lines (`priceBands`, Hyndman & Fan type 7).
 */
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/schema';
import { monthlySeries, priceBandOf, priceBands, type PriceBand } from '../models/demand';

/** Quartile bands: four price segments with about the same number of lines each. */
export const PRICE_BAND_COUNT = 4;

/** A month's sales of one product at one unit price. */
export interface SalesRow {
  readonly productId: string;
  readonly currency: string;
  readonly unitPriceMinor: number;
  /** 'YYYY-MM' (UTC). */
  readonly month: string;
  readonly quantity: number;
  /** Order lines behind the quantity (the weight of the price in the band quantiles). */
  readonly lines: number;
}

export type SeriesKey =
  | { readonly type: 'product'; readonly productId: string }
  | {
      readonly type: 'price-band';
      /** `EUR-2`: the currency and the 1-based band, cheapest first. */
      readonly priceBand: string;
      readonly currency: string;
      readonly band: PriceBand;
    };

export interface DemandSeries {
  readonly key: SeriesKey;
  readonly months: string[];
  readonly quantities: number[];
}

/** `EUR-2` for band 2 of EUR. */
export const priceBandId = (currency: string, band: number) => `${currency}-${band}`;

/** The tenant's standing sales by product, currency, unit price and UTC month, up to `lastMonth`. */
export async function readSales(
  client: Pick<PoolClient, 'query'>,
  tenant: string,
  lastMonth: string,
): Promise<SalesRow[]> {
  const { rows } = await client.query<{
    product_id: string;
    currency: string | null;
    unit_price_minor: string | null;
    month: string;
    quantity: string;
    lines: string;
  }>(
    `SELECT product_id, currency, unit_price_minor,
            to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
            sum(quantity) AS quantity, count(*) AS lines
       FROM ${S}.order_lines
      WHERE tenant = $1 AND status = 'placed' AND placed_at IS NOT NULL AND quantity > 0
        AND to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM') <= $2
      GROUP BY product_id, currency, unit_price_minor, month
      ORDER BY product_id, month`,
    [tenant, lastMonth],
  );
  return rows.map((r) => ({
    productId: r.product_id,
    currency: r.currency ?? 'XXX',
    unitPriceMinor: r.unit_price_minor === null ? NaN : Number(r.unit_price_minor),
    month: r.month,
    quantity: Number(r.quantity),
    lines: Number(r.lines),
  }));
}

/**
 * Every product's series (from its first month with a sale) and every price band's (from the
 * band's first sale), each running to `lastMonth` with 0 for months without sales.
 */
export function demandSeries(sales: readonly SalesRow[], lastMonth: string): DemandSeries[] {
  const out: DemandSeries[] = [];
  const byProduct = groupBy(sales, (r) => r.productId);
  for (const [productId, rows] of [...byProduct].sort(([a], [b]) => a.localeCompare(b))) {
    out.push({ key: { type: 'product', productId }, ...monthly(rows, lastMonth) });
  }
  const byCurrency = groupBy(
    sales.filter((r) => Number.isFinite(r.unitPriceMinor)),
    (r) => r.currency,
  );
  for (const [currency, rows] of [...byCurrency].sort(([a], [b]) => a.localeCompare(b))) {
    const bands = priceBands(
      rows.flatMap((r) => Array<number>(r.lines).fill(r.unitPriceMinor)),
      PRICE_BAND_COUNT,
    );
    const byBand = groupBy(rows, (r) => String(priceBandOf(bands, r.unitPriceMinor)));
    for (const band of bands) {
      const inBand = byBand.get(String(band.band));
      if (!inBand) continue;
      out.push({
        key: {
          type: 'price-band',
          priceBand: priceBandId(currency, band.band),
          currency,
          band: { ...band, label: `${currency} ${bandLabel(band, bands.length)}` },
        },
        ...monthly(inBand, lastMonth),
      });
    }
  }
  return out;
}

function monthly(rows: readonly SalesRow[], lastMonth: string) {
  const series = monthlySeries(
    rows.map((r) => ({ date: `${r.month}-01`, quantity: r.quantity })),
    { to: lastMonth },
  );
  return { months: series.months, quantities: series.quantities };
}

/** Prices in major units, half-open except the last band. */
function bandLabel(band: PriceBand, count: number): string {
  const major = (minor: number) => (minor / 100).toFixed(2);
  return band.band === count
    ? `${major(band.lower)}–${major(band.upper)}`
    : `${major(band.lower)}–<${major(band.upper)}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
