import { type Brand, InvalidValue } from './invalid-value';

/** A point in time in UTC, `2026-11-23T08:00:00.000Z` (what `Date#toISOString` prints). */
export type Instant = Brand<string, 'Instant'>;

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * ISO-8601 date-time WITH an offset (`Z` or `+01:00`): without one, the same text is a different
 * moment on every server. Every part must exist (no 2026-02-30, no 24:00; `Date.parse` would roll
 * them over silently). Normalised to UTC with millisecond precision, so instants compare as text.
 */
export function parseInstant(raw: unknown, field = 'at'): Instant {
  const match = typeof raw === 'string' ? INSTANT.exec(raw) : null;
  const [, y, mo, d, h, mi, s = '00', oh = '00', om = '00'] = match ?? [];
  if (
    !match ||
    !isCalendarDay(Number(y), Number(mo), Number(d)) ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 59 ||
    Number(oh) > 23 ||
    Number(om) > 59
  ) {
    throw new InvalidValue(
      'InvalidInstant',
      field,
      `${field} must be an ISO-8601 date-time with an offset, e.g. 2026-11-23T09:00:00+01:00`,
    );
  }
  const instant = new Date(raw as string);
  // 0001-01-01T00:30+01:00 is year 0 in UTC, which PostgreSQL (and ISO 8601 without a sign)
  // cannot store: the UTC instant must fall in years 1-9999 too.
  const utcYear = instant.getUTCFullYear();
  if (utcYear < 1 || utcYear > 9999) {
    throw new InvalidValue(
      'InvalidInstant',
      field,
      `${field} must fall between the years 0001 and 9999 in UTC`,
    );
  }
  return instant.toISOString() as Instant;
}

/** Shared with the calendar date: does this day exist in the (proleptic Gregorian) calendar? */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  // There is no year 0 (1 BC is followed by AD 1); PostgreSQL refuses it.
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}
