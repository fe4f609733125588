/**
 * The person as this service holds it, and the pure rules for each part of it. Parsers take raw
 * command input and return the canonical form or throw a field-level DomainError.
 */
import {
  parseCalendarDate,
  parseEmail,
  parseOneOf,
  parseOptionalText,
  parsePhoneNumber,
  parseTimeZone,
} from '@crm/values';
import type { CustomFieldValue } from '../custom-fields/custom-field';
import { withSinglePrimary } from '../shared/labelled-list';
import { ListErrors } from '../shared/list.errors';
import { ContactErrors } from './contact.errors';
import {
  type PostalAddress,
  type PostalAddressInput,
  parsePostalAddress,
} from '../shared/postal-address';

export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'opportunity',
  'customer',
  'churned',
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/** Channels a person can be reached on: the preferred channel and the consent channels. */
export const CONTACT_CHANNELS = ['email', 'sms', 'phone', 'post'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const AGE_BANDS = [
  'under-18',
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-plus',
] as const;
export const GENDERS = ['female', 'male', 'non-binary', 'other', 'undisclosed'] as const;
export const INCOME_BANDS = ['low', 'lower-middle', 'middle', 'upper-middle', 'high'] as const;

export interface PersonName {
  readonly given?: string;
  readonly family?: string;
}
export interface EmailEntry {
  readonly address: string;
  readonly label?: string;
  readonly primary: boolean;
}
export interface PhoneEntry {
  readonly number: string;
  readonly label?: string;
  readonly primary: boolean;
}
export interface CallWindow {
  readonly day: Weekday;
  /** Local wall-clock `HH:MM` in the contact's zone; `from` < `to`, no window crosses midnight. */
  readonly from: string;
  readonly to: string;
}
export interface BestTimeToCall {
  readonly timeZone: string;
  readonly windows: readonly CallWindow[];
}
/** Targeting data, all optional; a birth date and an age band are mutually exclusive. */
export interface Demographics {
  readonly birthDate?: string;
  readonly ageBand?: (typeof AGE_BANDS)[number];
  readonly gender?: (typeof GENDERS)[number];
  readonly householdIncomeBand?: (typeof INCOME_BANDS)[number];
}

/** Everything personal about a contact: the part that export returns and erase shreds. */
export interface ContactProfile {
  readonly name: PersonName;
  readonly emails: readonly EmailEntry[];
  readonly phones: readonly PhoneEntry[];
  readonly addresses: readonly PostalAddress[];
  readonly bestTimeToCall?: BestTimeToCall;
  readonly preferredChannel?: ContactChannel;
  readonly demographics?: Demographics;
  readonly tags: readonly string[];
  readonly customFields: Readonly<Record<string, CustomFieldValue>>;
}

export type EmailInput = {
  readonly address: string;
  readonly label?: string;
  readonly primary?: boolean;
};
export type PhoneInput = {
  readonly number: string;
  readonly label?: string;
  readonly primary?: boolean;
};
export type { PostalAddressInput };

export function displayName(name: PersonName): string {
  return [name.given, name.family].filter(Boolean).join(' ');
}

export function parseName(raw: PersonName | undefined, field = 'name'): PersonName {
  const given = parseOptionalText(raw?.given, `${field}.given`, 100);
  const family = parseOptionalText(raw?.family, `${field}.family`, 100);
  if (!given && !family) throw ContactErrors.nameRequired(field);
  return { ...(given ? { given } : {}), ...(family ? { family } : {}) };
}

export function parseEmailEntry(raw: EmailInput, field: string): EmailEntry {
  const label = parseOptionalText(raw.label, `${field}.label`, 40);
  return {
    address: parseEmail(raw.address, `${field}.address`),
    ...(label ? { label } : {}),
    primary: raw.primary === true,
  };
}

export function parsePhoneEntry(raw: PhoneInput, field: string): PhoneEntry {
  const label = parseOptionalText(raw.label, `${field}.label`, 40);
  return {
    number: parsePhoneNumber(raw.number, `${field}.number`),
    ...(label ? { label } : {}),
    primary: raw.primary === true,
  };
}

/** Parses a whole list: rejects repeats of the same (normalised) key and fixes the primary flag. */
export function parseList<I, T extends { primary: boolean }>(
  raw: readonly I[] | undefined,
  field: string,
  parse: (item: I, field: string) => T,
  keyOf: (entry: T) => string,
  max = 20,
): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > max) throw ListErrors.tooManyEntries(field, max);
  const entries = raw.map((item, i) => parse(item, `${field}[${i}]`));
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (seen.has(keyOf(entry))) throw ListErrors.duplicateEntry(`${field}[${i}]`);
    seen.add(keyOf(entry));
  });
  if (entries.filter((e) => e.primary).length > 1) {
    throw ListErrors.severalPrimaries(field);
  }
  return withSinglePrimary(entries);
}

export const parseEmails = (raw: readonly EmailInput[] | undefined) =>
  parseList(raw, 'emails', parseEmailEntry, (e) => e.address);
