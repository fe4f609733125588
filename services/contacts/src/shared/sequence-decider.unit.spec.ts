import { deciderSpec } from '@crm/event-sourcing';
import { contactDecider } from '../contacts/contact.decider';
import type { ContactEvent } from '../contacts/contact.events';
import { sequenceDecider } from './sequence-decider';

const given = deciderSpec(sequenceDecider(contactDecider));
const registered: ContactEvent = {
  type: 'ContactRegistered',
  data: {
    contactId: 'c1',
    name: { given: 'Ada' },
    emails: [],
    phones: [],
    addresses: [],
    tags: [],
    customFields: {},
    lifecycleStage: 'lead',
  },
};

describe('sequenceDecider', () => {
  it('decides each command on the state the previous ones produced', () =>
    given([registered])
      .when([
        { type: 'AddContactEmail', data: { address: 'ada@x.io' } },
        { type: 'AddContactEmail', data: { address: 'ada@x.io' } }, // now a no-op: the first one added it
        { type: 'TagContact', data: { tags: ['vip'] } },
      ])
      .then([
        {
          type: 'ContactEmailAdded',
          data: { contactId: 'c1', address: 'ada@x.io', primary: true },
        },
        { type: 'ContactTagged', data: { contactId: 'c1', tags: ['vip'] } },
      ]));

  it('rejects the whole sequence when one command is rejected', () =>
    given([registered])
      .when([
        { type: 'TagContact', data: { tags: ['vip'] } },
        { type: 'AddContactPhone', data: { number: 'nope' } },
      ])
      .thenThrows('InvalidPhone'));
});
