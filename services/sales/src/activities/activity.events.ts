import type { CallPurpose } from '@crm/contracts';
import type { DomainEvent } from '@crm/event-sourcing';

export const ACTIVITY_KINDS = ['call', 'meeting', 'task'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Reminder {
  readonly reminderId: string;
  readonly remindAt: string;
}

/** What links an activity to the rest of sales. */
export interface ActivityLinks {
  readonly contactId?: string;
  readonly leadId?: string;
  readonly opportunityId?: string;
}

export interface ActivityDetails extends ActivityLinks {
  readonly kind: ActivityKind;
  readonly subject: string;
  /** Who does it (and who is reminded). */
  readonly assigneeId: string;
  readonly priority: Priority;
  /** Calls: the number dialled (E.164). */
  readonly phone?: string;
  /** Calls: why it is made (CALL_PURPOSES). */
  readonly purpose?: CallPurpose;
  /** Calls and meetings: the planned start; tasks: when they are due. */
  readonly dueAt?: string;
  /** Meetings: planned end. */
  readonly endsAt?: string;
  /** IANA zone the time was agreed in, so reminders and calendars show local time. */
  readonly timeZone?: string;
  readonly location?: string;
  readonly notes?: string;
}

export type ActivityLogged = DomainEvent<
  'ActivityLogged',
  {
    activityId: string;
    /** Whose personal data `phone` and `notes` are: the contact, else the lead, else the activity. */
    dataSubject: string;
    /** Without phone and notes: those are personal and travel (encrypted) beside it. */
    details: Omit<ActivityDetails, 'phone' | 'notes'>;
    phone?: string;
    notes?: string;
    reminders: Reminder[];
    /** Logged as already held (a call or meeting that took place): when, and how it went. */
    heldAt?: string;
    outcome?: string;
    at: string;
  }
>;
export type ActivityRescheduled = DomainEvent<
  'ActivityRescheduled',
  {
    activityId: string;
    /** Absent on events recorded before it was kept. */
    kind?: ActivityKind;
    dueAt: string;
    endsAt?: string;
    reminders: Reminder[];
  }
>;
export type ActivityReassigned = DomainEvent<
  'ActivityReassigned',
  { activityId: string; assigneeId: string }
>;
export type ReminderAdded = DomainEvent<
  'ReminderAdded',
  { activityId: string; reminder: Reminder }
>;
export type ReminderDue = DomainEvent<
  'ReminderDue',
  { activityId: string; reminderId: string; assigneeId: string; remindAt: string; firedAt: string }
>;
export type ActivityCompleted = DomainEvent<
  'ActivityCompleted',
  {
    activityId: string;
    dataSubject: string;
    outcome?: string;
    notes?: string;
    heldAt?: string;
    completedAt: string;
  }
>;
export type ActivityCancelled = DomainEvent<
  'ActivityCancelled',
  { activityId: string; reason?: string; at: string }
>;
export type ActivityContactRepointed = DomainEvent<
  'ActivityContactRepointed',
  { activityId: string; fromContactId: string; toContactId: string }
>;

/**
 * The person whose data the activity holds was erased: its phone number and notes are gone. The
 * fact is in the log, so the activity's state topic drops them too (the key is shredded next).
 */
export type ActivityPersonalDetailsErased = DomainEvent<
  'ActivityPersonalDetailsErased',
  { activityId: string; at: string }
>;

export type ActivityEvent =
  | ActivityLogged
  | ActivityRescheduled
  | ActivityReassigned
  | ReminderAdded
  | ReminderDue
  | ActivityCompleted
  | ActivityCancelled
  | ActivityContactRepointed
  | ActivityPersonalDetailsErased;
