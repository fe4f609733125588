/**
 * Wall-clock time in an IANA zone, from the runtime's ICU (Intl), so no time-zone package is
 * needed: an instant's local date and minute of the day, and the instant a local date and minute
 * denote. DST is why this is not simple arithmetic: on a spring-forward day some local minutes
 * do not exist, on a fall-back day some exist twice.
 */
import type { CalendarDate } from '@crm/values';

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The zone's offset from UTC at an instant, in ms (Berlin in summer: +7_200_000). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const w = wallClock(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Offsets are whole minutes here (none of ICU's zones is seconds-based after 1972).
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / MINUTE) * MINUTE;
}

/** The local calendar date of an instant. */
export function localDateOf(epochMs: number, timeZone: string): CalendarDate {
  const w = wallClock(epochMs, timeZone);
  return isoDate(w.year, w.month, w.day);
}

/**
 * The instant of local `minuteOfDay` (0..1440) on `date`. A minute that does not exist (the
 * spring-forward gap) is read with the offset before the gap, i.e. it lands after the gap as a
 * clock that was not moved would show (02:30 in Berlin on the last Sunday of March is 03:30
 * CEST); a minute that exists twice (the fall-back overlap) is its first occurrence. 1440 is the
 * next day's midnight.
 */
export function instantOfLocal(date: CalendarDate, minuteOfDay: number, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const local = Date.UTC(y, m - 1, d) + minuteOfDay * MINUTE;
  // At most one transition lies within a day of any instant in every real zone.
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  const candidates = [local - before, local - after].filter(
    (utc, i) => offsetAt(utc, timeZone) === (i === 0 ? before : after),
  );
  if (candidates.length > 0) return Math.min(...candidates);
  return transitionBetween(local - after, local - before, after, timeZone);
}

/**
 * A local minute in the spring-forward gap is the instant the clocks jump: every minute of the
 * gap maps there, so the local-to-instant mapping never runs backwards (a working period
 * 02:30-03:30 on that day lasts 30 minutes, from the jump to 03:30).
 */
function transitionBetween(
  low: number,
  high: number,
  offsetAfter: number,
  timeZone: string,
): number {
  // Invariant: the offset at `high` is the later one, at `low` the earlier one.
  let lo = low;
  let hi = high;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (offsetAt(mid, timeZone) === offsetAfter) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** ISO weekday of a calendar date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isoDate(year: number, month: number, day: number): CalendarDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
}
