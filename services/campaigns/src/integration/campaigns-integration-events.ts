/**
 * Domain events of the campaigns log -> `crm.campaigns.v1` integration events (libs/contracts
 * campaigns.events.ts). Pure and deterministic, as the relay requires. Published: segment
 * memberships (joins and leaves, keyed by segment so one segment's entries stay in order), with
 * ids and field keys only. The segment's own lifecycle and a membership's close are private.
 */
import * as C from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft, IntegrationEventMapper } from '@crm/messaging';
import type { MatchReason, MembershipEvent } from '../membership/membership.events';

/** The field keys the contact matched on, once each; `list` for a static segment. */
export function reasonKeys(why: readonly MatchReason[]): string[] {
  const keys = new Set<string>();
  for (const reason of why) {
    if (reason.path === 'list') keys.add('list');
    for (const field of reason.fields) keys.add(field);
  }
  return [...keys];
}

export const campaignsIntegrationEvents: IntegrationEventMapper = (
  recorded: RecordedEvent,
): IntegrationEventDraft | null => {
  const event = { type: recorded.type, data: recorded.data } as MembershipEvent;
  switch (event.type) {
    case 'SegmentMemberJoined': {
      const d = event.data;
      const data: C.SegmentMemberJoinedV1 = {
        segmentId: d.segmentId,
        segmentName: d.segmentName,
        contactId: d.contactId,
        ruleVersion: d.ruleVersion,
        reasons: reasonKeys(d.why),
        joinedAt: d.at,
      };
      return { type: C.SegmentMemberJoined.type, subject: d.segmentId, data };
    }
    case 'SegmentMemberLeft': {
      const d = event.data;
      const data: C.SegmentMemberLeftV1 = {
        segmentId: d.segmentId,
        segmentName: d.segmentName,
        contactId: d.contactId,
        ruleVersion: d.ruleVersion,
        reason: d.reason,
        mergedInto: d.mergedInto ?? null,
        leftAt: d.at,
      };
      return { type: C.SegmentMemberLeft.type, subject: d.segmentId, data };
    }
    default:
      return null;
  }
};
