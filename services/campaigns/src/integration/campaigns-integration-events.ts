/**
 * Domain events of the campaigns log -> `crm.campaigns.v1` integration events (libs/contracts
 * campaigns.events.ts). Pure and deterministic, as the relay requires. Published, all keyed by
 * the segment id so one segment's lifecycle and its memberships stay in order on one partition:
 * - the segment's lifecycle as event-carried state (created with the whole segment, then the new
 *   values of what changed); a static list as its size only, the joins and leaves say who;
 * - memberships (joins and leaves), with ids and field keys only.
 * A membership's close is private (its leaves are published).
 * Campaigns: launched (with its cost, for ROI) and completed, keyed by the campaign id.
 * Conversions (attribution/): an order credited to a campaign, or taken back, keyed by the buyer. Messages (the send ledger), keyed
 * by the contact id so one person's messages and responses stay in order: sent, skipped, bounced,
 * complained, outcome unknown, and the opens, clicks and unsubscribes that count (bot and scanner
 * hits are recorded in campaigns, not published: the timeline shows people's actions). Ids,
 * reasons and provider codes only, never an address or a name.
 */
import * as C from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft, IntegrationEventMapper } from '@crm/messaging';
import type { MatchReason, MembershipEvent } from '../membership/membership.events';
import type { CampaignEvent } from '../campaign/campaign.events';
import type { ConversionEvent } from '../attribution/conversion.events';
import type { MessageEvent } from '../sending/message.events';
import type { Rule } from '../segments/rules/rule';
import type { SegmentEvent } from '../segments/segment.events';

/** The field keys the contact matched on, once each; `list` for a static segment. */
export function reasonKeys(why: readonly MatchReason[]): string[] {
  const keys = new Set<string>();
  for (const reason of why) {
    if (reason.path === 'list') keys.add('list');
    for (const field of reason.fields) keys.add(field);
  }
  return [...keys];
}

/**
 * The rule version a lifecycle fact brought into force, when the domain event records it; the
 * segment's domain events do not carry it yet (the decider counts it while folding), so the
 * member is left out then and the segment state topic has the value.
 */
function recordedRuleVersion(data: object): { ruleVersion?: number } {
  const version = (data as { ruleVersion?: unknown }).ruleVersion;
  return typeof version === 'number' ? { ruleVersion: version } : {};
}

/** The validated rule as published: the same JSON, typed as the contract's free-form object. */
const publishedRule = (rule: Rule) => rule as unknown as C.SegmentRuleV1;

function segmentFact(event: SegmentEvent, at: string): IntegrationEventDraft {
  const subject = event.data.segmentId;
  switch (event.type) {
    case 'SegmentCreated': {
      const d = event.data;
      const data: C.SegmentCreatedV1 = {
        segmentId: d.segmentId,
        name: d.name,
        description: d.description ?? null,
        kind: d.kind,
        status: 'draft',
        rule: d.rule === null ? null : publishedRule(d.rule),
        ruleVersion: 1,
        ...(d.kind === 'static' ? { listedContacts: 0 } : {}),
        createdAt: at,
      };
      return { type: C.SegmentCreated.type, subject, data };
    }
    case 'SegmentDetailsChanged': {
      const d = event.data;
      const data: C.SegmentDetailsChangedV1 = {
        segmentId: d.segmentId,
        name: d.name,
        description: d.description ?? null,
        changedAt: at,
      };
      return { type: C.SegmentDetailsChanged.type, subject, data };
    }
    case 'SegmentRuleChanged': {
      const data: C.SegmentRuleChangedV1 = {
        segmentId: subject,
        rule: publishedRule(event.data.rule),
        ...recordedRuleVersion(event.data),
        changedAt: at,
      };
      return { type: C.SegmentRuleChanged.type, subject, data };
    }
    case 'SegmentMembersListed': {
      const data: C.SegmentListReplacedV1 = {
        segmentId: subject,
        listedContacts: event.data.contactIds.length,
        ...recordedRuleVersion(event.data),
        replacedAt: at,
      };
      return { type: C.SegmentListReplaced.type, subject, data };
    }
    case 'SegmentActivated': {
      const data: C.SegmentActivatedV1 = {
        segmentId: subject,
        status: 'active',
        ...recordedRuleVersion(event.data),
        activatedAt: at,
      };
      return { type: C.SegmentActivated.type, subject, data };
    }
    case 'SegmentArchived': {
      const data: C.SegmentArchivedV1 = { segmentId: subject, status: 'archived', archivedAt: at };
      return { type: C.SegmentArchived.type, subject, data };
    }
  }
}

const SEGMENT_EVENT_TYPES: ReadonlySet<string> = new Set<SegmentEvent['type']>([
  'SegmentCreated',
  'SegmentDetailsChanged',
  'SegmentRuleChanged',
  'SegmentMembersListed',
  'SegmentActivated',
  'SegmentArchived',
]);

