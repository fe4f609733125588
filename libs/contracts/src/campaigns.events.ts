/**
 * `crm.campaigns.v1`: the campaigns service's facts (adding types or optional fields is
 * compatible, see the README). Only ids: the recipient is a contact id, a segment membership names
 * the contact by id and why it matches by field keys of the segment field catalogue, never by the
 * person's values.
 *
 * Segments are event-carried state, keyed by segment id (the membership facts are too, so one
 * segment's lifecycle and its joins and leaves share a partition and stay in order):
 * `segment.created` carries the whole segment; every later fact the NEW VALUES of what it changed
 * (details: name and description; rule: the rule and its version; a static list: how many are
 * listed, never who: the joins and leaves carry that; activation; archiving). A fact recorded
 * before campaigns kept a member (the rule version of a rule change, a list or an activation)
 * carries only what it has; `crm.campaigns.segment.state.v1` always has the current value.
 *
 * The rule is published. It is configuration, not a record about a person: field keys of the
 * catalogue (GET /segments/fields), operators and the literal values a marketer compares with
 * (a country, a product family, an amount, a relative window, an email DOMAIN such as
 * `@example.com`). The rule language does not stop a marketer from comparing a personal field
 * with one person's full email or phone; such a literal is published as written and is not
 * erased by `contact.erased`: a rule is for audiences, a single person belongs in a static list
 * (whose ids are never published here).
 */
import { defineIntegrationEvent } from './integration-event';
import {
  currencyCode,
  id,
  integer,
  list,
  minorUnits,
  nullable,
  object,
  oneOf,
  text,
  timestamp,
  type JsonSchema,
} from './json-schema';

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
      cost: nullable(
        object(
          {
            amountMinor: minorUnits('What the campaign costs, in minor units'),
            currency: currencyCode('Currency'),
          },
          ['amountMinor', 'currency'],
        ),
      ),
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

export const CampaignCompleted = campaigns(
  'campaign',
  'completed',
  'A broadcast reached everyone it was going to reach (sent, skipped, refused or unknown).',
  object({ campaignId, completedAt: timestamp('When') }, ['campaignId', 'completedAt']),
);

const messageFact = {
  messageId,
  campaignId,
  contactId,
  channel: oneOf(CHANNELS, 'Channel'),
};
const MESSAGE_FACT_REQUIRED = ['messageId', 'campaignId', 'contactId', 'channel'] as const;

export const MessageBounced = campaigns(
  'message',
  'bounced',
  'A message bounced: hard (refused for good; the contact is suppressed on the channel) or soft (three suppress).',
  object(
    {
      ...messageFact,
      kind: oneOf(['hard', 'soft'] as const, 'hard: permanent; soft: temporary'),
      code: nullable(text('The provider code (an SMTP reply code, a provider reason)', 100)),
      bouncedAt: timestamp('When'),
    },
    [...MESSAGE_FACT_REQUIRED, 'kind', 'code', 'bouncedAt'],
  ),
);

export const MessageComplained = campaigns(
  'message',
  'complained',
  'A recipient reported a message as spam; the contact is suppressed on the channel.',
  object({ ...messageFact, complainedAt: timestamp('When') }, [
    ...MESSAGE_FACT_REQUIRED,
    'complainedAt',
  ]),
);

export const MessageOutcomeUnknown = campaigns(
  'message',
  'outcome_unknown',
  'A message was handed to the provider and no answer came back (a timeout, a crash): it may have been delivered; it is never resent.',
  object(
    { ...messageFact, reason: text('Why the outcome is unknown', 500), at: timestamp('When') },
    [...MESSAGE_FACT_REQUIRED, 'reason', 'at'],
  ),
);

export const MESSAGE_SKIP_REASONS = [
  'no-consent',
  'suppressed',
  'erased',
  'no-address',
  'frequency-cap',
  'no-offer',
  'render-failed',
] as const;

export const MessageSkipped = campaigns(
  'message',
  'skipped',
  'A campaign did not send to a contact at send time, and never will for that step (the reason, no personal data).',
  object(
    {
      ...messageFact,
      reason: oneOf(MESSAGE_SKIP_REASONS, 'Why (consumers treat an unknown reason as "other")'),
      skippedAt: timestamp('When'),
    },
    [...MESSAGE_FACT_REQUIRED, 'reason', 'skippedAt'],
  ),
);

const conversionFact = {
  orderId: id('The order (crm.sales.v1) the campaign is credited with'),
  contactId: id('The buyer'),
  messageId: id('The campaign message whose response earned the order'),
  campaignId,
  variantId: nullable(text('The variant of that message', 100)),
  revenueMinor: minorUnits("The order's total, in minor units of its currency"),
  currency: nullable(currencyCode('Currency of the order')),
};
const CONVERSION_REQUIRED = [
  'orderId',
  'contactId',
  'messageId',
  'campaignId',
  'variantId',
  'revenueMinor',
  'currency',
] as const;

