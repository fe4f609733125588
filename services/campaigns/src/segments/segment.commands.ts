/** What a marketer asks of a segment. Rules arrive as untrusted JSON: the decider validates them. */
import type { SegmentKind } from './segment.events';

export type CreateSegment = {
  type: 'CreateSegment';
  data: {
    segmentId: string;
    name: string;
    description?: string | null;
    kind: SegmentKind;
    rule?: unknown;
  };
};
/** Merge-patch semantics: an absent member stays as it is; `description: null` clears it. */
export type EditSegment = {
  type: 'EditSegment';
  data: { name?: string; description?: string | null; rule?: unknown };
};
/** The whole static list (contact ids already resolved and de-duplicated by the caller). */
export type ListSegmentMembers = { type: 'ListSegmentMembers'; data: { contactIds: string[] } };
export type ActivateSegment = { type: 'ActivateSegment'; data: Record<string, never> };
export type ArchiveSegment = { type: 'ArchiveSegment'; data: Record<string, never> };

export type SegmentCommand =
  CreateSegment | EditSegment | ListSegmentMembers | ActivateSegment | ArchiveSegment;
