import type { Stage } from './pipeline.events';

export type CreatePipeline = {
  type: 'CreatePipeline';
  data: { pipelineId: string; name: string; stages: Stage[] };
};
export type RenamePipeline = { type: 'RenamePipeline'; data: { name: string } };
/** Replaces the ordered stage list; ids of existing stages must be kept so open deals keep their stage. */
export type RevisePipelineStages = { type: 'RevisePipelineStages'; data: { stages: Stage[] } };

export type PipelineCommand = CreatePipeline | RenamePipeline | RevisePipelineStages;
