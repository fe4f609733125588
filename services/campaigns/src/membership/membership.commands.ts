/**
 * What the membership engine tells a contact's memberships. Only the engine sends these (no
 * REST writes memberships): they carry the evaluation's outcome, the decider keeps the difference.
 */
import type { MatchReason, SegmentKindOfMembership } from './membership.events';

/** The outcome of evaluating one segment for the contact. */
export interface SegmentVerdict {
  readonly segmentId: string;
  readonly segmentName: string;
  readonly kind: SegmentKindOfMembership;
  readonly ruleVersion: number;
  /** The rule parts the contact matches; null when it does not match (is not listed). */
  readonly why: readonly MatchReason[] | null;
}

export type MembershipCommand =
  /** "These are the segments you match now": joins and leaves for the difference only. */
  | {
      type: 'ReconcileMemberships';
      data: { contactId: string; verdicts: readonly SegmentVerdict[]; at: string };
    }
  /** The segments were archived: their members leave. */
  | {
      type: 'LeaveArchivedSegments';
      data: { contactId: string; segmentIds: readonly string[]; at: string };
    }
  /** The contact was erased or merged into `mergedInto`: it leaves everything, for good. */
  | {
      type: 'CloseMemberships';
      data: {
        contactId: string;
        reason: 'contact_erased' | 'merged_away';
        mergedInto?: string;
        at: string;
      };
    };
