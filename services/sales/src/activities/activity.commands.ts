import type { ActivityKind, ActivityLinks, Priority } from './activity.events';

export interface ReminderRequest {
  readonly reminderId: string;
  readonly remindAt: string;
}

export type LogActivity = {
  type: 'LogActivity';
  data: ActivityLinks & {
    activityId: string;
    kind: ActivityKind;
    subject: string;
    assigneeId: string;
    priority?: Priority;
    phone?: string;
    /** Calls only: one of CALL_PURPOSES. */
    purpose?: string;
    dueAt?: string;
    endsAt?: string;
    timeZone?: string;
    location?: string;
    notes?: string;
    /** A call or meeting that already took place: logged and completed at once. */
    heldAt?: string;
    outcome?: string;
    reminders?: ReminderRequest[];
    at: string;
  };
};
export type RescheduleActivity = {
  type: 'RescheduleActivity';
  data: { dueAt: string; endsAt?: string; at: string };
};
export type ReassignActivity = { type: 'ReassignActivity'; data: { assigneeId: string } };
export type AddReminder = { type: 'AddReminder'; data: ReminderRequest & { at: string } };
/** Issued by the reminder scheduler once `remindAt` has passed. */
export type FireReminder = { type: 'FireReminder'; data: { reminderId: string; at: string } };
export type CompleteActivity = {
  type: 'CompleteActivity';
  data: { outcome?: string; notes?: string; heldAt?: string; at: string };
};
export type CancelActivity = { type: 'CancelActivity'; data: { reason?: string; at: string } };
export type RepointActivityContact = {
  type: 'RepointActivityContact';
  data: { fromContactId: string; toContactId: string };
};

/** The data subject was erased: its phone and notes are gone (the key is shredded next). */
export type ErasePersonalDetails = { type: 'ErasePersonalDetails'; data: { at: string } };

export type ActivityCommand =
  | LogActivity
  | RescheduleActivity
  | ReassignActivity
  | AddReminder
  | FireReminder
  | CompleteActivity
  | CancelActivity
  | RepointActivityContact
  | ErasePersonalDetails;
