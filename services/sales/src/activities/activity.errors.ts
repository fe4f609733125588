/** Every way a command on an activity (call, meeting, task) or its reminders can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const ActivityErrors = defineErrors('activity', {
  ActivityNotFound: { kind: 'not-found', message: () => 'No such activity' },
  ActivityAlreadyExists: {
    kind: 'conflict',
    message: (activityId: string) => `Activity ${activityId} already exists`,
  },
  ActivityClosed: {
    kind: 'conflict',
    message: (status: string) => `The activity is ${status}`,
    details: (status) => ({ status }),
  },
  ActivityAlreadyCompleted: {
    kind: 'conflict',
    message: () => 'The activity is already completed',
  },
  /** Adding a reminder whose id the activity already has (the state says no: 409). */
  DuplicateReminder: { kind: 'conflict', message: () => 'A reminder with this id exists' },
  /** One request lists the same reminder id twice (the input is wrong: 422). */
  RepeatedReminderId: { kind: 'invalid', message: () => 'Reminder ids must be unique' },
  TooManyReminders: { kind: 'invalid', message: (max: number) => `At most ${max} reminders` },
  ReminderNotFound: { kind: 'not-found', message: () => 'No such reminder' },
  ReminderNotDue: {
    kind: 'conflict',
    message: (remindAt: string) => `The reminder is due at ${remindAt}`,
  },
  ReminderOnCompletedActivity: {
    kind: 'invalid',
    message: () => 'An activity that already took place needs no reminders',
  },
  ReminderAfterDue: {
    kind: 'invalid',
    message: (_field: string) => 'A reminder must come before the activity is due',
    details: (field) => ({ field }),
  },
  InvalidActivityKind: {
    kind: 'invalid',
    message: (allowed: readonly string[]) => `kind must be one of ${allowed.join(', ')}`,
    details: () => ({ field: 'kind' }),
  },
  InvalidPriority: {
    kind: 'invalid',
    message: (allowed: readonly string[]) => `priority must be one of ${allowed.join(', ')}`,
    details: () => ({ field: 'priority' }),
  },
  CallPartyRequired: {
    kind: 'invalid',
    message: () => 'A call is with a contact or a lead',
    details: () => ({ field: 'contactId' }),
  },
  CallTimeRequired: {
    kind: 'invalid',
    message: () => 'A call is either scheduled (dueAt) or held (heldAt)',
    details: () => ({ field: 'dueAt' }),
  },
  MeetingTimeRequired: {
    kind: 'invalid',
    message: () => 'A meeting needs a start (dueAt)',
    details: () => ({ field: 'dueAt' }),
  },
  InvalidMeetingEnd: {
    kind: 'invalid',
    message: () => 'A meeting ends (endsAt) after it starts',
    details: () => ({ field: 'endsAt' }),
  },
  TaskDueRequired: {
    kind: 'invalid',
    message: () => 'A task needs a due date (dueAt)',
    details: () => ({ field: 'dueAt' }),
  },
  InvalidHeldAt: {
    kind: 'invalid',
    message: () => 'A task is completed, not held',
    details: () => ({ field: 'heldAt' }),
  },
  /** A call's outcome is one of the shared call outcomes (@crm/contracts), as in contacts. */
  InvalidCallOutcome: {
    kind: 'invalid',
    message: (allowed: readonly string[]) =>
      `A call's outcome is one of ${allowed.join(', ')} (what was said goes in notes)`,
    details: () => ({ field: 'outcome' }),
  },
  InvalidCallPurpose: {
    kind: 'invalid',
    message: (allowed: readonly string[]) => `purpose must be one of ${allowed.join(', ')}`,
    details: () => ({ field: 'purpose' }),
  },
  PurposeOnlyForCalls: {
    kind: 'invalid',
    message: () => 'Only a call has a purpose',
    details: () => ({ field: 'purpose' }),
  },
});