function campaignFact(event: CampaignEvent): IntegrationEventDraft | null {
  const subject = event.data.campaignId;
  switch (event.type) {
    case 'CampaignLaunched': {
      const d = event.data;
      // Launched before the event carried its name and channel: nothing complete to publish.
      if (d.name === undefined || d.channel === undefined) return null;
      const data: C.CampaignLaunchedV1 = {
        campaignId: subject,
        channel: d.channel,
        name: d.name,
        launchedAt: d.launchedAt,
        ...(d.cost === undefined ? {} : { cost: d.cost }),
      };
      return { type: C.CampaignLaunched.type, subject, data };
    }
    case 'CampaignCompleted': {
      const data: C.CampaignCompletedV1 = {
        campaignId: subject,
        completedAt: event.data.completedAt,
      };
      return { type: C.CampaignCompleted.type, subject, data };
    }
    default:
      return null;
  }
}

function messageFact(event: MessageEvent): IntegrationEventDraft | null {
  const d = event.data;
  const ref = {
    messageId: d.messageId,
    campaignId: d.campaignId,
    contactId: d.contactId,
    channel: d.channel,
  };
  const subject = d.contactId;
  switch (event.type) {
    case 'MessageSent': {
      const data: C.MessageSentV1 = { ...ref, sentAt: event.data.at };
      return { type: C.MessageSent.type, subject, data };
    }
    case 'MessageSkipped': {
      const data: C.MessageSkippedV1 = {
        ...ref,
        reason: event.data.reason,
        skippedAt: event.data.at,
      };
      return { type: C.MessageSkipped.type, subject, data };
    }
    case 'MessageBounced': {
      const data: C.MessageBouncedV1 = {
        ...ref,
        kind: event.data.kind,
        code: event.data.code?.slice(0, 100) ?? null,
        bouncedAt: event.data.at,
      };
      return { type: C.MessageBounced.type, subject, data };
    }
    case 'MessageComplained': {
      const data: C.MessageComplainedV1 = { ...ref, complainedAt: event.data.at };
      return { type: C.MessageComplained.type, subject, data };
    }
    case 'MessageOutcomeUnknown': {
      const data: C.MessageOutcomeUnknownV1 = {
        ...ref,
        reason: event.data.reason.slice(0, 500),
        at: event.data.at,
      };
      return { type: C.MessageOutcomeUnknown.type, subject, data };
    }
    case 'MessageOpened': {
      if (!event.data.countsInRates) return null;
      const data: C.MessageOpenedV1 = {
        messageId: d.messageId,
        campaignId: d.campaignId,
        contactId: d.contactId,
        openedAt: event.data.at,
      };
      return { type: C.MessageOpened.type, subject, data };
    }
    case 'MessageClicked': {
      if (!event.data.countsInRates) return null;
      const data: C.MessageClickedV1 = {
        messageId: d.messageId,
        campaignId: d.campaignId,
        contactId: d.contactId,
        url: event.data.url.slice(0, 2000),
        clickedAt: event.data.at,
      };
      return { type: C.MessageClicked.type, subject, data };
    }
    case 'MessageUnsubscribed': {
      const data: C.ContactUnsubscribedV1 = { ...ref, unsubscribedAt: event.data.at };
      return { type: C.ContactUnsubscribed.type, subject, data };
    }
    default:
      // Dispatched, deferred, redispatched and rejected are the sender's bookkeeping (a permanent
      // refusal is published as its hard bounce).
      return null;
  }
}

/** Keyed by the buyer, like their messages: a credit follows the response that earned it. */
function conversionFact(event: ConversionEvent): IntegrationEventDraft {
  const d = event.data;
  const ref = {
    orderId: d.orderId,
    contactId: d.contactId,
    messageId: d.messageId,
    campaignId: d.campaignId,
    variantId: d.variantId,
    revenueMinor: d.revenueMinor,
    currency: d.currency,
  };
  if (event.type === 'ConversionAttributed') {
    const data: C.ConversionAttributedV1 = {
      ...ref,
      rule: event.data.rule,
      touchedAt: event.data.touchedAt,
      placedAt: event.data.placedAt,
      attributedAt: event.data.at,
    };
    return { type: C.ConversionAttributed.type, subject: d.contactId, data };
  }
  const data: C.ConversionReversedV1 = {
    ...ref,
    reason: event.data.reason,
    reversedAt: event.data.at,
  };
  return { type: C.ConversionReversed.type, subject: d.contactId, data };
}

export const campaignsIntegrationEvents: IntegrationEventMapper = (
  recorded: RecordedEvent,
): IntegrationEventDraft | null => {
  const category = recorded.streamId.slice(0, recorded.streamId.indexOf('-'));
  if (category === 'message')
    return messageFact({ type: recorded.type, data: recorded.data } as MessageEvent);
  if (category === 'campaign')
    return campaignFact({ type: recorded.type, data: recorded.data } as CampaignEvent);
  if (category === 'conversion')
    return conversionFact({ type: recorded.type, data: recorded.data } as ConversionEvent);
  if (SEGMENT_EVENT_TYPES.has(recorded.type)) {
    const at = new Date(recorded.metadata.occurredAt).toISOString();
    return segmentFact({ type: recorded.type, data: recorded.data } as SegmentEvent, at);
  }
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
