/** Pure checks for the contact details sales records (leads, calls, meetings). */
import { DomainError } from '@crm/event-sourcing';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not our business.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** E.164: `+` then country code and number, and the number must be valid for that country. */
export function isE164Phone(value: string): boolean {
  if (!/^\+[1-9]\d{6,14}$/.test(value)) return false;
  return parsePhoneNumberFromString(value)?.isValid() ?? false;
}

let zones: Set<string> | undefined;
export function isIanaTimeZone(value: string): boolean {
  zones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  return zones.has(value);
}

export function isIsoInstant(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function requireValid(ok: boolean, code: string, field: string, message: string): void {
  if (!ok) throw new DomainError(code, message, 'invalid', { field });
}

export function requireText(value: string | undefined, field: string, max = 200): string {
  const text = value?.trim() ?? '';
  if (text.length === 0 || text.length > max) {
    throw new DomainError('InvalidText', `${field} is required (1-${max} characters)`, 'invalid', {
      field,
    });
  }
  return text;
}
