/**
 * Business-time arithmetic on a tenant's calendar: "add N business minutes to an instant" and
 * "business minutes between two instants". Working periods are local wall-clock times, turned
 * into real instants day by day, so a business minute is always a real elapsed minute: a working
 * day that spans a DST change is an hour shorter or longer, a holiday or weekend counts nothing,
 * and adding then measuring gives back what was added.
 */
import type { CalendarDate, Instant } from '@crm/values';
import { addDays } from '../shared/calendar-days';
import { type BusinessCalendar, minuteOfDay, WEEKDAYS } from './business-calendar';
import { instantOfLocal, isoWeekday, localDateOf } from './zoned-time';
import { SlaErrors } from './sla.errors';

const MINUTE = 60_000;
/** How far ahead the search for working time goes before the calendar is called empty. */
const SEARCH_YEARS = 10;

/** A working period of one local day as real instants (epoch ms), start inclusive, end exclusive. */
export interface WorkingInterval {
  readonly start: number;
  readonly end: number;
}

/** The working intervals of one local day, in order (none on a holiday or a day off). */
export function workingIntervalsOn(
  date: CalendarDate,
  calendar: BusinessCalendar,
): WorkingInterval[] {
  if (calendar.holidays.includes(date)) return [];
  const periods = calendar.workingHours[WEEKDAYS[isoWeekday(date) - 1]];
  return periods
    .map((period) => ({
      start: instantOfLocal(date, minuteOfDay(period.from) ?? 0, calendar.timeZone),
      end: instantOfLocal(date, minuteOfDay(period.to) ?? 0, calendar.timeZone),
    }))
    .filter((interval) => interval.end > interval.start);
}

/** Working intervals from the local day of `fromMs` on, clipped to start at `fromMs`. */
function* intervalsFrom(fromMs: number, calendar: BusinessCalendar): Generator<WorkingInterval> {
  // The day before too: a period ending at 24:00 on a fall-back night may reach past local midnight.
  const first = addDays(localDateOf(fromMs, calendar.timeZone), -1);
  for (let day = 0; day <= SEARCH_YEARS * 366; day++) {
    for (const interval of workingIntervalsOn(addDays(first, day), calendar)) {
      if (interval.end <= fromMs) continue;
      yield { start: Math.max(interval.start, fromMs), end: interval.end };
    }
  }
  throw SlaErrors.noBusinessTimeAhead(SEARCH_YEARS);
}

/**
 * The instant `minutes` business minutes after `start`. Zero is `start` itself; otherwise the
 * result is inside or at the end of a working period (17:00 sharp, not the next morning).
 */
export function addBusinessMinutes(
  start: Instant | string,
  minutes: number,
  calendar: BusinessCalendar,
): Instant {
  if (!Number.isSafeInteger(minutes) || minutes < 0)
    throw new RangeError(`business minutes must be a non-negative integer, got ${minutes}`);
  return addBusinessMillis(start, minutes * MINUTE, calendar);
}

/** `addBusinessMinutes` to the millisecond (what is left of a clock after pauses with seconds). */
export function addBusinessMillis(
  start: Instant | string,
  millis: number,
  calendar: BusinessCalendar,
): Instant {
  const from = Date.parse(start);
  let remaining = Math.max(0, Math.round(millis));
  if (remaining === 0) return new Date(from).toISOString() as Instant;
  for (const interval of intervalsFrom(from, calendar)) {
    const length = interval.end - interval.start;
    if (remaining <= length) return new Date(interval.start + remaining).toISOString() as Instant;
    remaining -= length;
  }
  throw SlaErrors.noBusinessTimeAhead(SEARCH_YEARS);
}

/** Business minutes from `from` to `to` (fractional when the instants have seconds; negative when `to` is earlier). */
export function businessMinutesBetween(
  from: Instant | string,
  to: Instant | string,
  calendar: BusinessCalendar,
): number {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (end < start) return -businessMinutesBetween(to, from, calendar);
  let total = 0;
  for (const interval of intervalsFrom(start, calendar)) {
    if (interval.start >= end) break;
    total += Math.min(interval.end, end) - interval.start;
  }
  return total / MINUTE;
}
