import { invalidField } from './invalid';

/** A trimmed, non-empty string of bounded length; `undefined` passes through when optional. */
export function requiredText(raw: unknown, field: string, max: number): string {
  if (typeof raw !== 'string' || raw.trim().length === 0) {
    throw invalidField(field, 'RequiredText', `${field} must be a non-empty string`);
  }
  const text = raw.trim();
  if (text.length > max)
    throw invalidField(field, 'TextTooLong', `${field} must be at most ${max} characters`);
  return text;
}

export function optionalText(raw: unknown, field: string, max: number): string | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
    return undefined;
  return requiredText(raw, field, max);
}

export function oneOf<T extends string>(raw: unknown, allowed: readonly T[], field: string): T {
  if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) {
    throw invalidField(field, 'NotAllowedValue', `${field} must be one of: ${allowed.join(', ')}`);
  }
  return raw as T;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-30). */
export function parseIsoDate(raw: unknown, field: string): string {
  if (typeof raw !== 'string' || !ISO_DATE.test(raw)) {
    throw invalidField(field, 'InvalidDate', `${field} must be a date in the form YYYY-MM-DD`);
  }
  const date = new Date(`${raw}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== raw) {
    throw invalidField(field, 'InvalidDate', `${field} is not an existing calendar date`);
  }
  return raw;
}

/** An ISO-8601 instant with an explicit offset, returned in UTC `...Z` form. */
export function parseInstant(raw: unknown, field: string): string {
  if (
    typeof raw !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)
  ) {
    throw invalidField(
      field,
      'InvalidInstant',
      `${field} must be an ISO-8601 date-time with offset`,
    );
  }
  const date = new Date(raw);
  if (Number.isNaN(date.getTime()))
    throw invalidField(field, 'InvalidInstant', `${field} is not a valid instant`);
  return date.toISOString();
}

/** Drops undefined properties so events hold no `"key": undefined` noise (JSON would drop them anyway). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
