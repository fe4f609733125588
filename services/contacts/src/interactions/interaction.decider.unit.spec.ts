import { deciderSpec } from '@crm/event-sourcing/testing';
import { fieldError } from '../testing/field-error';
import type { LogInteraction } from './interaction.commands';
import { interactionDecider } from './interaction.decider';
import type { InteractionEvent } from './interaction.events';

const given = deciderSpec(interactionDecider);
const now = '2026-11-23T10:00:00.000Z';
const call = {
  direction: 'outbound' as const,
  from: '+4930123456',
  to: '+14155552671',
  startedAt: '2026-11-23T09:00:00Z',
  durationSeconds: 300,
  purpose: 'renewal',
  outcome: 'connected' as const,
};
function log(overrides: Partial<LogInteraction['data']> = {}): LogInteraction {
  return {
    type: 'LogInteraction',
    data: {
      interactionId: 'i1',
      kind: 'call',
      occurredAt: '2026-11-23T09:00:00Z',
      contactIds: ['c1'],
      userId: 'u1',
      subject: 'Renewal',
      call,
      now,
      ...overrides,
    },
  };
}
const logged: InteractionEvent = {
  type: 'InteractionLogged',
  data: {
    interactionId: 'i1',
    kind: 'meeting',
    channel: 'in-person',
    occurredAt: '2026-11-22T09:00:00.000Z',
    contactIds: ['c1', 'c2'],
    subject: 'Kick-off',
  },
};

describe('interaction decider', () => {
  it('logs a call with its channel derived from the kind and the direction from the call', () =>
    given([])
      .when(log())
      .then([
        {
          type: 'InteractionLogged',
          data: {
            interactionId: 'i1',
            kind: 'call',
            channel: 'phone',
            occurredAt: '2026-11-23T09:00:00.000Z',
            direction: 'outbound',
            contactIds: ['c1'],
            userId: 'u1',
            subject: 'Renewal',
            call: { ...call, startedAt: '2026-11-23T09:00:00.000Z' },
          },
        },
      ]));

  it('logs customer feedback as an issue report with severity', () =>
    given([])
      .when(
        log({
          kind: 'feedback',
          call: undefined,
          feedback: { category: 'issue', severity: 'high' },
          body: 'Invoice is wrong',
        }),
      )
      .thenState((s) => expect(s.logged).toBe(true)));

  it.each([
    ['a call without details', { call: undefined }, 'CallDetailsRequired', 'call'],
    ['call details on a note', { kind: 'note' as const }, 'CallDetailsOnlyForCalls', 'call'],
    [
      'a caller number not in E.164',
      { call: { ...call, from: '0301234' } },
      'InvalidPhone',
      'call.from',
    ],
    [
      'a negative duration',
      { call: { ...call, durationSeconds: -1 } },
      'InvalidDuration',
      'call.durationSeconds',
    ],
    [
      'an unknown outcome',
      { call: { ...call, outcome: 'great' as never } },
      'NotAllowedValue',
      'call.outcome',
    ],
    ['no participants', { contactIds: [] }, 'ParticipantsRequired', 'contactIds'],
    ['a repeated participant', { contactIds: ['c1', 'c1'] }, 'DuplicateEntry', 'contactIds'],
    [
      'an occurrence in the future',
      { occurredAt: '2026-11-23T11:00:00Z' },
      'InteractionInFuture',
      'occurredAt',
    ],
    ['an unknown kind', { kind: 'telegram' as never }, 'NotAllowedValue', 'kind'],
    [
      'a rating out of range',
      {
        kind: 'feedback' as const,
        call: undefined,
        feedback: { category: 'praise' as const, rating: 6 },
      },
      'InvalidRating',
      'feedback.rating',
    ],
  ])('rejects %s', (_why, overrides, code, field) =>
    given([]).when(log(overrides)).thenThrows(fieldError(code, field)),
  );

  it('tolerates a few minutes of client clock skew', () =>
    given([])
      .when(log({ occurredAt: '2026-11-23T10:03:00Z' }))
      .thenState((s) => expect(s.logged).toBe(true)));

  it('an interaction is logged once', () =>
    given([logged]).when(log()).thenThrows('InteractionAlreadyLogged'));

  it('merge re-points the duplicate to the survivor; a non-participant is a no-op', () => {
    given([logged])
      .when({ type: 'ReassignInteractionContact', data: { from: 'c2', to: 'c1' } })
      .thenState((s) => expect(s.contactIds).toEqual(['c1']));
    given([logged])
      .when({ type: 'ReassignInteractionContact', data: { from: 'c9', to: 'c1' } })
      .thenNothingHappened();
  });

  it('erase removes the person; the content goes only when nobody else took part', () => {
    given([logged])
      .when({ type: 'RedactInteraction', data: { contactId: 'c2' } })
      .then([{ type: 'InteractionRedacted', data: { contactId: 'c2', contentRemoved: false } }]);
    given([
      logged,
      { type: 'InteractionRedacted', data: { contactId: 'c2', contentRemoved: false } },
    ])
      .when({ type: 'RedactInteraction', data: { contactId: 'c1' } })
      .then([{ type: 'InteractionRedacted', data: { contactId: 'c1', contentRemoved: true } }]);
  });
});
