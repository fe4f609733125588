/**
 * What an imported order is, as a hash: the same external id imported again with the same
 * content is a duplicate (nothing appended), with other content a conflict. Taken over the
 * order as decided (resolved product ids, prices in minor units, instants normalised), so the
 * same order written as CSV rows or as JSON, with a sku or a product id, is the same order.
 */
import { createHash } from 'node:crypto';
import type { ImportOrder } from './order.commands';

export function importedOrderFingerprint(d: ImportOrder['data']): string {
  const canonical = {
    externalId: d.externalId,
    contactId: d.contactId ?? null,
    companyId: d.companyId ?? null,
    ownerId: d.ownerId ?? null,
    currency: d.currency,
    taxRateBps: d.taxRateBps,
    discountBps: d.discountBps ?? 0,
    placedAt: d.placedAt,
    outcome: d.outcome,
    lines: d.lines.map((l) => ({
      lineId: l.lineId,
      productId: l.productId,
      optionIds: (l.options ?? []).map((o) => o.optionId),
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      discountBps: l.discountBps,
    })),
  };
  return createHash('sha256').update(stableJson(canonical)).digest('hex');
}

/** JSON with object keys sorted, so member order never changes the hash. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
