/**
 * Totals of a quote or order, all in minor units (see money.ts):
 *   line gross    = unit price x quantity
 *   line net      = gross - round(gross x line discount)
 *   subtotal      = sum of line nets
 *   discount      = round(subtotal x overall discount)
 *   tax           = round((subtotal - discount) x tax rate)
 *   total         = subtotal - discount + tax
 * Rounding happens once per step, half away from zero, so every replica computes the same cents.
 */
import { applyBasisPoints, type BasisPoints, type MinorUnits, multiply, sum } from '@crm/values';

export interface PricedLineInput {
  readonly lineId: string;
  readonly quantity: number;
  readonly unitPriceMinor: MinorUnits;
  readonly discountBps: BasisPoints;
}

export interface LineTotals {
  readonly lineId: string;
  readonly grossMinor: MinorUnits;
  readonly discountMinor: MinorUnits;
  readonly netMinor: MinorUnits;
}

export interface Totals {
  readonly lines: LineTotals[];
  readonly subtotalMinor: MinorUnits;
  readonly discountMinor: MinorUnits;
  readonly taxMinor: MinorUnits;
  readonly totalMinor: MinorUnits;
}

export function computeTotals(
  lines: readonly PricedLineInput[],
  overallDiscountBps: BasisPoints,
  taxRateBps: BasisPoints,
): Totals {
  const lineTotals = lines.map((line) => {
    const grossMinor = multiply(line.unitPriceMinor, line.quantity);
    const discountMinor = applyBasisPoints(grossMinor, line.discountBps);
    return { lineId: line.lineId, grossMinor, discountMinor, netMinor: grossMinor - discountMinor };
  });
  const subtotalMinor = sum(lineTotals.map((l) => l.netMinor));
  const discountMinor = applyBasisPoints(subtotalMinor, overallDiscountBps);
  const taxMinor = applyBasisPoints(subtotalMinor - discountMinor, taxRateBps);
  return {
    lines: lineTotals,
    subtotalMinor,
    discountMinor,
    taxMinor,
    totalMinor: sum([subtotalMinor, -discountMinor, taxMinor]),
  };
}
