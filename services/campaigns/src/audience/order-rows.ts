/**
 * An order as the audience keeps it (audience_orders and audience_order_lines), from
 * `order.placed` or the order state topic: what rules on purchase history ask about (product,
 * family, options, amounts, dates), nothing else. Money in minor units of the order's currency;
 * events published before the minor-unit members existed carry only the v1 decimal form, which
 * is converted here with the currency's ISO 4217 exponent.
 */
import type { OrderPlacedV1 } from '@crm/contracts';
import { minorUnitsOfDecimal } from '@crm/values';

/**
 * 'placed' is a standing sale (sales' placed and fulfilled); cancelled and returned orders no
 * longer count (see purchase-summary.ts).
 */
export type AudienceOrderStatus = 'placed' | 'cancelled' | 'returned';

export interface OrderRow {
  readonly orderId: string;
  readonly contactId: string | null;
  readonly totalMinor: number | null;
  readonly currency: string | null;
  readonly placedAt: string;
  readonly status: AudienceOrderStatus;
}

export interface OrderLineRow {
  readonly lineNo: number;
  readonly productId: string;
  readonly sku: string;
  readonly name: string | null;
  /** The selected option ids (e.g. `automatic`), what "holds an option" rules test. */
  readonly options: readonly string[];
  readonly quantity: number;
  readonly netMinor: number | null;
}

export interface AudienceOrder {
  readonly order: OrderRow;
  readonly lines: readonly OrderLineRow[];
}

/** The order state's members campaigns reads (GET /orders/{id}). */
export interface OrderStateV1 {
  readonly id: string;
  readonly status: string;
  readonly contactId?: string;
  readonly currency: string;
  readonly placedAt: string;
  readonly totals: { readonly totalMinor: number };
  readonly version: number;
  readonly lines: readonly {
    readonly productId: string;
    readonly sku: string;
    readonly name?: string;
    readonly quantity: number;
    readonly unitPriceMinor: number;
    readonly grossMinor?: number;
    readonly discountMinor?: number;
    readonly netMinor?: number;
    readonly options?: readonly { readonly optionId: string }[];
  }[];
}

export function audienceOrderStatus(salesStatus: string): AudienceOrderStatus {
  if (salesStatus === 'cancelled' || salesStatus === 'returned') return salesStatus;
  return 'placed';
}

export function orderOfPlaced(d: OrderPlacedV1): AudienceOrder {
  const currency = d.currency ?? d.total.currency;
  return {
    order: {
      orderId: d.orderId,
      contactId: d.contactId ?? null,
      totalMinor: d.totals?.totalMinor ?? minorUnitsOfDecimal(d.total.amount, d.total.currency),
      currency,
      placedAt: d.placedAt,
      status: 'placed',
    },
    lines: d.lines.map((line, i) => ({
      lineNo: i + 1,
      productId: line.productId,
      sku: line.sku,
      name: line.name ?? null,
      options: optionIds(line.options),
      quantity: line.quantity,
      netMinor:
        line.netMinor ?? minorUnitsOfDecimal(line.lineTotal.amount, line.lineTotal.currency),
    })),
  };
}

export function orderOfState(s: OrderStateV1): AudienceOrder {
  return {
    order: {
      orderId: s.id,
      contactId: s.contactId ?? null,
      totalMinor: s.totals.totalMinor,
      currency: s.currency,
      placedAt: s.placedAt,
      status: audienceOrderStatus(s.status),
    },
    lines: s.lines.map((line, i) => ({
      lineNo: i + 1,
      productId: line.productId,
      sku: line.sku,
      name: line.name ?? null,
      options: optionIds(line.options),
      quantity: line.quantity,
      netMinor:
        line.netMinor ??
        (line.grossMinor ?? line.unitPriceMinor * line.quantity) - (line.discountMinor ?? 0),
    })),
  };
}

function optionIds(options: readonly Record<string, unknown>[] | null | undefined): string[] {
  return (options ?? []).flatMap((option) =>
    typeof option.optionId === 'string' ? [option.optionId] : [],
  );
}
