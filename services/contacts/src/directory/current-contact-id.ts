import { fold, type EventStore } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { contactDecider } from '../contacts/contact.decider';
import { contactStreamId } from '../contacts/contact-view';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';

/**
 * The contact a fact from another service is about now: the id itself, or the survivor it was
 * merged into; undefined when this tenant does not know it (never issued, erased).
 *
 * The directory read model answers first. It lags the log, so a fact that arrives right after the
 * contact was registered (a call logged on a brand-new contact) is not dropped: with `store`, an id
 * the directory does not know yet is answered from the contact's own stream.
 */
export async function currentContactId(
  tx: Pick<PoolClient, 'query'>,
  tenant: string,
  contactId: string,
  store?: EventStore,
): Promise<string | undefined> {
  const { rows } = await tx.query<{ contact_id: string; survivor_id: string | null }>(
    `SELECT contact_id, survivor_id FROM ${CONTACTS_SCHEMA}.contact_list WHERE tenant = $1 AND contact_id = $2`,
    [tenant, contactId.toLowerCase()],
  );
  if (rows[0]) return rows[0].survivor_id ?? rows[0].contact_id;
  return store ? fromStream(store, tenant, contactId) : undefined;
}

async function fromStream(
  store: EventStore,
  tenant: string,
  contactId: string,
): Promise<string | undefined> {
  let streamId: string;
  try {
    streamId = contactStreamId(contactId);
  } catch {
    return undefined; // not a contact id at all
  }
  const { events } = await store.readStream({ tenant, id: streamId });
  const state = fold(contactDecider, events as never);
  if (state.status === 'unregistered' || state.status === 'erased') return undefined;
  if (state.status === 'merged' && state.survivorId) return state.survivorId;
  return contactId.toLowerCase();
}
