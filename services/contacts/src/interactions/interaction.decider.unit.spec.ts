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

  describe('corrections and deletion', () => {
    const correct = (patch: object) =>
      ({ type: 'CorrectInteraction', data: { patch, now } }) as const;

    it('a correction merges into the logged values and carries the whole record', () =>
      given([logged])
        .when(correct({ subject: 'Kick-off (rescheduled)', body: 'Agenda attached' }))
        .then([
          {
            type: 'InteractionCorrected',
            data: {
              ...logged.data,
              subject: 'Kick-off (rescheduled)',
              body: 'Agenda attached',
              changed: ['subject', 'body'],
            },
          } as InteractionEvent,
        ]));

    it('null removes an optional member; a new kind takes its default channel', () =>
      given([logged])
        .when(correct({ subject: null, kind: 'note' }))
        .then([
          {
            type: 'InteractionCorrected',
            data: {
              interactionId: 'i1',
              kind: 'note',
              channel: 'internal',
              occurredAt: '2026-11-22T09:00:00.000Z',
              contactIds: ['c1', 'c2'],
              changed: ['kind', 'channel', 'subject'],
            },
          } as InteractionEvent,
        ]));

    it('call details merge member by member and are checked like a new log', () => {
      const stored = { ...call, startedAt: '2026-11-23T09:00:00.000Z' };
      const loggedCall: InteractionEvent = {
        type: 'InteractionLogged',
        data: {
          ...logged.data,
          kind: 'call',
          channel: 'phone',
          direction: 'outbound',
          call: stored,
        },
      };
      given([loggedCall])
        .when(correct({ call: { outcome: 'voicemail' } }))
        .thenState((s) => expect(s.record?.call).toEqual({ ...stored, outcome: 'voicemail' }));
      given([loggedCall])
        .when(correct({ call: { to: '0301234' } }))
        .thenThrows(fieldError('InvalidPhone', 'call.to'));
    });

    it('a correction into the future is refused like a log', () =>
      given([logged])
        .when(correct({ occurredAt: '2026-11-23T11:00:00Z' }))
        .thenThrows(fieldError('InteractionInFuture', 'occurredAt')));

    it('a correction that changes nothing appends nothing', () =>
      given([logged])
        .when(correct({ subject: 'Kick-off' }))
        .thenNothingHappened());

    it('the correction keeps the participants as merge and erase left them', () =>
      given([logged, { type: 'InteractionContactReassigned', data: { from: 'c2', to: 'c3' } }])
        .when(correct({ subject: 'Renamed' }))
        .thenState((s) => expect(s.record?.contactIds).toEqual(['c1', 'c3'])));

    it('an interaction whose people were all erased can no longer be corrected', () =>
      given([
        logged,
        { type: 'InteractionRedacted', data: { contactId: 'c1', contentRemoved: false } },
        { type: 'InteractionRedacted', data: { contactId: 'c2', contentRemoved: true } },
      ])
        .when(correct({ subject: 'x' }))
        .thenThrows('InteractionErased'));

    it('delete names who took part; after it only merge and erase pass (as no-ops)', () => {
      given([logged])
        .when({ type: 'DeleteInteraction', data: {} })
        .then([
          { type: 'InteractionDeleted', data: { interactionId: 'i1', contactIds: ['c1', 'c2'] } },
        ]);
      const deleted: InteractionEvent[] = [
        logged,
        { type: 'InteractionDeleted', data: { interactionId: 'i1', contactIds: ['c1', 'c2'] } },
      ];
      given(deleted)
        .when(correct({ subject: 'x' }))
        .thenThrows('InteractionDeleted');
      given(deleted).when({ type: 'DeleteInteraction', data: {} }).thenThrows('InteractionDeleted');
      given(deleted)
        .when({ type: 'RedactInteraction', data: { contactId: 'c1' } })
        .thenNothingHappened();
    });

    it('an unknown interaction cannot be corrected or deleted', () => {
      given([])
        .when(correct({ subject: 'x' }))
        .thenThrows('InteractionNotFound');
      given([]).when({ type: 'DeleteInteraction', data: {} }).thenThrows('InteractionNotFound');
    });
  });
});