export const ConversionAttributed = campaigns(
  'conversion',
  'attributed',
  "An order was credited to a campaign: the buyer's last human click on a campaign message within the click window (default 7 days), else the last human open within the open window (default 1 day).",
  object(
    {
      ...conversionFact,
      rule: oneOf(['last-click', 'last-open'] as const, 'Which step of the rule matched'),
      touchedAt: timestamp('When the credited response happened'),
      placedAt: timestamp('When the order was placed'),
      attributedAt: timestamp('When campaigns decided it'),
    },
    [...CONVERSION_REQUIRED, 'rule', 'touchedAt', 'placedAt', 'attributedAt'],
  ),
);

export const ConversionReversed = campaigns(
  'conversion',
  'reversed',
  'A credited order was cancelled or returned: the campaign no longer earned it.',
  object(
    {
      ...conversionFact,
      reason: oneOf(['cancelled', 'returned'] as const, 'What happened to the order'),
      reversedAt: timestamp('When'),
    },
    [...CONVERSION_REQUIRED, 'reason', 'reversedAt'],
  ),
);

export interface ConversionAttributedV1 {
  readonly orderId: string;
  readonly contactId: string;
  readonly messageId: string;
  readonly campaignId: string;
  readonly variantId: string | null;
  readonly revenueMinor: number;
  readonly currency: string | null;
  readonly rule: 'last-click' | 'last-open';
  readonly touchedAt: string;
  readonly placedAt: string;
  readonly attributedAt: string;
}

export interface ConversionReversedV1 {
  readonly orderId: string;
  readonly contactId: string;
  readonly messageId: string;
  readonly campaignId: string;
  readonly variantId: string | null;
  readonly revenueMinor: number;
  readonly currency: string | null;
  readonly reason: 'cancelled' | 'returned';
  readonly reversedAt: string;
}

export interface CampaignLaunchedV1 {
  readonly campaignId: string;
  readonly channel: 'email' | 'sms' | 'phone' | 'post';
  readonly name: string;
  readonly launchedAt: string;
  /** For ROI; absent on facts published before the campaign's cost was. */
  readonly cost?: { readonly amountMinor: number; readonly currency: string } | null;
}
export interface CampaignCompletedV1 {
  readonly campaignId: string;
  readonly completedAt: string;
}
interface MessageFactV1 {
  readonly messageId: string;
  readonly campaignId: string;
  readonly contactId: string;
  readonly channel: 'email' | 'sms' | 'phone' | 'post';
}
export interface MessageSentV1 extends MessageFactV1 {
  readonly sentAt: string;
}
export interface MessageOpenedV1 {
  readonly messageId: string;
  readonly campaignId: string;
  readonly contactId: string;
  readonly openedAt: string;
}
export interface MessageClickedV1 {
  readonly messageId: string;
  readonly campaignId: string;
  readonly contactId: string;
  readonly url: string;
  readonly clickedAt: string;
}
export interface ContactUnsubscribedV1 {
  readonly messageId: string;
  readonly campaignId: string | null;
  readonly contactId: string;
  readonly channel: 'email' | 'sms' | 'phone' | 'post';
  readonly unsubscribedAt: string;
}
export interface MessageBouncedV1 extends MessageFactV1 {
  readonly kind: 'hard' | 'soft';
  readonly code: string | null;
  readonly bouncedAt: string;
}
export interface MessageComplainedV1 extends MessageFactV1 {
  readonly complainedAt: string;
}
export interface MessageOutcomeUnknownV1 extends MessageFactV1 {
  readonly reason: string;
  readonly at: string;
}
export interface MessageSkippedV1 extends MessageFactV1 {
  readonly reason: (typeof MESSAGE_SKIP_REASONS)[number];
  readonly skippedAt: string;
}

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

export const SEGMENT_KINDS = ['dynamic', 'static'] as const;
export type SegmentKindV1 = (typeof SEGMENT_KINDS)[number];
export const SEGMENT_STATUSES = ['draft', 'active', 'archived'] as const;
export type SegmentStatusV1 = (typeof SEGMENT_STATUSES)[number];

/** One rule node: `all` / `any` / `not` over conditions `{ field, op, value }`. */
export type SegmentRuleV1 = { readonly [member: string]: unknown };

/**
 * The rule as `GET /segments/{id}` answers it, free-form on purpose: its grammar grows with the
 * field catalogue, and a consumer that checks it against a fixed copy would refuse new operators.
 */
const segmentRule: JsonSchema = {
  type: ['object', 'null'],
  additionalProperties: true,
  description:
    'The validated rule; null for a static segment. A tree of { all: [rule...] }, { any: ' +
    '[rule...] }, { not: rule } over conditions { field, op, value }: field a key of the ' +
    'segment field catalogue (GET /segments/fields), op one of eq, ne, in, not_in, gt, gte, lt, ' +
    'lte, between, contains, contains_any, contains_all, exists, within_last, ' +
    'anniversary_within_next, bought, not_bought; value shaped by the field type and operator. ' +
    'Literal values are what the marketer wrote (a country, a family, an email domain): see the ' +
    'contract comment on personal data.',
};
const segmentRuleVersion = (whose: string) =>
  integer(
    `The rule version ${whose}: one more whenever the rule or the static list changes and on ` +
      'activation; the memberships that follow are decided on it',
    1,
  );
