/**
 * What happens to a campaign, on its `campaign-<id>` stream. Events carry the campaign's
 * definition (segment ids, template ids, product ids, the company's sender identity) and times,
 * never a person: who received what is the send ledger's business (a later wave).
 */
import type { DomainEvent } from '@crm/event-sourcing';
import type { AbMetric } from './ab-test';

export const CAMPAIGN_STATUSES = [
  'draft',
  'scheduled',
  'sending',
  'paused',
  'completed',
  'cancelled',
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
/** Nothing changes a campaign in these. */
export const FINAL_STATUSES: readonly CampaignStatus[] = ['completed', 'cancelled'];

export const CAMPAIGN_KINDS = ['broadcast', 'triggered', 'recurring'] as const;
export type CampaignKindName = (typeof CAMPAIGN_KINDS)[number];
export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];
export const TRIGGER_EVENTS = ['order-placed', 'segment-entered', 'warranty-ending'] as const;

/** What starts a triggered campaign's message to one person. */
export type CampaignTrigger =
  /** An order with a line of this family (or this product), `delayDays` later. */
  | {
      readonly event: 'order-placed';
      readonly productFamily?: string;
      readonly productId?: string;
      readonly delayDays: number;
    }
  /** The person joined this segment, `delayDays` later. */
  | { readonly event: 'segment-entered'; readonly segmentId: string; readonly delayDays: number }
  /** `daysBefore` a warranty ends (after-sales publishes warranties in a later wave). */
  | { readonly event: 'warranty-ending'; readonly daysBefore: number };

export type CampaignKind =
  /** Once, to the audience: at the scheduled time, or when launched. */
  | { readonly type: 'broadcast' }
  | { readonly type: 'triggered'; readonly trigger: CampaignTrigger }
  /** Every `every` days or weeks at `timeOfDay` (HH:MM) in `timeZone` (the tenant's zone). */
  | {
      readonly type: 'recurring';
      readonly every: number;
      readonly unit: 'days' | 'weeks';
      readonly timeOfDay: string;
      readonly timeZone: string;
    };

export interface CampaignVariant {
  /** Short id shown in stats (`A`, `B`, ...). */
  readonly id: string;
  readonly templateId: string;
  readonly templateVersion: number;
  /** Percent of the test audience (all variants together: 100). */
  readonly sharePercent: number;
}

export interface AbTestPlan {
  /** Percent of the audience that receives the test first; the winner goes to the rest. */
  readonly testSharePercent: number;
  readonly metric: AbMetric;
  readonly significance: number;
  readonly minimumSamplePerVariant: number;
}

export interface CampaignDefinition {
  readonly name: string;
  readonly kind: CampaignKind;
  readonly channel: Channel;
  readonly audience: { readonly segmentId: string; readonly excludeSegmentId?: string };
  readonly variants: readonly CampaignVariant[];
  /** Present exactly when there are two or more variants. */
  readonly abTest?: AbTestPlan;
  /** Offer per person from analytics' recommendations of `model`, else the fallback product. */
  readonly nextBestOffer?: { readonly model: string; readonly fallbackProductId: string };
  /** What the campaign costs, for ROI. */
  readonly cost?: { readonly amountMinor: number; readonly currency: string };
  /** The company's identity the messages come from: email name/address, or the SMS sender id. */
  readonly sender: {
    readonly name?: string;
    readonly email?: string;
    readonly replyTo?: string;
    readonly smsSenderId?: string;
  };
}

type Id = { campaignId: string };
export type CampaignCreated = DomainEvent<
  'CampaignCreated',
  Id & { definition: CampaignDefinition }
>;
/** The whole new definition of a draft. */
export type CampaignEdited = DomainEvent<'CampaignEdited', Id & { definition: CampaignDefinition }>;
/** Armed for `sendAt`: a broadcast's send time, a recurring's first run, a triggered one's start. */
export type CampaignScheduled = DomainEvent<'CampaignScheduled', Id & { sendAt: string }>;
/** Sending starts: the A/B test share first (`test`) or everyone (`all`). */
export type CampaignLaunched = DomainEvent<
  'CampaignLaunched',
  /**
   * `name` and `channel` (for campaign.launched) since the sender, `cost` (null: none) since
   * attribution; absent on older events.
   */
  Id & {
    launchedAt: string;
    phase: 'test' | 'all';
    name?: string;
    channel?: Channel;
    cost?: { readonly amountMinor: number; readonly currency: string } | null;
  }
>;
export type CampaignPaused = DomainEvent<'CampaignPaused', Id & { pausedAt: string }>;
export type CampaignResumed = DomainEvent<'CampaignResumed', Id & { resumedAt: string }>;
/**
 * The test is over: `winner` goes to the rest of the audience; null when no variant won
 * (the first variant, the control, goes to the rest, and the stats say there was no winner).
 */
export type AbTestConcluded = DomainEvent<
  'AbTestConcluded',
  Id & { winner: string | null; pValue: number | null; concludedAt: string }
>;
export type CampaignCompleted = DomainEvent<'CampaignCompleted', Id & { completedAt: string }>;
export type CampaignCancelled = DomainEvent<
  'CampaignCancelled',
  Id & { cancelledAt: string; from: CampaignStatus }
>;

export type CampaignEvent =
  | CampaignCreated
  | CampaignEdited
  | CampaignScheduled
  | CampaignLaunched
  | CampaignPaused
  | CampaignResumed
  | AbTestConcluded
  | CampaignCompleted
  | CampaignCancelled;
