/**
 * Sales calls, meetings and tasks. A reminder becomes a ReminderDue event exactly once: firing is
 * idempotent (a second replica firing the same reminder appends nothing), and reminders of work
 * that is already done or cancelled never fire.
 */
import { CALL_OUTCOMES, CALL_PURPOSES, type CallPurpose } from '@crm/contracts';
import { type Decider, isErased } from '@crm/event-sourcing';
import { parseInstant, parsePhoneNumber, parseText, parseTimeZone } from '@crm/values';
import type { ActivityCommand, ReminderRequest } from './activity.commands';
import {
  ACTIVITY_KINDS,
  type ActivityDetails,
  type ActivityEvent,
  PRIORITIES,
  type Reminder,
} from './activity.events';
import { ActivityErrors } from './activity.errors';

export type ActivityStatus = 'open' | 'completed' | 'cancelled';
export const MAX_REMINDERS = 5;

export interface ActivityState {
  readonly exists: boolean;
  readonly activityId: string;
  readonly status: ActivityStatus;
  readonly details?: ActivityDetails;
  /** Whose key encrypts its personal fields (see activity-personal-data). */
  readonly dataSubject?: string;
  readonly reminders: readonly Reminder[];
  readonly firedReminderIds: readonly string[];
  readonly completedAt?: string;
  readonly outcome?: string;
  /** When a call or meeting took place (from its completion). */
  readonly heldAt?: string;
  /** Its data subject was erased: phone and notes are gone for good. */
  readonly personalDetailsErased?: boolean;
}

export const initialActivityState = (): ActivityState => ({
  exists: false,
  activityId: '',
  status: 'open',
  reminders: [],
  firedReminderIds: [],
});

export function evolveActivity(state: ActivityState, event: ActivityEvent): ActivityState {
  switch (event.type) {
    case 'ActivityLogged':
      return {
        ...state,
        exists: true,
        activityId: event.data.activityId,
        dataSubject: event.data.dataSubject,
        details: {
          ...event.data.details,
          ...readable('phone', event.data.phone),
          ...readable('notes', event.data.notes),
        },
        reminders: event.data.reminders,
      };
    case 'ActivityRescheduled':
      return {
        ...state,
        details: { ...state.details!, dueAt: event.data.dueAt, endsAt: event.data.endsAt },
        reminders: event.data.reminders,
      };
    case 'ActivityReassigned':
      return { ...state, details: { ...state.details!, assigneeId: event.data.assigneeId } };
    case 'ReminderAdded':
      return { ...state, reminders: [...state.reminders, event.data.reminder] };
    case 'ReminderDue':
      return { ...state, firedReminderIds: [...state.firedReminderIds, event.data.reminderId] };
    case 'ActivityCompleted':
      return {
        ...state,
        status: 'completed',
        completedAt: event.data.completedAt,
        outcome: event.data.outcome,
        ...(event.data.heldAt ? { heldAt: event.data.heldAt } : {}),
        // Notes written on completion follow the ones logged with it; both are the same person's.
        details: withCompletionNotes(state.details!, readable('notes', event.data.notes).notes),
      };
    case 'ActivityCancelled':
      return { ...state, status: 'cancelled' };
    case 'ActivityContactRepointed':
      return { ...state, details: { ...state.details!, contactId: event.data.toContactId } };
    case 'ActivityPersonalDetailsErased': {
      const { phone: _phone, notes: _notes, ...details } = state.details!;
      return { ...state, details, personalDetailsErased: true };
    }
  }
}

