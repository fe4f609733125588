/**
 * What happens to a service case, on its `case-<id>` stream. Ids, codes and instants only, except
 * the subject, description, reply and note bodies: free text from or about the customer, personal
 * data of the case's contact (see case-personal-data.ts), encrypted with that contact's key.
 */
import type { DomainEvent } from '@crm/event-sourcing';
import type { CasePriority } from '../sla/sla-policy';

export const CASE_CHANNELS = ['email', 'phone', 'sms', 'chat', 'web', 'touchpoint'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

export const CASE_STATUSES = [
  'new',
  'in_progress',
  'waiting_on_customer',
  'resolved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Failure codes (a product failed) count for reliability; the others do not. */
export const FAILURE_RESOLUTION_CODES = [
  'repaired',
  'part_replaced',
  'unit_replaced',
  'failure_not_repairable',
] as const;
export const OTHER_RESOLUTION_CODES = [
  'answered',
  'configuration_changed',
  'user_error',
  'no_fault_found',
  'duplicate',
  'withdrawn',
] as const;
export const RESOLUTION_CODES = [...FAILURE_RESOLUTION_CODES, ...OTHER_RESOLUTION_CODES] as const;
export type ResolutionCode = (typeof RESOLUTION_CODES)[number];

/** The warranty on the day the case was resolved, as the asset said: decides what is billable. */
export const WARRANTY_COVERAGES = ['in_warranty', 'out_of_warranty', 'no_asset'] as const;
export type WarrantyCoverage = (typeof WARRANTY_COVERAGES)[number];

export type Assignee = { readonly kind: 'user' | 'queue'; readonly id: string };

/** Every case event names the contact: the data subject of its personal fields. */
interface OfCase {
  readonly caseId: string;
  readonly contactId: string;
  readonly at: string;
}

export type CaseOpened = DomainEvent<
  'CaseOpened',
  OfCase & {
    channel: CaseChannel;
    assetId?: string;
    category: string;
    priority: CasePriority;
    subject: string;
    description?: string;
  }
>;
export type CaseAssigned = DomainEvent<'CaseAssigned', OfCase & { assignee: Assignee }>;
export type CasePriorityChanged = DomainEvent<
  'CasePriorityChanged',
  OfCase & { priority: CasePriority }
>;
/** A public message on the case, by an agent (actorId = the user) or the customer. */
export type CaseReplied = DomainEvent<
  'CaseReplied',
  OfCase & { messageId: string; author: 'agent' | 'customer'; actorId: string; body: string }
>;
/** Internal: never shown to the customer. */
export type CaseNoted = DomainEvent<
  'CaseNoted',
  OfCase & { messageId: string; actorId: string; body: string }
>;
export type CaseStatusChanged = DomainEvent<
  'CaseStatusChanged',
  OfCase & { from: CaseStatus; to: CaseStatus }
>;
export type CaseResolved = DomainEvent<
  'CaseResolved',
  OfCase & {
    resolutionCode: ResolutionCode;
    failure: boolean;
    coverage: WarrantyCoverage;
    billable: boolean;
  }
>;
export type CaseClosed = DomainEvent<'CaseClosed', OfCase>;
export type CaseReopened = DomainEvent<'CaseReopened', OfCase & { from: 'resolved' | 'closed' }>;
export type SatisfactionRecorded = DomainEvent<'SatisfactionRecorded', OfCase & { score: number }>;

export type CaseEvent =
  | CaseOpened
  | CaseAssigned
  | CasePriorityChanged
  | CaseReplied
  | CaseNoted
  | CaseStatusChanged
  | CaseResolved
  | CaseClosed
  | CaseReopened
  | SatisfactionRecorded;
