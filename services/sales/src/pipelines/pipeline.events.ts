import type { DomainEvent } from '@crm/event-sourcing';

export type StageKind = 'open' | 'won' | 'lost';

export interface Stage {
  readonly stageId: string;
  readonly name: string;
  readonly kind: StageKind;
  /** Default win probability in whole percent (0..100); won is always 100 and lost 0. */
  readonly probability: number;
}

export type PipelineCreated = DomainEvent<
  'PipelineCreated',
  { pipelineId: string; name: string; stages: Stage[] }
>;
export type PipelineRenamed = DomainEvent<'PipelineRenamed', { pipelineId: string; name: string }>;
export type PipelineStagesRevised = DomainEvent<
  'PipelineStagesRevised',
  { pipelineId: string; stages: Stage[] }
>;

export type PipelineEvent = PipelineCreated | PipelineRenamed | PipelineStagesRevised;
