import type { Decider } from './decider';
import { DomainError } from './domain-error';
import { sequenceDecider } from './sequence-decider';
import { deciderSpec } from './testing';

// A tag set: tagging twice is a no-op, tags are lower-case words.
type TagEvent = { type: 'Tagged'; data: { tag: string } };
type TagCommand = { type: 'Tag'; tag: string };

const tags: Decider<TagCommand, TagEvent, readonly string[]> = {
  initialState: () => [],
  evolve: (state, event) => [...state, event.data.tag],
  decide: (command, state) => {
    if (!/^[a-z]+$/.test(command.tag)) throw new DomainError('InvalidTag', 'bad tag', 'invalid');
    return state.includes(command.tag) ? [] : [{ type: 'Tagged', data: { tag: command.tag } }];
  },
};

const given = deciderSpec(sequenceDecider(tags));
const tagged = (tag: string): TagEvent => ({ type: 'Tagged', data: { tag } });

describe('sequenceDecider', () => {
  it('decides each command on the state the previous ones produced', () =>
    given([tagged('lead')])
      .when([
        { type: 'Tag', tag: 'vip' },
        { type: 'Tag', tag: 'vip' }, // now a no-op: the first one added it
        { type: 'Tag', tag: 'lead' }, // already in the given state
        { type: 'Tag', tag: 'eu' },
      ])
      .then([tagged('vip'), tagged('eu')]));

  it('rejects the whole sequence when one command is rejected', () =>
    given([])
      .when([
        { type: 'Tag', tag: 'vip' },
        { type: 'Tag', tag: 'Not A Tag' },
      ])
      .thenThrows('InvalidTag'));
});
