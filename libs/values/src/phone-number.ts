import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { type Brand, InvalidValue } from './invalid-value';

/** `+`, a country code that does not start with 0, at most 15 digits in all (ITU-T E.164). */
const E164 = /^\+[1-9]\d{1,14}$/;
/** What people type between digits; taken out before the check, never stored. */
const SEPARATORS = /[\s().-]/g;

/**
 * A phone number in E.164 (`+4930123456`): the only form stored, so matching (imports,
 * duplicates, call logs) is an exact string comparison. The input must be international (leading
 * `+`; no national format, as there is no country to assume) and a number that exists in its
 * country's plan (libphonenumber's metadata), so the digit count is the plan's business, not a
 * regex's (sales used to demand 7+ digits, contacts 2+: the plan decides both).
 */
export type PhoneNumber = Brand<string, 'PhoneNumber'>;

export function parsePhoneNumber(raw: unknown, field = 'phone'): PhoneNumber {
  const number = typeof raw === 'string' ? normalisePhone(raw) : undefined;
  if (number === undefined) {
    throw new InvalidValue(
      'InvalidPhone',
      field,
      `${field} must be a valid phone number in E.164 form, e.g. +4930123456`,
    );
  }
  return number;
}

/** The same rule for matching (imports, duplicate detection): `undefined` instead of an error. */
export function normalisePhone(raw: string): PhoneNumber | undefined {
  const compact = raw.replace(SEPARATORS, '');
  const parsed = E164.test(compact) ? parsePhoneNumberFromString(compact) : undefined;
  return parsed?.isValid() ? (parsed.number as PhoneNumber) : undefined;
}
