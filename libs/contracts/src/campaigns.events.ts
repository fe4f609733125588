/**
 * `crm.campaigns.v1`: the campaigns service's facts (adding types or optional fields is
 * compatible, see the README). Only ids: the recipient is a contact id, a segment membership names
 * the contact by id and why it matches by field keys of the segment field catalogue, never by the
 * person's values.
 */
import { defineIntegrationEvent } from './integration-event';
import { id, integer, list, nullable, object, oneOf, text, timestamp } from './json-schema';

const CHANNELS = ['email', 'sms', 'phone', 'post'] as const;
const campaignId = id('Campaign id');
const messageId = id('Message id (one send to one contact; the aggregate id)');
const contactId = id('Recipient contact id');

function campaigns(
  aggregate: string,
  fact: string,
  summary: string,
  schema: ReturnType<typeof object>,
) {
  return defineIntegrationEvent({ service: 'campaigns', aggregate, fact, summary, schema });
}

export const CampaignLaunched = campaigns(
  'campaign',
  'launched',
  'A campaign started sending.',
  object(
    {
      campaignId,
      channel: oneOf(CHANNELS, 'Channel'),
      name: text('Campaign name', 300),
      launchedAt: timestamp('When'),
    },
    ['campaignId', 'channel', 'name', 'launchedAt'],
  ),
);

export const MessageSent = campaigns(
  'message',
  'sent',
  'A campaign message was sent to a contact.',
  object(
    {
      messageId,
      campaignId,
      contactId,
      channel: oneOf(CHANNELS, 'Channel'),
      sentAt: timestamp('When'),
    },
    ['messageId', 'campaignId', 'contactId', 'channel', 'sentAt'],
  ),
);

export const MessageOpened = campaigns(
  'message',
  'opened',
  'A recipient opened a message.',
  object({ messageId, campaignId, contactId, openedAt: timestamp('When') }, [
    'messageId',
    'campaignId',
    'contactId',
    'openedAt',
  ]),
);

export const MessageClicked = campaigns(
  'message',
  'clicked',
  'A recipient clicked a tracked link.',
  object(
    {
      messageId,
      campaignId,
      contactId,
      url: text('Target URL', 2000),
      clickedAt: timestamp('When'),
    },
    ['messageId', 'campaignId', 'contactId', 'url', 'clickedAt'],
  ),
);

export const ContactUnsubscribed = campaigns(
  'message',
  'unsubscribed',
  'A recipient unsubscribed through a message; contacts records the consent withdrawal.',
  object(
    {
      messageId,
      campaignId: nullable(campaignId),
      contactId,
      channel: oneOf(CHANNELS, 'Channel'),
      unsubscribedAt: timestamp('When'),
    },
    ['messageId', 'contactId', 'channel', 'unsubscribedAt'],
  ),
);

const segmentId = id('Segment id (the aggregate id)');
const segmentName = nullable(text('The segment name when it happened (for display only)', 200));
const memberId = id('Member contact id');
const ruleVersion = integer(
  'The version of the segment rule (or static list) the membership was decided on',
  1,
);

/** Why a contact left a segment. */
export const SEGMENT_LEAVE_REASONS = [
  'rule_no_longer_matches',
  'segment_archived',
  'contact_erased',
  'merged_away',
  'unlisted',
] as const;
export type SegmentLeaveReason = (typeof SEGMENT_LEAVE_REASONS)[number];

export const SegmentMemberJoined = campaigns(
  'segment',
  'member_joined',
  'A contact entered a segment: it now matches the rule (dynamic) or is listed (static).',
  object(
    {
      segmentId,
      segmentName,
      contactId: memberId,
      ruleVersion,
      reasons: list(
        text('A field key of the segment field catalogue (GET /segments/fields), or `list`', 200),
        'The fields of the rule parts the contact matches (no values); `list` for a static segment',
        100,
      ),
      joinedAt: timestamp('When'),
    },
    ['segmentId', 'contactId', 'ruleVersion', 'reasons', 'joinedAt'],
  ),
);

export const SegmentMemberLeft = campaigns(
  'segment',
  'member_left',
  'A contact left a segment: it no longer matches, the segment was archived, the contact was erased or merged into another one, or it was taken off a static list.',
  object(
    {
      segmentId,
      segmentName,
      contactId: memberId,
      ruleVersion,
      reason: oneOf(SEGMENT_LEAVE_REASONS, 'Why the contact left'),
      mergedInto: nullable(id('The surviving contact, when the member was merged away')),
      leftAt: timestamp('When'),
    },
    ['segmentId', 'contactId', 'ruleVersion', 'reason', 'leftAt'],
  ),
);

export interface SegmentMemberJoinedV1 {
  readonly segmentId: string;
  readonly segmentName?: string | null;
  readonly contactId: string;
  readonly ruleVersion: number;
  readonly reasons: readonly string[];
  readonly joinedAt: string;
}

export interface SegmentMemberLeftV1 {
  readonly segmentId: string;
  readonly segmentName?: string | null;
  readonly contactId: string;
  readonly ruleVersion: number;
  readonly reason: SegmentLeaveReason;
  readonly mergedInto?: string | null;
  readonly leftAt: string;
}

export const CAMPAIGNS_EVENTS = [
  CampaignLaunched,
  MessageSent,
  MessageOpened,
  MessageClicked,
  ContactUnsubscribed,
  SegmentMemberJoined,
  SegmentMemberLeft,
] as const;
