import type { Stage } from '../pipelines/pipeline.events';
import type { ForecastCategory, OpportunityLineItem } from './opportunity.events';

/** The pipeline as the handler loaded it; the decider checks stage moves against it. */
export interface PipelineSnapshot {
  readonly pipelineId: string;
  readonly stages: readonly Stage[];
}

export type OpenOpportunity = {
  type: 'OpenOpportunity';
  data: {
    opportunityId: string;
    name: string;
    pipeline: PipelineSnapshot;
    /** Defaults to the first open stage. */
    stageId?: string;
    amountMinor: number;
    currency: string;
    expectedCloseDate: string;
    ownerId: string;
    contactId?: string;
    companyId?: string;
    leadId?: string;
    at: string;
  };
};
export type ChangeOpportunityStage = {
  type: 'ChangeOpportunityStage';
  data: { pipeline: PipelineSnapshot; stageId: string; reason?: string; at: string };
};
export type OverrideOpportunityProbability = {
  type: 'OverrideOpportunityProbability';
  data: { probability: number | null };
};
export type UpdateOpportunity = {
  type: 'UpdateOpportunity';
  data: {
    name?: string;
    amountMinor?: number;
    currency?: string;
    expectedCloseDate?: string;
    forecastCategory?: ForecastCategory | null;
  };
};
export type ReassignOpportunity = { type: 'ReassignOpportunity'; data: { ownerId: string } };
export type SetOpportunityLineItems = {
  type: 'SetOpportunityLineItems';
  data: { lineItems: OpportunityLineItem[] };
};
export type WinOpportunity = {
  type: 'WinOpportunity';
  data: {
    pipeline: PipelineSnapshot;
    orderId?: string;
    quoteId?: string;
    amountMinor?: number;
    reason?: string;
    at: string;
  };
};
export type LoseOpportunity = {
  type: 'LoseOpportunity';
  data: { pipeline: PipelineSnapshot; reason: string; competitor?: string; at: string };
};
export type ReopenOpportunity = {
  type: 'ReopenOpportunity';
  data: { pipeline: PipelineSnapshot; stageId?: string; reason: string; at: string };
};
/** The order the deal was won with was cancelled: the sale did not happen. */
export type RecordOrderCancelled = {
  type: 'RecordOrderCancelled';
  data: { pipeline: PipelineSnapshot; orderId: string; reason: string; at: string };
};
export type RepointOpportunityContact = {
  type: 'RepointOpportunityContact';
  data: { fromContactId: string; toContactId: string };
};

export type OpportunityCommand =
  | OpenOpportunity
  | ChangeOpportunityStage
  | OverrideOpportunityProbability
  | UpdateOpportunity
  | ReassignOpportunity
  | RecordOrderCancelled
  | SetOpportunityLineItems
  | WinOpportunity
  | LoseOpportunity
  | ReopenOpportunity
  | RepointOpportunityContact;
