/**
 * An order as analytics keeps it (orders, order_lines), from `order.placed` or the order state
 * topic: who bought what, how many, for how much and when. Money in minor units of the order's
 * currency; events published before the minor-unit members existed carry only the v1 decimal
 * form, converted with the currency's ISO 4217 exponent (@crm/values).
 */
import type { OrderPlacedV1 } from '@crm/contracts';
import { minorUnitsOfDecimal } from '@crm/values';

/** 'placed' is a standing sale (sales' placed and fulfilled); cancelled and returned are undone. */
export type OrderStatus = 'placed' | 'cancelled' | 'returned';

export interface OrderFacts {
  readonly orderId: string;
  readonly contactId: string | null;
  readonly companyId: string | null;
  readonly opportunityId: string | null;
  readonly currency: string;
  readonly totalMinor: number | null;
  readonly placedAt: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLineFacts[];
}

export interface OrderLineFacts {
  readonly lineNo: number;
  readonly productId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPriceMinor: number | null;
  readonly netMinor: number | null;
}

/** The members of the order state analytics reads (GET /orders/{id}). */
export interface OrderStateV1 {
  readonly id: string;
  readonly status: string;
  readonly contactId?: string;
  readonly companyId?: string;
  readonly opportunityId?: string;
  readonly currency: string;
  readonly placedAt: string;
  readonly totals: { readonly totalMinor: number };
  readonly version: number;
  readonly lines: readonly {
    readonly productId: string;
    readonly sku: string;
    readonly quantity: number;
    readonly unitPriceMinor: number;
    readonly grossMinor?: number;
    readonly discountMinor?: number;
    readonly netMinor?: number;
  }[];
}

export function orderStatusOf(salesStatus: string): OrderStatus {
  return salesStatus === 'cancelled' || salesStatus === 'returned' ? salesStatus : 'placed';
}

export function orderOfPlaced(d: OrderPlacedV1): OrderFacts {
  return {
    orderId: d.orderId,
    contactId: d.contactId ?? null,
    companyId: d.companyId ?? null,
    opportunityId: d.opportunityId ?? null,
    currency: d.currency ?? d.total.currency,
    totalMinor: d.totals?.totalMinor ?? minorUnitsOfDecimal(d.total.amount, d.total.currency),
    placedAt: d.placedAt,
    status: 'placed',
    lines: d.lines.map((line, i) => ({
      lineNo: i + 1,
      productId: line.productId,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor ?? null,
      netMinor:
        line.netMinor ?? minorUnitsOfDecimal(line.lineTotal.amount, line.lineTotal.currency),
    })),
  };
}

export function orderOfState(s: OrderStateV1): OrderFacts {
  return {
    orderId: s.id,
    contactId: s.contactId ?? null,
    companyId: s.companyId ?? null,
    opportunityId: s.opportunityId ?? null,
    currency: s.currency,
    totalMinor: s.totals.totalMinor,
    placedAt: s.placedAt,
    status: orderStatusOf(s.status),
    lines: s.lines.map((line, i) => ({
      lineNo: i + 1,
      productId: line.productId,
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      netMinor:
        line.netMinor ??
        (line.grossMinor ?? line.unitPriceMinor * line.quantity) - (line.discountMinor ?? 0),
    })),
  };
}
