/**
 * A miniature state source for the state publisher's tests: contacts of contacts-fixture.ts
 * (`contact-<id>` streams) folded into `{ contactId, name, email, version }`, on a state topic of
 * its own definition. `ContactErased` tombstones it; `ContactCorrupted` makes a value with an
 * undeclared field, which the publisher must park, not publish.
 */
import { defineStateTopic } from '@crm/contracts';
import { idOfStream, type EventStore, type RecordedEvent } from '@crm/event-sourcing';
import type { StateSource } from '../state/state-source';

export const FIXTURE_CONTACT_STATE = defineStateTopic({
  service: 'contacts',
  aggregate: 'fixture_contact',
  summary: 'A fixture contact as its GET would return it',
  schema: {
    type: 'object',
    properties: {
      contactId: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      version: { type: 'integer' },
    },
    required: ['contactId', 'name', 'version'],
  },
});

export const fixtureContactStateSource: StateSource = {
  stateType: FIXTURE_CONTACT_STATE.type,
  categories: ['contact'],
  subjectsOf: (event: RecordedEvent) =>
    event.type === 'ContactNoteAdded' ? [] : [idOfStream(event.streamId)],
  async load(store: EventStore, tenant: string, subject: string) {
    const { events } = await store.readStream({ tenant, id: `contact-${subject}` });
    let state: Record<string, unknown> | null = null;
    for (const event of events) {
      const data = event.data as { name?: string; email?: string; seq?: number };
      switch (event.type) {
        case 'ContactRegistered':
          state = { contactId: subject, name: data.name, version: event.streamVersion };
          if (data.email) state.email = data.email;
          break;
        case 'ContactRenamed':
          state = { ...state!, name: `${data.name}#${data.seq}`, version: event.streamVersion };
          break;
        case 'ContactCorrupted':
          state = { ...state!, notInTheContract: true, version: event.streamVersion };
          break;
        case 'ContactErased':
          state = null;
          break;
      }
    }
    return state;
  },
};
