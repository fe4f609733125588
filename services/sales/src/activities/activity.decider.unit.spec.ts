import { deciderSpec } from '@crm/event-sourcing/testing';
import type { ActivityEvent } from './activity.events';
import { activityDecider, dueStatus } from './activity.decider';

const given = deciderSpec(activityDecider);
const at = '2026-11-23T09:00:00Z';

const task: ActivityEvent = {
  type: 'ActivityLogged',
  data: {
    activityId: 'a1',
    dataSubject: 'a1',
    details: {
      kind: 'task',
      subject: 'Send brochure',
      assigneeId: 'rep-1',
      priority: 'high',
      opportunityId: 'o1',
      dueAt: '2026-11-25T12:00:00Z',
    },
    reminders: [{ reminderId: 'r1', remindAt: '2026-11-25T11:00:00.000Z' }],
    at,
  },
};
const fired: ActivityEvent = {
  type: 'ReminderDue',
  data: {
    activityId: 'a1',
    reminderId: 'r1',
    assigneeId: 'rep-1',
    remindAt: '2026-11-25T11:00:00.000Z',
    firedAt: '2026-11-25T11:00:05Z',
  },
};
const logTask = {
  type: 'LogActivity' as const,
  data: {
    activityId: 'a1',
    kind: 'task' as const,
    subject: 'Send brochure',
    assigneeId: 'rep-1',
    priority: 'high' as const,
    opportunityId: 'o1',
    dueAt: '2026-11-25T12:00:00Z',
    reminders: [{ reminderId: 'r1', remindAt: '2026-11-25T12:00:00+01:00' }],
    at,
  },
};

