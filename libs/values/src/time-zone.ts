import { type Brand, InvalidValue } from './invalid-value';

/** An IANA zone name in the runtime's canonical spelling (`europe/berlin` -> `Europe/Berlin`). */
export type TimeZone = Brand<string, 'TimeZone'>;

/**
 * Any name the runtime's ICU knows, aliases included (`UTC`, `US/Eastern`), returned in its
 * canonical form so one zone is stored one way. Offsets (`+02:00`) are not zones: they know no
 * daylight saving time, which is what a zone is for.
 */
export function parseTimeZone(raw: unknown, field = 'timeZone'): TimeZone {
  const invalid = () =>
    new InvalidValue(
      'InvalidTimeZone',
      field,
      `${field} must be an IANA time zone such as Europe/Berlin`,
    );
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 64 || /^[+-]/.test(raw))
    throw invalid();
  try {
    return new Intl.DateTimeFormat('en', { timeZone: raw }).resolvedOptions().timeZone as TimeZone;
  } catch {
    // RangeError: a name ICU does not know.
    throw invalid();
  }
}
