/**
 * The contacts service's state topics as StateSources (`@crm/messaging`): which records an event
 * touched, and each record's current public state folded from the log with the same deciders and
 * view functions REST answers with, so a state message equals what `GET` returns.
 *
 * - contact: its own stream and its consent stream (`consent` per channel is part of the value).
 *   A merge touches both contacts (the duplicate becomes a tombstone); an erase tombstones.
 * - company: its own stream.
 */
import { CompanyStateTopic, ContactStateTopic } from '@crm/contracts';
import {
  comparePositions,
  idOfStream,
  streamIdOf,
  type EventStore,
  type RecordedEvent,
} from '@crm/event-sourcing';
import type { StateSource } from '@crm/messaging';
import { companyDecider } from '../companies/company.decider';
import type { CompanyEvent } from '../companies/company.events';
import { toCompanyView } from '../companies/company-view';
import { consentDecider } from '../consent/consent.decider';
import type { ConsentEvent } from '../consent/consent.events';
import { toContactView } from '../contacts/contact-view';
import { contactDecider } from '../contacts/contact.decider';
import type { ContactEvent, ContactMerged } from '../contacts/contact.events';
import { toDomainEvent } from '../infrastructure/erased-fields';

export const contactStateSource: StateSource = {
  stateType: ContactStateTopic.type,
  categories: ['contact', 'consent'],
  subjectsOf(event) {
    const subject = idOfStream(event.streamId);
    if (event.type !== 'ContactMerged') return [subject];
    // The survivor's own stream records what it absorbed; the duplicate's id goes away.
    return [subject, (event.data as ContactMerged['data']).survivorId];
  },
  async load(store, tenant, contactId) {
    const contact = await store.readStream({ tenant, id: streamIdOf('contact', contactId) });
    const state = contact.events
      .map((e) => toDomainEvent<ContactEvent>(e))
      .reduce(contactDecider.evolve, contactDecider.initialState());
    // Erased, merged away or never registered: nothing to show, so a tombstone.
    if (state.status !== 'active' && state.status !== 'archived') return null;
    const consent = await store.readStream({ tenant, id: streamIdOf('consent', contactId) });
    const channels = consent.events
      .map((e) => toDomainEvent<ConsentEvent>(e))
      .reduce(consentDecider.evolve, consentDecider.initialState()).channels;
    const registered = contact.events[0];
    return {
      ...toContactView(contactId, state, contact.version),
      createdAt: registered.metadata.occurredAt,
      updatedAt: lastChange(registered, contact.events, consent.events).metadata.occurredAt,
      consent: channels,
    };
  },
};

/**
 * The directory's `updated_at`, which REST shows: the latest of the contact's events and of the
 * consent decisions recorded after its registration (earlier ones only seed its consent).
 */
function lastChange(
  registered: RecordedEvent,
  contactEvents: readonly RecordedEvent[],
  consentEvents: readonly RecordedEvent[],
): RecordedEvent {
  const candidates = [
    ...contactEvents,
    ...consentEvents.filter((e) => comparePositions(e.position, registered.position) > 0),
  ];
  return candidates.reduce((latest, e) =>
    comparePositions(e.position, latest.position) > 0 ? e : latest,
  );
}

export const companyStateSource: StateSource = {
  stateType: CompanyStateTopic.type,
  categories: ['company'],
  subjectsOf: (event) => [idOfStream(event.streamId)],
  async load(store: EventStore, tenant, companyId) {
    const company = await store.readStream({ tenant, id: streamIdOf('company', companyId) });
    const state = company.events
      .map((e) => toDomainEvent<CompanyEvent>(e))
      .reduce(companyDecider.evolve, companyDecider.initialState());
    return state.status === 'unregistered'
      ? null
      : { ...toCompanyView(companyId, state, company.version) };
  },
};

/** What the contacts service publishes on state topics; the state publisher takes this array. */
export const contactsStateSources: readonly StateSource[] = [
  contactStateSource,
  companyStateSource,
];
