/**
 * Reliability from resolved cases with a failure resolution code: failures per asset and per
 * product, mean time between failures (operating days over failures), repeat repairs (a failure
 * soon after the previous one on the same asset), and the rule that flags an asset for an
 * upgrade offer. Pure: the caller brings the assets and their failures.
 */
import type { CalendarDate } from '@crm/values';
import { daysBetween } from '../shared/calendar-days';

export interface FailureRecord {
  readonly caseId: string;
  readonly assetId: string;
  readonly productId: string;
  /** The day the failure case was resolved. */
  readonly on: CalendarDate;
  /** What the repair cost (minor units of the tenant's currency); absent under warranty if unknown. */
  readonly repairCostMinor?: number;
}

export interface AssetLife {
  readonly assetId: string;
  readonly productId: string;
  readonly deliveredOn: CalendarDate;
  readonly retiredOn?: CalendarDate;
}

/** Days in service up to `asOf` (or the retirement), never negative. */
export function operatingDays(asset: AssetLife, asOf: CalendarDate): number {
  const end = asset.retiredOn !== undefined && asset.retiredOn < asOf ? asset.retiredOn : asOf;
  return Math.max(0, daysBetween(asset.deliveredOn, end));
}

export function countBy(
  failures: readonly FailureRecord[],
  key: 'assetId' | 'productId',
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const failure of failures) counts.set(failure[key], (counts.get(failure[key]) ?? 0) + 1);
  return counts;
}

/** Operating days per failure; undefined without failures (an MTBF of "infinite" is not a number to show). */
export function mtbfDays(
  assets: readonly AssetLife[],
  failures: readonly FailureRecord[],
  asOf: CalendarDate,
): number | undefined {
  const ids = new Set(assets.map((a) => a.assetId));
  const count = failures.filter((f) => ids.has(f.assetId) && f.on <= asOf).length;
  if (count === 0) return undefined;
  return assets.reduce((days, asset) => days + operatingDays(asset, asOf), 0) / count;
}

export interface ProductReliability {
  readonly productId: string;
  readonly assets: number;
  readonly failures: number;
  readonly mtbfDays?: number;
  readonly repeatRepairs: number;
}

export interface RepeatRepair {
  readonly assetId: string;
  readonly previousCaseId: string;
  readonly caseId: string;
  readonly daysApart: number;
}

/** Each failure within `withinDays` of the previous failure on the same asset: the repair did not last. */
export function repeatRepairs(
  failures: readonly FailureRecord[],
  withinDays: number,
): RepeatRepair[] {
  const byAsset = new Map<string, FailureRecord[]>();
  for (const f of failures) byAsset.set(f.assetId, [...(byAsset.get(f.assetId) ?? []), f]);
  const repeats: RepeatRepair[] = [];
  for (const [assetId, list] of byAsset) {
    const sorted = [...list].sort((a, b) =>
      a.on < b.on ? -1 : a.on > b.on ? 1 : a.caseId.localeCompare(b.caseId),
    );
    for (let i = 1; i < sorted.length; i++) {
      const daysApart = daysBetween(sorted[i - 1].on, sorted[i].on);
      if (daysApart <= withinDays)
        repeats.push({
          assetId,
          previousCaseId: sorted[i - 1].caseId,
          caseId: sorted[i].caseId,
          daysApart,
        });
    }
  }
  return repeats.sort(
    (a, b) => a.assetId.localeCompare(b.assetId) || a.caseId.localeCompare(b.caseId),
  );
}

/** The reliability report per product, worst MTBF first (products without failures last). */
export function productReliability(
  assets: readonly AssetLife[],
  failures: readonly FailureRecord[],
  asOf: CalendarDate,
  repeatWithinDays: number,
): ProductReliability[] {
  const products = [...new Set(assets.map((a) => a.productId))];
  return products
    .map((productId) => {
      const own = assets.filter((a) => a.productId === productId);
      const ownFailures = failures.filter((f) => f.productId === productId && f.on <= asOf);
      const mtbf = mtbfDays(own, ownFailures, asOf);
      return {
        productId,
        assets: own.length,
        failures: ownFailures.length,
        ...(mtbf !== undefined ? { mtbfDays: mtbf } : {}),
        repeatRepairs: repeatRepairs(ownFailures, repeatWithinDays).length,
      };
    })
    .sort(
      (a, b) =>
        (a.mtbfDays ?? Infinity) - (b.mtbfDays ?? Infinity) ||
        a.productId.localeCompare(b.productId),
    );
}

/** When an asset is worth offering a newer one instead of more repairs. */
export interface UpgradeRule {
  /** This many failures within `windowDays`... */
  readonly maxFailures: number;
  readonly windowDays: number;
  /** ...or repair costs over the asset's life reaching this share of the replacement price (basis points). */
  readonly maxRepairCostBasisPoints: number;
}

export const DEFAULT_UPGRADE_RULE: UpgradeRule = {
  maxFailures: 3,
  windowDays: 365,
  maxRepairCostBasisPoints: 5000,
};

export type UpgradeReason = 'failures' | 'repair_costs';

export interface UpgradeVerdict {
  readonly suggest: boolean;
  readonly reasons: readonly UpgradeReason[];
  readonly recentFailures: number;
  readonly repairCostMinor: number;
}

/** Reaching either threshold suggests the upgrade; a retired asset never is. */
export function upgradeSuggestion(
  asset: AssetLife,
  failures: readonly FailureRecord[],
  replacementPriceMinor: number | undefined,
  rule: UpgradeRule,
  asOf: CalendarDate,
): UpgradeVerdict {
  const own = failures.filter((f) => f.assetId === asset.assetId && f.on <= asOf);
  const recentFailures = own.filter((f) => daysBetween(f.on, asOf) < rule.windowDays).length;
  const repairCostMinor = own.reduce((sum, f) => sum + (f.repairCostMinor ?? 0), 0);
  const reasons: UpgradeReason[] = [];
  if (asset.retiredOn === undefined || asset.retiredOn > asOf) {
    if (recentFailures >= rule.maxFailures) reasons.push('failures');
    // Integer maths: cost / price >= bp / 10_000 without rounding.
    if (
      replacementPriceMinor !== undefined &&
      replacementPriceMinor > 0 &&
      repairCostMinor * 10_000 >= replacementPriceMinor * rule.maxRepairCostBasisPoints
    )
      reasons.push('repair_costs');
  }
  return { suggest: reasons.length > 0, reasons, recentFailures, repairCostMinor };
}
