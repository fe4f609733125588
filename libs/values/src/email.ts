import { type Brand, InvalidValue } from './invalid-value';

/**
 * One rule for every service (it used to be two: sales took `a@b.c`, contacts refused it, so a lead
 * could fail to convert). The stricter, contacts' one won, because an address is only worth storing
 * if mail can be routed to it: one @, a local part of at most 64 characters, a dotted domain of
 * hostname labels with a 2+ letter top-level domain, 254 characters in all (RFC 5321), ASCII only
 * (RFC 5322's quoted local parts and internationalised addresses are refused). Addresses that pass
 * and still bounce are a deliverability matter, not a domain one.
 */
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export type Email = Brand<string, 'Email'>;

/**
 * Trimmed and lower-cased as a whole, not only the domain: both services always stored it so, and
 * duplicates, imports and consent are matched on that form. No mailbox provider in practice tells
 * `Ada@` from `ada@`, while two stored spellings of one person would.
 */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function parseEmail(raw: unknown, field = 'email'): Email {
  if (typeof raw !== 'string')
    throw new InvalidValue('InvalidEmail', field, `${field} must be a string`);
  const email = normaliseEmail(raw);
  if (email.length > 254 || !EMAIL.test(email) || email.split('@')[0].length > 64) {
    throw new InvalidValue('InvalidEmail', field, `${field} is not a valid email address`);
  }
  return email as Email;
}
