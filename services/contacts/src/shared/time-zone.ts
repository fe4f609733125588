import { invalidField } from './invalid';

/** IANA zone names as the runtime's ICU knows them (aliases such as `UTC` included). */
export function parseTimeZone(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 64) {
    throw invalidField(
      field,
      'InvalidTimeZone',
      `${field} must be an IANA time zone such as Europe/Berlin`,
    );
  }
  try {
    // Throws RangeError for names ICU does not know; offsets like "+02:00" are rejected below.
    new Intl.DateTimeFormat('en', { timeZone: raw });
    if (/^[+-]/.test(raw)) throw new RangeError('offset, not a zone');
    return raw;
  } catch {
    throw invalidField(
      field,
      'InvalidTimeZone',
      `${field} must be an IANA time zone such as Europe/Berlin`,
    );
  }
}