export function decideActivity(command: ActivityCommand, state: ActivityState): ActivityEvent[] {
  if (command.type === 'LogActivity') return log(command.data, state);
  if (!state.exists || !state.details) throw ActivityErrors.activityNotFound();
  const activityId = state.activityId;
  const details = state.details;

  switch (command.type) {
    case 'RescheduleActivity': {
      requireOpen(state);
      const { dueAt, endsAt } = command.data;
      requireInstant(dueAt, 'dueAt');
      if (details.kind === 'meeting') requireMeetingEnd(dueAt, endsAt);
      // Unfired reminders keep their distance to the due time; fired ones are history.
      const shift = details.dueAt ? Date.parse(dueAt) - Date.parse(details.dueAt) : 0;
      const reminders = state.reminders
        .filter((r) => !state.firedReminderIds.includes(r.reminderId))
        .map((r) => ({
          reminderId: r.reminderId,
          remindAt: new Date(Date.parse(r.remindAt) + shift).toISOString(),
        }));
      return [
        {
          type: 'ActivityRescheduled',
          data: {
            activityId,
            kind: details.kind,
            dueAt,
            ...(endsAt ? { endsAt } : {}),
            reminders,
          },
        },
      ];
    }
    case 'ReassignActivity': {
      requireOpen(state);
      const assigneeId = parseText(command.data.assigneeId, 'assigneeId');
      return assigneeId === details.assigneeId
        ? []
        : [{ type: 'ActivityReassigned', data: { activityId, assigneeId } }];
    }
    case 'AddReminder': {
      requireOpen(state);
      if (state.reminders.some((r) => r.reminderId === command.data.reminderId)) {
        throw ActivityErrors.duplicateReminder();
      }
      if (state.reminders.length >= MAX_REMINDERS)
        throw ActivityErrors.tooManyReminders(MAX_REMINDERS);
      const [reminder] = validReminders([command.data], details.dueAt);
      return [{ type: 'ReminderAdded', data: { activityId, reminder } }];
    }
    case 'FireReminder': {
      const reminder = state.reminders.find((r) => r.reminderId === command.data.reminderId);
      if (!reminder) throw ActivityErrors.reminderNotFound();
      if (state.firedReminderIds.includes(reminder.reminderId) || state.status !== 'open')
        return [];
      if (Date.parse(command.data.at) < Date.parse(reminder.remindAt)) {
        throw ActivityErrors.reminderNotDue(reminder.remindAt);
      }
      return [
        {
          type: 'ReminderDue',
          data: {
            activityId,
            reminderId: reminder.reminderId,
            assigneeId: details.assigneeId,
            remindAt: reminder.remindAt,
            firedAt: command.data.at,
          },
        },
      ];
    }
    case 'CompleteActivity': {
      if (state.status === 'completed') throw ActivityErrors.activityAlreadyCompleted();
      requireOpen(state);
      return [completed(activityId, details, command.data)];
    }
    case 'CancelActivity': {
      requireOpen(state);
      const reason = command.data.reason?.trim();
      return [
        {
          type: 'ActivityCancelled',
          data: { activityId, ...(reason ? { reason } : {}), at: command.data.at },
        },
      ];
    }
    case 'RepointActivityContact':
      if (details.contactId !== command.data.fromContactId) return [];
      return [{ type: 'ActivityContactRepointed', data: { activityId, ...command.data } }];
    case 'ErasePersonalDetails':
      // Any status: a done call still held the number. Once is enough.
      if (state.personalDetailsErased) return [];
      return [{ type: 'ActivityPersonalDetailsErased', data: { activityId, at: command.data.at } }];
  }
}

export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  initialState: initialActivityState,
  evolve: evolveActivity,
  decide: decideActivity,
};

export type DueStatus =
  'completed' | 'cancelled' | 'unscheduled' | 'overdue' | 'due-soon' | 'upcoming';

/** Where an activity stands at `now`; "soon" means within `soonWithinMs` (default 24 h). */
export function dueStatus(
  activity: { status: ActivityStatus; dueAt?: string },
  now: Date,
  soonWithinMs = 24 * 60 * 60 * 1000,
): DueStatus {
  if (activity.status !== 'open') return activity.status;
  if (!activity.dueAt) return 'unscheduled';
  const due = Date.parse(activity.dueAt);
  if (due < now.getTime()) return 'overdue';
  return due - now.getTime() <= soonWithinMs ? 'due-soon' : 'upcoming';
}

function log(
  d: Extract<ActivityCommand, { type: 'LogActivity' }>['data'],
  state: ActivityState,
): ActivityEvent[] {
  if (state.exists) throw ActivityErrors.activityAlreadyExists(state.activityId);
  if (!ACTIVITY_KINDS.includes(d.kind)) throw ActivityErrors.invalidActivityKind(ACTIVITY_KINDS);
  const priority = d.priority ?? 'normal';
  if (!PRIORITIES.includes(priority)) throw ActivityErrors.invalidPriority(PRIORITIES);
  if (d.dueAt !== undefined) requireInstant(d.dueAt, 'dueAt');
  if (d.heldAt !== undefined) requireInstant(d.heldAt, 'heldAt');
  const timeZone = d.timeZone === undefined ? undefined : parseTimeZone(d.timeZone, 'timeZone');
  // A call needs a phone; any other activity may carry one, under the same rule.
  const phone =
    d.kind === 'call' || d.phone?.trim() ? parsePhoneNumber(d.phone, 'phone') : undefined;

  if (d.purpose !== undefined && d.kind !== 'call') throw ActivityErrors.purposeOnlyForCalls();
  if (d.purpose !== undefined && !(CALL_PURPOSES as readonly string[]).includes(d.purpose))
    throw ActivityErrors.invalidCallPurpose(CALL_PURPOSES);
  switch (d.kind) {
    case 'call':
      if (!d.contactId && !d.leadId) throw ActivityErrors.callPartyRequired();
      if (!d.dueAt && !d.heldAt) throw ActivityErrors.callTimeRequired();
      break;
    case 'meeting':
      if (!d.heldAt) {
        if (d.dueAt === undefined) throw ActivityErrors.meetingTimeRequired();
        requireMeetingEnd(d.dueAt!, d.endsAt);
      }
      break;
    case 'task':
      if (d.dueAt === undefined) throw ActivityErrors.taskDueRequired();
      if (d.heldAt !== undefined) throw ActivityErrors.invalidHeldAt();
      break;
  }
  const requested = d.reminders ?? [];
  if (d.heldAt && requested.length > 0) throw ActivityErrors.reminderOnCompletedActivity();
  if (requested.length > MAX_REMINDERS) throw ActivityErrors.tooManyReminders(MAX_REMINDERS);
  if (new Set(requested.map((r) => r.reminderId)).size !== requested.length)
    throw ActivityErrors.repeatedReminderId();

  const optional = (key: string, value: string | undefined) =>
    value?.trim() ? { [key]: value.trim() } : {};
  const details: ActivityDetails = {
    kind: d.kind,
    subject: parseText(d.subject, 'subject', 300),
    assigneeId: parseText(d.assigneeId, 'assigneeId'),
    priority,
    ...optional('contactId', d.contactId),
    ...optional('leadId', d.leadId),
    ...optional('opportunityId', d.opportunityId),
    ...optional('dueAt', d.dueAt),
    ...optional('endsAt', d.endsAt),
    ...(timeZone ? { timeZone } : {}),
    ...optional('location', d.location),
    ...(d.purpose ? { purpose: d.purpose as CallPurpose } : {}),
  };
  const personal = { ...(phone ? { phone } : {}), ...optional('notes', d.notes) };
  const held = d.heldAt
    ? completed(d.activityId, details, { outcome: d.outcome, heldAt: d.heldAt, at: d.at })
    : undefined;
  const logged: ActivityEvent = {
    type: 'ActivityLogged',
    data: {
      activityId: d.activityId,
      dataSubject: dataSubjectOf(d.activityId, details),
      details,
      ...personal,
      reminders: validReminders(requested, d.dueAt),
      // Logged as held: the log says so itself, so its readers need not wait for the completion.
      ...(held?.type === 'ActivityCompleted'
        ? {
            heldAt: held.data.heldAt,
            ...(held.data.outcome ? { outcome: held.data.outcome } : {}),
          }
        : {}),
      at: d.at,
    },
  };
  return held ? [logged, held] : [logged];
}

