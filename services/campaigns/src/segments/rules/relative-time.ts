/**
 * Relative dates ("within the last 6m", "anniversary within the next 7d") resolved against the
 * `now` the caller passes (the injectable clock), in UTC. The SQL compiler binds what these return
 * and the in-memory evaluator compares with the same values, so both agree to the millisecond.
 */

export type DurationUnit = 'd' | 'w' | 'm' | 'y';
export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

const DURATION = /^([1-9][0-9]{0,3})([dwmy])$/;
/** The longest window per unit: ten years. */
const MAX_AMOUNT: Record<DurationUnit, number> = { d: 3660, w: 520, m: 120, y: 10 };
/** Anniversaries look at most a year ahead (beyond that every date has one). */
const MAX_ANNIVERSARY_AMOUNT: Record<DurationUnit, number> = { d: 366, w: 52, m: 12, y: 1 };
const DAY_MS = 86_400_000;

/** `30d`, `12w`, `6m`, `1y` (no zero, no sign, at most ten years); null when not one. */
export function parseDuration(raw: unknown, forAnniversary = false): Duration | null {
  const match = typeof raw === 'string' ? DURATION.exec(raw) : null;
  if (!match) return null;
  const duration = { amount: Number(match[1]), unit: match[2] as DurationUnit };
  const max = (forAnniversary ? MAX_ANNIVERSARY_AMOUNT : MAX_AMOUNT)[duration.unit];
  return duration.amount <= max ? duration : null;
}

/** `at` moved by `months` calendar months, the day clamped to the month's end (Mar 31 - 1m = Feb 28/29). */
function addMonths(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const firstOfTarget = new Date(Date.UTC(y, m, 1));
  const lastDay = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  const out = new Date(at.getTime());
  out.setUTCFullYear(
    firstOfTarget.getUTCFullYear(),
    firstOfTarget.getUTCMonth(),
    Math.min(at.getUTCDate(), lastDay),
  );
  return out;
}

function shift(at: Date, duration: Duration, sign: 1 | -1): Date {
  switch (duration.unit) {
    case 'd':
      return new Date(at.getTime() + sign * duration.amount * DAY_MS);
    case 'w':
      return new Date(at.getTime() + sign * duration.amount * 7 * DAY_MS);
    case 'm':
      return addMonths(at, sign * duration.amount);
    case 'y':
      return addMonths(at, sign * duration.amount * 12);
  }
}

/** The first instant of "the last <duration>" ending at `now` (the window is [start, now]). */
export function windowStart(now: Date, duration: Duration): Date {
  return shift(now, duration, -1);
}

/** The UTC calendar day of an instant, `YYYY-MM-DD`. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * The month-days (`MM-DD`) from today (UTC) to today + `duration`, both included: a date has its
 * anniversary in that window when its month-day is listed. Feb 29 dates celebrate on Feb 28 in
 * years without one.
 */
export function anniversaryMonthDays(now: Date, duration: Duration): string[] {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const last = shift(today, duration, 1).getTime();
  const days = new Set<string>();
  for (let at = today.getTime(); at <= last && days.size < 366; at += DAY_MS) {
    const day = new Date(at);
    const monthDay = utcDay(day).slice(5);
    days.add(monthDay);
    if (monthDay === '02-28' && !isLeapYear(day.getUTCFullYear())) days.add('02-29');
  }
  return [...days];
}

/** A timestamp value: an ISO-8601 instant with offset, or a day (its start, UTC). */
export function instantMs(value: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
}
