/**
 * Test fixture shared by the integration suite, the relay child process and the benchmark: a
 * miniature contacts domain (events in a real PostgresEventStore), its mapper to integration
 * events, and a consumer whose effect (one row per event) can be counted and checksummed.
 */
import { createHash } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '@crm/event-sourcing';
import type { Pool, PoolClient } from 'pg';
import type { IntegrationEventHandlerFn } from '../consumer/received-event';
import type { IntegrationEventMapper } from '../relay/integration-event-mapper';

export const REGISTERED = 'crm.contacts.contact.registered.v1';
export const DETAILS_CHANGED = 'crm.contacts.contact.details_changed.v1';

interface ContactEventData {
  contactId: string;
  name: string;
  seq: number;
}

/** Domain -> integration. `ContactNoteAdded` is internal: the relay must skip it. */
export const contactsMapper: IntegrationEventMapper = (event: RecordedEvent) => {
  const data = event.data as ContactEventData;
  switch (event.type) {
    case 'ContactRegistered':
      return {
        type: REGISTERED,
        subject: data.contactId,
        data: {
          contactId: data.contactId,
          displayName: data.name,
          lifecycleStage: 'lead',
          tags: [`seq-${data.seq}`],
        },
      };
    case 'ContactRenamed':
      return {
        type: DETAILS_CHANGED,
        subject: data.contactId,
        data: {
          contactId: data.contactId,
          changed: ['displayName', 'seq'],
          displayName: `${data.name}#${data.seq}`,
        },
      };
    default:
      return null;
  }
};

/**
 * Appends `contacts` streams of `perContact` events each (registered, then renames, with every
 * third event an internal note), `streamsPerAppend` streams at a time. Returns how many of the
 * events are published ones.
 */
export async function appendContacts(
  store: EventStore,
  options: { tenant?: string; prefix: string; contacts: number; perContact: number; from?: number },
): Promise<number> {
  let published = 0;
  const tenant = options.tenant ?? 'acme';
  for (let c = options.from ?? 0; c < (options.from ?? 0) + options.contacts; c += 1) {
    const contactId = `${options.prefix}-${c}`;
    const events: NewEvent[] = [];
    for (let seq = 1; seq <= options.perContact; seq += 1) {
      const type =
        seq === 1 ? 'ContactRegistered' : seq % 3 === 0 ? 'ContactNoteAdded' : 'ContactRenamed';
      if (type !== 'ContactNoteAdded') published += 1;
      events.push({
        type,
        data: { contactId, name: `Contact ${c}`, seq },
        metadata: { tenant, occurredAt: new Date().toISOString(), correlationId: `corr-${c}` },
      });
    }
    await store.append({ tenant, id: `contact-${contactId}` }, events, 'no-stream');
  }
  return published;
}

export async function createEffectsTable(pool: Pool): Promise<void> {
  await pool.query(`
    CREATE TABLE IF NOT EXISTS effects (
      arrival bigserial PRIMARY KEY,
      event_id text NOT NULL,
      contact_id text NOT NULL,
      seq int NOT NULL,
      instance text NOT NULL
    )`);
}

/** Seq of the event a payload came from (carried in the tag / display name by the mapper). */
function seqOf(type: string, data: any): number {
  return type === REGISTERED
    ? Number(String(data.tags[0]).slice(4))
    : Number(String(data.displayName).split('#')[1]);
}

/**
 * The consumer's effect: one row per event. Deliberately NOT idempotent on its own (plain insert,
 * no unique key on event_id): only the inbox can keep a redelivery from adding a second row.
 */
export function recordEffect(
  instance: string,
  onEvent?: (tx: PoolClient, data: any) => Promise<void>,
): IntegrationEventHandlerFn {
  return async (event, tx) => {
    const data = event.data as any;
    await onEvent?.(tx, data);
    await tx.query(
      'INSERT INTO effects (event_id, contact_id, seq, instance) VALUES ($1, $2, $3, $4)',
      [event.id, data.contactId, seqOf(event.type, data), instance],
    );
  };
}

export interface EffectSummary {
  rows: number;
  distinctEvents: number;
  /** Order-independent digest of the set of (contact, seq) pairs applied. */
  checksum: string;
}

export async function summarizeEffects(pool: Pool): Promise<EffectSummary> {
  const { rows } = await pool.query<{ contact_id: string; seq: number; event_id: string }>(
    'SELECT contact_id, seq, event_id FROM effects',
  );
  return {
    rows: rows.length,
    distinctEvents: new Set(rows.map((r) => r.event_id)).size,
    checksum: checksumOf(rows.map((r) => `${r.contact_id}:${r.seq}`)),
  };
}

/** The checksum the effects must have: every published (contact, seq) exactly once. */
export function expectedChecksum(prefix: string, contacts: number, perContact: number): string {
  const pairs: string[] = [];
  for (let c = 0; c < contacts; c += 1) {
    for (let seq = 1; seq <= perContact; seq += 1)
      if (seq === 1 || seq % 3 !== 0) pairs.push(`${prefix}-${c}:${seq}`);
  }
  return checksumOf(pairs);
}

/** Order-independent: sorted in JS so database collation cannot change it. */
function checksumOf(pairs: string[]): string {
  const hash = createHash('sha256');
  for (const p of [...pairs].sort()) hash.update(`${p}\n`);
  return hash.digest('hex');
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, everyMs));
    last = await probe();
  }
  return last;
}