/** Personal data of an activity belongs to its contact, else its lead (crypto-shredding subject). */
export function dataSubjectOf(
  activityId: string,
  links: { contactId?: string; leadId?: string },
): string {
  return links.contactId ?? links.leadId ?? activityId;
}

function withCompletionNotes(details: ActivityDetails, notes: string | undefined): ActivityDetails {
  if (!notes) return details;
  return { ...details, notes: details.notes ? `${details.notes}\n\n${notes}` : notes };
}

/** An erased personal field (see withCryptoShredding) reads as absent. */
function readable(key: 'phone' | 'notes', value: string | undefined): Record<string, string> {
  return value === undefined || isErased(value) ? {} : { [key]: value };
}

function completed(
  activityId: string,
  details: Pick<ActivityDetails, 'kind' | 'contactId' | 'leadId'>,
  d: { outcome?: string; notes?: string; heldAt?: string; at: string },
): ActivityEvent {
  if (d.heldAt !== undefined) {
    requireInstant(d.heldAt, 'heldAt');
    if (details.kind === 'task') throw ActivityErrors.invalidHeldAt();
  }
  const outcome = d.outcome?.trim();
  if (details.kind === 'call' && outcome && !(CALL_OUTCOMES as readonly string[]).includes(outcome))
    throw ActivityErrors.invalidCallOutcome(CALL_OUTCOMES);
  const notes = d.notes?.trim();
  const heldAt = details.kind === 'task' ? undefined : (d.heldAt ?? d.at);
  return {
    type: 'ActivityCompleted',
    data: {
      activityId,
      dataSubject: dataSubjectOf(activityId, details),
      ...(outcome ? { outcome: parseText(outcome, 'outcome') } : {}),
      ...(notes ? { notes } : {}),
      ...(heldAt ? { heldAt } : {}),
      completedAt: d.at,
    },
  };
}

function validReminders(
  reminders: readonly ReminderRequest[],
  dueAt: string | undefined,
): Reminder[] {
  return reminders.map((r, i) => {
    parseText(r.reminderId, `reminders[${i}].reminderId`, 100);
    requireInstant(r.remindAt, `reminders[${i}].remindAt`);
    if (dueAt && Date.parse(r.remindAt) > Date.parse(dueAt)) {
      throw ActivityErrors.reminderAfterDue(`reminders[${i}].remindAt`);
    }
    return { reminderId: r.reminderId, remindAt: new Date(Date.parse(r.remindAt)).toISOString() };
  });
}

function requireInstant(value: string, field: string): void {
  parseInstant(value, field);
}

function requireMeetingEnd(startsAt: string, endsAt: string | undefined): void {
  if (endsAt !== undefined) requireInstant(endsAt, 'endsAt');
  if (endsAt === undefined || !(Date.parse(endsAt) > Date.parse(startsAt)))
    throw ActivityErrors.invalidMeetingEnd();
}

function requireOpen(state: ActivityState): void {
  if (state.status !== 'open') throw ActivityErrors.activityClosed(state.status);
}
