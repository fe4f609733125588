import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { invalidField } from './invalid';

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * Phones are stored only in E.164 so that matching (imports, duplicates, call logs) is an exact
 * string comparison. Input must already be E.164 and be a number that exists in its country plan.
 */
export function parsePhone(raw: unknown, field: string): string {
  if (typeof raw !== 'string')
    throw invalidField(field, 'InvalidPhone', `${field} must be a string`);
  const compact = raw.replace(/[\s().-]/g, '');
  const parsed = E164.test(compact) ? parsePhoneNumberFromString(compact) : undefined;
  if (!parsed || !parsed.isValid()) {
    throw invalidField(
      field,
      'InvalidPhone',
      `${field} must be a valid phone number in E.164 form, e.g. +4930123456`,
    );
  }
  return parsed.number;
}

/** Lenient normalisation for matching (imports, duplicate detection): never throws. */
export function normalisePhone(raw: string): string | undefined {
  const compact = raw.replace(/[\s().-]/g, '');
  const parsed = E164.test(compact) ? parsePhoneNumberFromString(compact) : undefined;
  return parsed?.isValid() ? parsed.number : undefined;
}
