/**
 * Warranty of an asset on a given day: the product's terms from the delivery day (N months, the
 * last covered day is the day before the same date N months later), then each extended warranty
 * or service contract as its own period. Periods that touch count as one coverage, so the end
 * date shown is the end of the whole run the day falls in.
 */
import type { CalendarDate } from '@crm/values';
import { addDays, addMonths, daysBetween } from '../shared/calendar-days';

export interface CoveragePeriod {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

export type WarrantyStatus = 'in_warranty' | 'expired' | 'not_yet_delivered' | 'none' | 'retired';

export interface WarrantyOnDay {
  readonly status: WarrantyStatus;
  /** The last covered day of the coverage the day is in, or of the last one before it. */
  readonly endsOn?: CalendarDate;
}

/** `months` months of cover starting on `from` (24 months from 2026-01-31 ends on 2028-01-30). */
export function coverageOf(from: CalendarDate, months: number): CoveragePeriod | undefined {
  return months > 0 ? { from, to: addDays(addMonths(from, months), -1) } : undefined;
}

/** Where an extension starts: on its sale day, or right after the cover it extends, whichever is later. */
export function extensionStart(
  periods: readonly CoveragePeriod[],
  startsOn: CalendarDate,
): CalendarDate {
  const lastEnd = periods.reduce<CalendarDate | undefined>(
    (end, p) => (end === undefined || p.to > end ? p.to : end),
    undefined,
  );
  if (lastEnd === undefined || startsOn > lastEnd) return startsOn;
  return addDays(lastEnd, 1);
}

export function warrantyOn(
  asset: {
    readonly deliveredOn: CalendarDate;
    readonly coverage: readonly CoveragePeriod[];
    readonly retiredOn?: CalendarDate;
  },
  day: CalendarDate,
): WarrantyOnDay {
  if (asset.retiredOn !== undefined && day >= asset.retiredOn) return { status: 'retired' };
  if (day < asset.deliveredOn) return { status: 'not_yet_delivered' };
  const runs = contiguousRuns(asset.coverage);
  if (runs.length === 0) return { status: 'none' };
  const current = runs.find((run) => run.from <= day && day <= run.to);
  if (current) return { status: 'in_warranty', endsOn: current.to };
  const before = runs.filter((run) => run.to < day).pop();
  return { status: 'expired', ...(before ? { endsOn: before.to } : {}) };
}

/** Periods sorted and merged where they overlap or one starts the day after the other ends. */
function contiguousRuns(periods: readonly CoveragePeriod[]): CoveragePeriod[] {
  const sorted = [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const runs: CoveragePeriod[] = [];
  for (const period of sorted) {
    const last = runs[runs.length - 1];
    if (last && period.from <= addDays(last.to, 1)) {
      runs[runs.length - 1] = { from: last.from, to: period.to > last.to ? period.to : last.to };
    } else {
      runs.push(period);
    }
  }
  return runs;
}

/** How many days ahead "warranty ends soon" is announced, so campaigns can offer an extension. */
export const WARRANTY_NOTICE_DAYS = 30;

/**
 * The cover that ends within `noticeDays` of `today`, or undefined. Its `endsOn` is the key a
 * publisher announces once per asset: an extension moves the end, so the new end is announced
 * again in its turn, and a repeated run on the same day finds the same key.
 */
export function warrantyEndingSoon(
  asset: Parameters<typeof warrantyOn>[0],
  today: CalendarDate,
  noticeDays = WARRANTY_NOTICE_DAYS,
): { readonly endsOn: CalendarDate; readonly daysLeft: number } | undefined {
  const warranty = warrantyOn(asset, today);
  if (warranty.status !== 'in_warranty' || warranty.endsOn === undefined) return undefined;
  const daysLeft = daysBetween(today, warranty.endsOn);
  return daysLeft <= noticeDays ? { endsOn: warranty.endsOn, daysLeft } : undefined;
}
