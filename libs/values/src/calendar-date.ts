import { isCalendarDay } from './instant';
import { type Brand, InvalidValue } from './invalid-value';

/** A day without a time or zone (`2026-12-15`): a birth date, an expected close date. */
export type CalendarDate = Brand<string, 'CalendarDate'>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of a day that exists: 2024-02-29 is one, 2023-02-29 and 2026-13-01 are not. */
export function parseCalendarDate(raw: unknown, field = 'date'): CalendarDate {
  const match = typeof raw === 'string' ? ISO_DATE.exec(raw) : null;
  if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new InvalidValue(
      'InvalidDate',
      field,
      `${field} must be an existing calendar date in the form YYYY-MM-DD`,
    );
  }
  return raw as CalendarDate;
}
