import { invalidField } from './invalid';

// Deliberately pragmatic (RFC 5322 allows far more): one @, a dotted domain with a 2+ letter TLD,
// no spaces. Addresses that pass this but bounce are a deliverability concern, not a domain one.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Lower-cased and trimmed: the form duplicates are detected and imports are matched on. */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function parseEmail(raw: unknown, field: string): string {
  if (typeof raw !== 'string')
    throw invalidField(field, 'InvalidEmail', `${field} must be a string`);
  const email = normaliseEmail(raw);
  if (email.length > 254 || !EMAIL.test(email) || email.split('@')[0].length > 64) {
    throw invalidField(field, 'InvalidEmail', `${field} is not a valid email address`);
  }
  return email;
}