describe('Activity decider', () => {
  describe('logging', () => {
    it('creates a task with due date, priority, assignee and reminders (normalised to UTC)', () => {
      given([]).when(logTask).then([task]);
    });

    it('logs a call that already took place as logged + completed with its outcome', () => {
      given([])
        .when({
          type: 'LogActivity',
          data: {
            activityId: 'a2',
            kind: 'call',
            subject: 'Intro call',
            assigneeId: 'rep-1',
            contactId: 'c1',
            phone: '+4915112345678',
            heldAt: '2026-11-23T08:30:00Z',
            outcome: 'connected',
            notes: 'wants a test drive',
            at,
          },
        })
        .then([
          {
            type: 'ActivityLogged',
            data: {
              activityId: 'a2',
              dataSubject: 'c1',
              details: {
                kind: 'call',
                subject: 'Intro call',
                assigneeId: 'rep-1',
                priority: 'normal',
                contactId: 'c1',
              },
              phone: '+4915112345678',
              notes: 'wants a test drive',
              reminders: [],
              heldAt: '2026-11-23T08:30:00Z',
              outcome: 'connected',
              at,
            },
          },
          {
            type: 'ActivityCompleted',
            data: {
              activityId: 'a2',
              dataSubject: 'c1',
              outcome: 'connected',
              heldAt: '2026-11-23T08:30:00Z',
              completedAt: at,
            },
          },
        ]);
    });

    it.each([
      [
        'a call without a valid phone',
        { kind: 'call', contactId: 'c1', phone: '12345', dueAt: at },
        'InvalidPhone',
      ],
      [
        'a call with nobody',
        { kind: 'call', phone: '+4915112345678', dueAt: at },
        'CallPartyRequired',
      ],
      [
        'a call with no time',
        { kind: 'call', contactId: 'c1', phone: '+4915112345678' },
        'CallTimeRequired',
      ],
      [
        'a meeting ending before it starts',
        { kind: 'meeting', dueAt: '2026-11-24T10:00:00Z', endsAt: '2026-11-24T09:00:00Z' },
        'InvalidMeetingEnd',
      ],
      [
        'a meeting in an unknown zone',
        {
          kind: 'meeting',
          dueAt: '2026-11-24T10:00:00Z',
          endsAt: '2026-11-24T11:00:00Z',
          timeZone: 'Mars/Olympus',
        },
        'InvalidTimeZone',
      ],
      ['a task without due date', { kind: 'task' }, 'TaskDueRequired'],
      [
        'a task due at a local time without zone',
        { kind: 'task', dueAt: '2026-11-25 12:00' },
        'InvalidInstant',
      ],
      ['an unknown kind', { kind: 'email' }, 'InvalidActivityKind'],
      ['an unknown priority', { kind: 'task', dueAt: at, priority: 'urgent' }, 'InvalidPriority'],
      [
        'a reminder after the due time',
        {
          kind: 'task',
          dueAt: at,
          reminders: [{ reminderId: 'r', remindAt: '2026-11-23T10:00:00Z' }],
        },
        'ReminderAfterDue',
      ],
      [
        'duplicate reminder ids',
        {
          kind: 'task',
          dueAt: at,
          reminders: [
            { reminderId: 'r', remindAt: at },
            { reminderId: 'r', remindAt: at },
          ],
        },
        'RepeatedReminderId',
      ],
    ])('rejects %s', (_, fields, code) => {
      given([])
        .when({
          type: 'LogActivity',
          data: { activityId: 'a9', subject: 's', assigneeId: 'rep-1', at, ...(fields as any) },
        })
        .thenThrows(code);
    });

    it('accepts a meeting in an IANA zone', () => {
      given([])
        .when({
          type: 'LogActivity',
          data: {
            activityId: 'a3',
            kind: 'meeting',
            subject: 'Test drive',
            assigneeId: 'rep-1',
            contactId: 'c1',
            dueAt: '2026-11-24T10:00:00+01:00',
            endsAt: '2026-11-24T11:00:00+01:00',
            timeZone: 'Europe/Berlin',
            location: 'Showroom',
            at,
          },
        })
        .thenState((s) =>
          expect(s.details).toMatchObject({ timeZone: 'Europe/Berlin', location: 'Showroom' }),
        );
    });
  });

  describe('reminders', () => {
    it('a due reminder becomes a ReminderDue event for the assignee', () => {
      given([task])
        .when({ type: 'FireReminder', data: { reminderId: 'r1', at: '2026-11-25T11:00:05Z' } })
        .then([fired]);
    });

    it('fires once: a second replica firing the same reminder appends nothing', () => {
      given([task, fired])
        .when({ type: 'FireReminder', data: { reminderId: 'r1', at: '2026-11-25T11:00:06Z' } })
        .thenNothingHappened();
    });

    it('does not fire early', () => {
      given([task])
        .when({ type: 'FireReminder', data: { reminderId: 'r1', at: '2026-11-25T10:59:59Z' } })
        .thenThrows('ReminderNotDue');
    });

    it('does not fire for finished work', () => {
      const done: ActivityEvent = {
        type: 'ActivityCompleted',
        data: { activityId: 'a1', dataSubject: 'a1', completedAt: at },
      };
      given([task, done])
        .when({ type: 'FireReminder', data: { reminderId: 'r1', at: '2026-11-25T11:00:05Z' } })
        .thenNothingHappened();
    });

    it('rejects an unknown reminder', () => {
      given([task])
        .when({ type: 'FireReminder', data: { reminderId: 'nope', at } })
        .thenThrows('ReminderNotFound');
    });

    it('adds a reminder, at most five', () => {
      given([task])
        .when({
          type: 'AddReminder',
          data: { reminderId: 'r2', remindAt: '2026-11-24T12:00:00Z', at },
        })
        .then([
          {
            type: 'ReminderAdded',
            data: {
              activityId: 'a1',
              reminder: { reminderId: 'r2', remindAt: '2026-11-24T12:00:00.000Z' },
            },
          },
        ]);
      given([task])
        .when({ type: 'AddReminder', data: { reminderId: 'r1', remindAt: at, at } })
        .thenThrows('DuplicateReminder');
      const more = [2, 3, 4, 5].map((n): ActivityEvent => ({
        type: 'ReminderAdded',
        data: { activityId: 'a1', reminder: { reminderId: `r${n}`, remindAt: at } },
      }));
      given([task, ...more])
        .when({ type: 'AddReminder', data: { reminderId: 'r6', remindAt: at, at } })
        .thenThrows('TooManyReminders');
    });

    it('rescheduling moves unfired reminders by the same amount and drops fired ones', () => {
      given([task])
        .when({ type: 'RescheduleActivity', data: { dueAt: '2026-11-26T12:00:00Z', at } })
        .then([
          {
            type: 'ActivityRescheduled',
            data: {
              activityId: 'a1',
              kind: 'task',
              dueAt: '2026-11-26T12:00:00Z',
              reminders: [{ reminderId: 'r1', remindAt: '2026-11-26T11:00:00.000Z' }],
            },
          },
        ]);
      given([task, fired])
        .when({ type: 'RescheduleActivity', data: { dueAt: '2026-11-26T12:00:00Z', at } })
        .thenState((s) => expect(s.reminders).toEqual([]));
    });
  });

  describe('completion', () => {
    it('completes a task once; a task is not "held"', () => {
      given([task])
        .when({ type: 'CompleteActivity', data: { outcome: 'sent', at } })
        .then([
          {
            type: 'ActivityCompleted',
            data: { activityId: 'a1', dataSubject: 'a1', outcome: 'sent', completedAt: at },
          },
        ]);
      given([task])
        .when({ type: 'CompleteActivity', data: { heldAt: at, at } })
        .thenThrows('InvalidHeldAt');
      given([
        task,
        {
          type: 'ActivityCompleted',
          data: { activityId: 'a1', dataSubject: 'a1', completedAt: at },
        },
      ])
        .when({ type: 'CompleteActivity', data: { at } })
        .thenThrows('ActivityAlreadyCompleted');
    });

    it('a cancelled activity cannot be completed or rescheduled', () => {
      const cancelled: ActivityEvent = {
        type: 'ActivityCancelled',
        data: { activityId: 'a1', at },
      };
      given([task, cancelled])
        .when({ type: 'CompleteActivity', data: { at } })
        .thenThrows('ActivityClosed');
      given([task, cancelled])
        .when({ type: 'RescheduleActivity', data: { dueAt: at, at } })
        .thenThrows('ActivityClosed');
    });

    it('re-points a merged contact', () => {
      const call: ActivityEvent = {
        ...task,
        data: {
          ...(task.data as any),
          details: { ...(task.data as any).details, contactId: 'dup' },
        },
      } as ActivityEvent;
      given([call])
        .when({
          type: 'RepointActivityContact',
          data: { fromContactId: 'dup', toContactId: 'survivor' },
        })
        .thenState((s) => expect(s.details?.contactId).toBe('survivor'));
    });
  });

  describe('due status', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    it.each([
      [{ status: 'open', dueAt: '2026-11-23T11:59:59Z' }, 'overdue'],
      [{ status: 'open', dueAt: '2026-11-23T12:00:00Z' }, 'due-soon'],
      [{ status: 'open', dueAt: '2026-11-24T12:00:00Z' }, 'due-soon'],
      [{ status: 'open', dueAt: '2026-11-24T12:00:01Z' }, 'upcoming'],
      [{ status: 'open' }, 'unscheduled'],
      [{ status: 'completed', dueAt: '2026-11-01T00:00:00Z' }, 'completed'],
    ])('%j is %s', (activity, expected) => {
      expect(dueStatus(activity as any, now)).toBe(expected);
    });
  });

  it("erases the person's phone and notes from an activity once, whatever its status", () => {
    const erased: ActivityEvent = {
      type: 'ActivityPersonalDetailsErased',
      data: { activityId: 'a2', at },
    };
    const logged: ActivityEvent = {
      type: 'ActivityLogged',
      data: {
        activityId: 'a2',
        dataSubject: 'c1',
        details: {
          kind: 'call',
          subject: 'Intro call',
          assigneeId: 'rep-1',
          priority: 'normal',
          contactId: 'c1',
          dueAt: at,
        },
        phone: '+4915112345678',
        notes: 'wants a test drive',
        reminders: [],
        at,
      },
    };
    given([logged]).when({ type: 'ErasePersonalDetails', data: { at } }).then([erased]);
    given([logged])
      .when({ type: 'ErasePersonalDetails', data: { at } })
      .thenState((s) => {
        expect(s.details).not.toHaveProperty('phone');
        expect(s.details).not.toHaveProperty('notes');
        expect(s.details?.subject).toBe('Intro call');
      });
    given([logged, erased])
      .when({ type: 'ErasePersonalDetails', data: { at } })
      .thenNothingHappened();
  });
});
