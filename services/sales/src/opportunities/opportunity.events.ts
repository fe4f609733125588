import type { DomainEvent } from '@crm/event-sourcing';

/** Forecast categories a rep may set; `closed` (won) and `omitted` (lost) follow from the outcome. */
export const FORECAST_CATEGORIES = ['pipeline', 'best-case', 'commit', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export interface OpportunityLineItem {
  readonly productId: string;
  readonly name: string;
  readonly quantity: number;
  /** Minor units (cents) of the opportunity's currency. */
  readonly unitPriceMinor: number;
}

export type OpportunityOpened = DomainEvent<
  'OpportunityOpened',
  {
    opportunityId: string;
    name: string;
    pipelineId: string;
    stageId: string;
    /** The stage's default probability at the time (whole percent). */
    stageProbability: number;
    amountMinor: number;
    currency: string;
    expectedCloseDate: string;
    ownerId: string;
    contactId?: string;
    companyId?: string;
    leadId?: string;
    at: string;
  }
>;
export type OpportunityStageChanged = DomainEvent<
  'OpportunityStageChanged',
  {
    opportunityId: string;
    pipelineId: string;
    fromStageId: string;
    toStageId: string;
    stageProbability: number;
    reason?: string;
    at: string;
  }
>;
export type OpportunityProbabilityOverridden = DomainEvent<
  'OpportunityProbabilityOverridden',
  /** null: back to the stage default. */
  { opportunityId: string; probability: number | null }
>;
export type OpportunityDetailsChanged = DomainEvent<
  'OpportunityDetailsChanged',
  {
    opportunityId: string;
    name?: string;
    amountMinor?: number;
    currency?: string;
    expectedCloseDate?: string;
    /** null: back to the category derived from the probability. */
    forecastCategory?: ForecastCategory | null;
  }
>;
export type OpportunityReassigned = DomainEvent<
  'OpportunityReassigned',
  { opportunityId: string; ownerId: string }
>;
export type OpportunityLineItemsSet = DomainEvent<
  'OpportunityLineItemsSet',
  { opportunityId: string; lineItems: OpportunityLineItem[]; amountMinor: number }
>;
export type OpportunityWon = DomainEvent<
  'OpportunityWon',
  {
    opportunityId: string;
    fromStageId: string;
    stageId: string;
    amountMinor: number;
    currency: string;
    orderId?: string;
    quoteId?: string;
    reason?: string;
    at: string;
  }
>;
export type OpportunityLost = DomainEvent<
  'OpportunityLost',
  {
    opportunityId: string;
    fromStageId: string;
    stageId: string;
    reason: string;
    competitor?: string;
    at: string;
  }
>;
export type OpportunityReopened = DomainEvent<
  'OpportunityReopened',
  { opportunityId: string; stageId: string; stageProbability: number; reason: string; at: string }
>;
/**
 * The order this deal was won with was cancelled: the win is undone and the deal is lost (its
 * lost stage, probability 0, forecast `omitted`), so forecast and board stop counting it. The
 * amount stays as what was lost; a rep who sells again reopens it.
 */
export type OpportunityOrderCancelled = DomainEvent<
  'OpportunityOrderCancelled',
  {
    opportunityId: string;
    orderId: string;
    fromStageId: string;
    stageId: string;
    /** The order's cancellation reason. */
    reason: string;
    at: string;
  }
>;
/** A merged contact's references move to the surviving contact. */
export type OpportunityContactRepointed = DomainEvent<
  'OpportunityContactRepointed',
  { opportunityId: string; fromContactId: string; toContactId: string }
>;

export type OpportunityEvent =
  | OpportunityOpened
  | OpportunityStageChanged
  | OpportunityProbabilityOverridden
  | OpportunityDetailsChanged
  | OpportunityReassigned
  | OpportunityLineItemsSet
  | OpportunityWon
  | OpportunityLost
  | OpportunityReopened
  | OpportunityOrderCancelled
  | OpportunityContactRepointed;