export const parsePhones = (raw: readonly PhoneInput[] | undefined) =>
  parseList(raw, 'phones', parsePhoneEntry, (p) => p.number);
export const parseAddresses = (raw: readonly PostalAddressInput[] | undefined) =>
  parseList(raw, 'addresses', parsePostalAddress, (a) => a.addressId, 10);

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function parseBestTimeToCall(raw: BestTimeToCall, field = 'bestTimeToCall'): BestTimeToCall {
  const timeZone = parseTimeZone(raw?.timeZone, `${field}.timeZone`);
  if (!Array.isArray(raw.windows) || raw.windows.length === 0 || raw.windows.length > 21) {
    throw ContactErrors.invalidCallWindows(field);
  }
  const windows = raw.windows.map((w, i) => {
    const at = `${field}.windows[${i}]`;
    const day = parseOneOf(w?.day, WEEKDAYS, `${at}.day`);
    if (typeof w.from !== 'string' || !HH_MM.test(w.from))
      throw ContactErrors.invalidTimeOfDay(`${at}.from`);
    if (typeof w.to !== 'string' || !HH_MM.test(w.to))
      throw ContactErrors.invalidTimeOfDay(`${at}.to`);
    if (w.from >= w.to) throw ContactErrors.emptyCallWindow(at);
    return { day, from: w.from, to: w.to };
  });
  windows.forEach((w, i) => {
    const clash = windows.findIndex(
      (o, j) => j < i && o.day === w.day && o.from < w.to && w.from < o.to,
    );
    if (clash !== -1) throw ContactErrors.overlappingCallWindows(`${field}.windows[${i}]`, clash);
  });
  return { timeZone, windows };
}

/** `today` (YYYY-MM-DD) comes from the command so the rule stays pure and testable. */
export function parseDemographics(
  raw: Demographics,
  today: string,
  field = 'demographics',
): Demographics {
  if (raw.birthDate !== undefined && raw.ageBand !== undefined) {
    throw ContactErrors.birthDateOrAgeBand(field);
  }
  const out: { -readonly [K in keyof Demographics]: Demographics[K] } = {};
  if (raw.birthDate !== undefined) {
    const birthDate = parseCalendarDate(raw.birthDate, `${field}.birthDate`);
    const earliest = `${Number(today.slice(0, 4)) - 130}${today.slice(4, 10)}`;
    if (birthDate > today || birthDate < earliest) {
      throw ContactErrors.implausibleBirthDate(`${field}.birthDate`);
    }
    out.birthDate = birthDate;
  }
  if (raw.ageBand !== undefined)
    out.ageBand = parseOneOf(raw.ageBand, AGE_BANDS, `${field}.ageBand`);
  if (raw.gender !== undefined) out.gender = parseOneOf(raw.gender, GENDERS, `${field}.gender`);
  if (raw.householdIncomeBand !== undefined) {
    out.householdIncomeBand = parseOneOf(
      raw.householdIncomeBand,
      INCOME_BANDS,
      `${field}.householdIncomeBand`,
    );
  }
  return out;
}

const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _:./-]{0,49}$/u;

export function parseTag(raw: unknown, field: string): string {
  const tag = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!TAG.test(tag)) throw ContactErrors.invalidTag(field);
  return tag;
}

export function parseTags(raw: readonly string[] | undefined, field = 'tags'): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > 50) throw ListErrors.tooManyEntries(field, 50, 'tags');
  return [...new Set(raw.map((t, i) => parseTag(t, `${field}[${i}]`)))];
}

/**
 * Lifecycle moves forward (subscriber -> lead -> opportunity -> customer); only a customer can
 * churn, and a churned contact can be won back into any stage from lead on.
 */
export function canMoveStage(from: LifecycleStage, to: LifecycleStage): boolean {
  if (from === to) return true;
  if (to === 'churned') return from === 'customer';
  if (from === 'churned') return to !== 'subscriber';
  return LIFECYCLE_STAGES.indexOf(to) > LIFECYCLE_STAGES.indexOf(from);
}

/** Stages a fact from sales implies: a converted lead, an open deal, a won deal or an order. */
export type StageImpliedByFact = 'lead' | 'opportunity' | 'customer';

/** How far along each stage is for those facts; a churned contact is won back by any of them. */
const FACT_RANK: Readonly<Record<LifecycleStage, number>> = {
  churned: -1,
  subscriber: 0,
  lead: 1,
  opportunity: 2,
  customer: 3,
};

/**
 * The stage after a fact that makes the contact "at least" `atLeast`: the current stage when it
 * is already as far (a customer's new lead leaves them a customer). Every move it makes is one
 * canMoveStage allows.
 */
export function stageAtLeast(current: LifecycleStage, atLeast: StageImpliedByFact): LifecycleStage {
  return FACT_RANK[current] >= FACT_RANK[atLeast] ? current : atLeast;
}
