/**
 * What happens to a segment, on its `segment-<id>` stream. The membership helper reads the
 * `segments` read model these fill (not the events themselves); the events hold rules and contact
 * ids only, never personal data (emails uploaded for a static list are resolved before).
 */
import type { DomainEvent } from '@crm/event-sourcing';
import type { Rule } from './rules/rule';

export const SEGMENT_KINDS = ['dynamic', 'static'] as const;
/** dynamic: membership follows a rule; static: an uploaded list of contacts. */
export type SegmentKind = (typeof SEGMENT_KINDS)[number];

export const SEGMENT_STATUSES = ['draft', 'active', 'archived'] as const;
export type SegmentStatus = (typeof SEGMENT_STATUSES)[number];

export interface SegmentDetails {
  readonly name: string;
  readonly description?: string;
}

export type SegmentCreated = DomainEvent<
  'SegmentCreated',
  { segmentId: string; kind: SegmentKind; rule: Rule | null } & SegmentDetails
>;
/** Name and description as a whole (an absent description has been cleared). */
export type SegmentDetailsChanged = DomainEvent<
  'SegmentDetailsChanged',
  { segmentId: string } & SegmentDetails
>;
/**
 * The rule (or list) version this event starts, so the published fact can say it. Events recorded
 * before it was stored lack it; the fold counts versions either way.
 */
interface RuleVersioned {
  readonly ruleVersion?: number;
}

/** A dynamic segment's new rule (validated); members are re-evaluated against it. */
export type SegmentRuleChanged = DomainEvent<
  'SegmentRuleChanged',
  { segmentId: string; rule: Rule } & RuleVersioned
>;
/** A static segment's whole list, replacing the previous one. */
export type SegmentMembersListed = DomainEvent<
  'SegmentMembersListed',
  { segmentId: string; contactIds: string[] } & RuleVersioned
>;
export type SegmentActivated = DomainEvent<
  'SegmentActivated',
  { segmentId: string } & RuleVersioned
>;
export type SegmentArchived = DomainEvent<'SegmentArchived', { segmentId: string }>;

export type SegmentEvent =
  | SegmentCreated
  | SegmentDetailsChanged
  | SegmentRuleChanged
  | SegmentMembersListed
  | SegmentActivated
  | SegmentArchived;
