import { ERASED, fold } from '@crm/event-sourcing';
import { contactDecider } from '../contacts/contact.decider';
import type { ContactEvent } from '../contacts/contact.events';
import { blankErasedFields } from './erased-fields';

describe('blankErasedFields', () => {
  it('lets a shredded stream fold: lists become empty, scalars disappear', () => {
    const shredded = [
      {
        type: 'ContactRegistered',
        data: {
          contactId: 'c1',
          name: ERASED,
          emails: ERASED,
          phones: ERASED,
          addresses: ERASED,
          tags: [],
          customFields: ERASED,
          lifecycleStage: 'lead',
        },
      },
      {
        type: 'ContactEmailAdded',
        data: { contactId: 'c1', address: ERASED, label: ERASED, primary: true },
      },
      { type: 'ContactEmailRemoved', data: { contactId: 'c1', address: ERASED } },
      { type: 'ContactErased', data: { contactId: 'c1', erasedAt: '2026-11-23T10:00:00.000Z' } },
    ].map((e) => blankErasedFields(e) as ContactEvent);
    const state = fold(contactDecider, shredded);
    expect(state.status).toBe('erased');
    expect(shredded[0].data).toMatchObject({ name: {}, emails: [], customFields: {} });
    expect(shredded[1].data).toEqual({ contactId: 'c1', primary: true });
  });

  it('returns events without erased fields untouched', () => {
    const event = { type: 'ContactTagged', data: { contactId: 'c1', tags: ['vip'] } };
    expect(blankErasedFields(event)).toBe(event);
  });
});
