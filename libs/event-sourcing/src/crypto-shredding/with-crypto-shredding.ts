/**
 * Crypto-shredding as an EventStore decorator: personal fields are encrypted with the data
 * subject's key before they reach the log, and decrypted on every read path (readStream, readAll,
 * subscribe). Once `keyStore.erase(tenant, subject)` has run, those fields read back as ERASED
 * everywhere, while the rest of each event (ids, amounts, dates) reads normally, so streams
 * still fold and projections still replay.
 */
import type { EventStore, NewEvent, RecordedEvent } from '../event-store';
import { decryptField, encryptField, fieldAad, isEncryptedField } from './field-cipher';
import type { SubjectKeyStore } from './subject-key-store';

/** What an erased personal field reads back as, whatever its original type. */
export const ERASED = '[erased]';

export function isErased(value: unknown): value is typeof ERASED {
  return value === ERASED;
}

export interface PersonalDataRule {
  /** The data subject the personal fields belong to; must itself not be personal (an id). */
  readonly subject: (event: { readonly type: string; readonly data: any }) => string;
  /** Top-level fields of `data` that are personal. Absent/undefined fields are left alone. */
  readonly fields: readonly string[];
}

/** Per event type: which fields are personal and whose they are. */
export type PersonalDataSpec = Readonly<Record<string, PersonalDataRule>>;

export function withCryptoShredding(
  store: EventStore,
  keyStore: SubjectKeyStore,
  spec: PersonalDataSpec,
): EventStore {
  const decrypt = (events: RecordedEvent[]) => decryptEvents(events, keyStore, spec);
  return {
    append: async (stream, events, expected) =>
      store.append(stream, await encryptEvents(stream.tenant, events, keyStore, spec), expected),
    // Each stream's events under its own tenant's keys; nothing reaches the log before all are.
    // The keys of all the call's subjects are created in one round trip per tenant (bulk writes).
    appendToStreams: async (appends) => {
      const keysByTenant = await keysOfAppends(appends, keyStore, spec);
      return store.appendToStreams(
        await Promise.all(
          appends.map(async (a) => ({
            ...a,
            events: await encryptEvents(
              a.stream.tenant,
              a.events,
              keyStore,
              spec,
              keysByTenant.get(a.stream.tenant),
            ),
          })),
        ),
      );
    },
    atomicMultiStreamAppend: store.atomicMultiStreamAppend,
    readStream: async (stream, options) => {
      const result = await store.readStream(stream, options);
      return { ...result, events: await decrypt(result.events) };
    },
    readAll: async (options) => {
      const result = await store.readAll(options);
      return { ...result, events: await decrypt(result.events) };
    },
    subscribe: (options, handler) =>
      store.subscribe(options, async (events) => handler(await decrypt(events))),
    close: () => store.close(),
  };
}

/**
 * The append half on its own, for writes that bypass the decorator (e.g.
 * `PostgresEventStore.appendInTransaction` together with an outbox row): encrypt first, then append.
 */
export function encryptPersonalData(
  tenant: string,
  events: readonly NewEvent[],
  keyStore: SubjectKeyStore,
  spec: PersonalDataSpec,
): Promise<NewEvent[]> {
  return encryptEvents(tenant, events, keyStore, spec);
}

/** The keys of every subject the appends write personal data of, per tenant. */
async function keysOfAppends(
  appends: readonly { stream: { tenant: string }; events: readonly NewEvent[] }[],
  keyStore: SubjectKeyStore,
  spec: PersonalDataSpec,
): Promise<Map<string, Map<string, Buffer>>> {
  const subjectsByTenant = new Map<string, Set<string>>();
  for (const { stream, events } of appends)
    for (const event of events) {
      const rule = spec[event.type];
      if (!rule) continue;
      const subjects = subjectsByTenant.get(stream.tenant) ?? new Set<string>();
      subjectsByTenant.set(stream.tenant, subjects.add(subjectOf(rule, event)));
    }
  const keysByTenant = new Map<string, Map<string, Buffer>>();
  for (const [tenant, subjects] of subjectsByTenant)
    keysByTenant.set(tenant, await keyStore.keysFor(tenant, [...subjects]));
  return keysByTenant;
}

async function encryptEvents(
  tenant: string,
  events: readonly NewEvent[],
  keyStore: SubjectKeyStore,
  spec: PersonalDataSpec,
  known?: ReadonlyMap<string, Buffer>,
): Promise<NewEvent[]> {
  const keys = new Map<string, Buffer>(known);
  const out: NewEvent[] = [];
  for (const event of events) {
    const rule = spec[event.type];
    if (!rule) {
      out.push(event);
      continue;
    }
    const subject = subjectOf(rule, event);
    let key = keys.get(subject);
    if (!key) {
      key = await keyStore.keyFor(tenant, subject);
      keys.set(subject, key);
    }
    const data = { ...(event.data as Record<string, unknown>) };
    for (const field of rule.fields) {
      const value = data[field];
      if (value === undefined || isEncryptedField(value)) continue;
      data[field] = encryptField(key, value, fieldAad(tenant, subject, field));
    }
    out.push({ ...event, data });
  }
  return out;
}

async function decryptEvents(
  events: RecordedEvent[],
  keyStore: SubjectKeyStore,
  spec: PersonalDataSpec,
): Promise<RecordedEvent[]> {
  // One key lookup per tenant per batch, only for subjects that actually have encrypted fields.
  const wanted = new Map<string, Set<string>>();
  const encrypted = events.map((event) => {
    const rule = spec[event.type];
    if (!rule || !hasEncryptedField(event, rule)) return null;
    const subject = subjectOf(rule, event);
    const subjects = wanted.get(event.tenant) ?? new Set<string>();
    wanted.set(event.tenant, subjects.add(subject));
    return { rule, subject };
  });
  if (wanted.size === 0) return events;

  const keysByTenant = new Map<string, Map<string, Buffer>>();
  for (const [tenant, subjects] of wanted) {
    keysByTenant.set(tenant, await keyStore.findKeys(tenant, [...subjects]));
  }
  return events.map((event, i) => {
    const found = encrypted[i];
    if (!found) return event;
    const key = keysByTenant.get(event.tenant)?.get(found.subject);
    const data = { ...(event.data as Record<string, unknown>) };
    for (const field of found.rule.fields) {
      const value = data[field];
      if (!isEncryptedField(value)) continue;
      data[field] = key
        ? decryptField(key, value, fieldAad(event.tenant, found.subject, field))
        : ERASED;
    }
    return { ...event, data };
  });
}

function hasEncryptedField(event: RecordedEvent, rule: PersonalDataRule): boolean {
  const data = event.data as Record<string, unknown> | null;
  return !!data && rule.fields.some((field) => isEncryptedField(data[field]));
}

function subjectOf(rule: PersonalDataRule, event: { type: string; data: unknown }): string {
  const subject = rule.subject(event);
  if (typeof subject !== 'string' || subject === '') {
    throw new Error(`Crypto-shredding: no data subject in a ${event.type} event`);
  }
  return subject;
}