/** The members a segment fact and the segment state share (campaigns.state.ts). */
export const SegmentSchemas = {
  segmentId,
  name: text('Segment name', 200),
  description: nullable(text('Segment description; null when it has none', 2000)),
  kind: oneOf(SEGMENT_KINDS, 'dynamic: membership follows the rule; static: an uploaded list'),
  status: oneOf(SEGMENT_STATUSES, 'draft, active (members are kept live) or archived (for good)'),
  rule: segmentRule,
  listedContacts: integer('A static segment: how many contacts its list holds (never who)', 0),
};

export const SegmentCreated = campaigns(
  'segment',
  'created',
  'A segment was created (as a draft), with its whole state.',
  object(
    {
      ...SegmentSchemas,
      ruleVersion: segmentRuleVersion('it starts at'),
      createdAt: timestamp('When'),
    },
    ['segmentId', 'name', 'description', 'kind', 'status', 'rule', 'ruleVersion', 'createdAt'],
  ),
);

export const SegmentDetailsChanged = campaigns(
  'segment',
  'details_changed',
  "A segment's name or description changed; both are carried with their new values.",
  object(
    {
      segmentId,
      name: SegmentSchemas.name,
      description: SegmentSchemas.description,
      changedAt: timestamp('When'),
    },
    ['segmentId', 'name', 'description', 'changedAt'],
  ),
);

export const SegmentRuleChanged = campaigns(
  'segment',
  'rule_changed',
  "A dynamic segment's rule was replaced; an active segment re-evaluates everyone at the new " +
    'rule version (the joins and leaves follow).',
  object(
    {
      segmentId,
      rule: { ...segmentRule, type: 'object', description: 'The new rule (see segment.created)' },
      ruleVersion: segmentRuleVersion('now in force (absent on facts recorded before it was kept)'),
      changedAt: timestamp('When'),
    },
    ['segmentId', 'rule', 'changedAt'],
  ),
);

export const SegmentListReplaced = campaigns(
  'segment',
  'list_replaced',
  "A static segment's whole list was replaced; who joined and left follows as member_joined / " +
    'member_left.',
  object(
    {
      segmentId,
      listedContacts: SegmentSchemas.listedContacts,
      ruleVersion: segmentRuleVersion('now in force (absent on facts recorded before it was kept)'),
      replacedAt: timestamp('When'),
    },
    ['segmentId', 'listedContacts', 'replacedAt'],
  ),
);

export const SegmentActivated = campaigns(
  'segment',
  'activated',
  'A segment went live: its members are evaluated and kept current from now on.',
  object(
    {
      segmentId,
      status: oneOf(['active'], 'The new status'),
      ruleVersion: segmentRuleVersion('now in force (absent on facts recorded before it was kept)'),
      activatedAt: timestamp('When'),
    },
    ['segmentId', 'status', 'activatedAt'],
  ),
);

export const SegmentArchived = campaigns(
  'segment',
  'archived',
  'A segment was archived for good: every member leaves (member_left, reason segment_archived).',
  object(
    {
      segmentId,
      status: oneOf(['archived'], 'The new status'),
      archivedAt: timestamp('When'),
    },
    ['segmentId', 'status', 'archivedAt'],
  ),
);

export interface SegmentCreatedV1 {
  readonly segmentId: string;
  readonly name: string;
  readonly description: string | null;
  readonly kind: SegmentKindV1;
  readonly status: SegmentStatusV1;
  readonly rule: SegmentRuleV1 | null;
  readonly ruleVersion: number;
  /** Static segments only. */
  readonly listedContacts?: number;
  readonly createdAt: string;
}

export interface SegmentDetailsChangedV1 {
  readonly segmentId: string;
  readonly name: string;
  readonly description: string | null;
  readonly changedAt: string;
}

export interface SegmentRuleChangedV1 {
  readonly segmentId: string;
  readonly rule: SegmentRuleV1;
  readonly ruleVersion?: number;
  readonly changedAt: string;
}

export interface SegmentListReplacedV1 {
  readonly segmentId: string;
  readonly listedContacts: number;
  readonly ruleVersion?: number;
  readonly replacedAt: string;
}

export interface SegmentActivatedV1 {
  readonly segmentId: string;
  readonly status: 'active';
  readonly ruleVersion?: number;
  readonly activatedAt: string;
}

export interface SegmentArchivedV1 {
  readonly segmentId: string;
  readonly status: 'archived';
  readonly archivedAt: string;
}

export const CAMPAIGNS_EVENTS = [
  CampaignLaunched,
  CampaignCompleted,
  MessageSent,
  MessageOpened,
  MessageClicked,
  ContactUnsubscribed,
  MessageBounced,
  MessageComplained,
  MessageOutcomeUnknown,
  MessageSkipped,
  ConversionAttributed,
  ConversionReversed,
  SegmentCreated,
  SegmentDetailsChanged,
  SegmentRuleChanged,
  SegmentListReplaced,
  SegmentActivated,
  SegmentArchived,
  SegmentMemberJoined,
  SegmentMemberLeft,
] as const;
