/** Arithmetic on calendar dates (`YYYY-MM-DD`, no zone): warranty ends, due dates, windows. */
import type { CalendarDate } from '@crm/values';

const DAY = 86_400_000;

function toUtcMs(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): CalendarDate {
  return new Date(ms).toISOString().slice(0, 10) as CalendarDate;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(toUtcMs(date) + days * DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY);
}

/**
 * The same day `months` later, clamped to the month's last day (01-31 + 1 month = 02-28 or 02-29),
 * which is how contracts count months.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtcMs(Date.UTC(year, month, Math.min(d, lastDay)));
}

/** The calendar date (UTC) of an instant; the service's day boundary when no zone is given. */
export function utcDateOf(instant: string): CalendarDate {
  return new Date(instant).toISOString().slice(0, 10) as CalendarDate;
}

export const laterDate = (a: CalendarDate, b: CalendarDate): CalendarDate => (a > b ? a : b);
