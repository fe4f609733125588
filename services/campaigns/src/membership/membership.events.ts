/**
 * What happens to one contact's segment memberships, on its `membership-<contactId>` stream:
 * joins and leaves of every segment, in order, plus the close that keeps an erased or merged-away
 * contact out for good. Ids and field keys only: why a contact matches names the rule parts and
 * their fields, never the person's values.
 */
import type { DomainEvent } from '@crm/event-sourcing';
import type { SegmentLeaveReason } from '@crm/contracts';

export type SegmentKindOfMembership = 'dynamic' | 'static';

/** One part of the rule the contact matches: its path in the rule and the fields it reads. */
export interface MatchReason {
  /** `rule.all[2]`, `rule` (a rule that is one condition), `list` (static segments). */
  readonly path: string;
  /** Field keys of the field catalogue, e.g. `profile.lifecycle_stage`. */
  readonly fields: readonly string[];
}

export type SegmentMemberJoined = DomainEvent<
  'SegmentMemberJoined',
  {
    segmentId: string;
    segmentName: string;
    kind: SegmentKindOfMembership;
    contactId: string;
    ruleVersion: number;
    why: MatchReason[];
    at: string;
  }
>;

export type SegmentMemberLeft = DomainEvent<
  'SegmentMemberLeft',
  {
    segmentId: string;
    segmentName: string;
    contactId: string;
    ruleVersion: number;
    reason: SegmentLeaveReason;
    /** The survivor, when the member was merged away. */
    mergedInto?: string;
    at: string;
  }
>;

/**
 * A member still matches after the rule changed, but through other parts: why it is a member,
 * as of the new rule version (not a join: it never left).
 */
export type SegmentMemberReasonsChanged = DomainEvent<
  'SegmentMemberReasonsChanged',
  { segmentId: string; contactId: string; ruleVersion: number; why: MatchReason[]; at: string }
>;

/** The contact was erased or merged away: it joins nothing any more (its leaves come first). */
export type MembershipsClosed = DomainEvent<
  'MembershipsClosed',
  {
    contactId: string;
    reason: 'contact_erased' | 'merged_away';
    mergedInto?: string;
    at: string;
  }
>;

export type MembershipEvent =
  SegmentMemberJoined | SegmentMemberLeft | SegmentMemberReasonsChanged | MembershipsClosed;
