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
});
