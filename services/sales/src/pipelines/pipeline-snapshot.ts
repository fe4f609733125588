import type { AggregateCommands } from '@crm/platform';
import { STREAM } from '../infrastructure/streams';
import type { PipelineSnapshot } from '../opportunities/opportunity.commands';
import { pipelineDecider } from './pipeline.decider';
import { PipelineErrors } from './pipeline.errors';

/** The pipeline as it is now, for the opportunity decider's stage rules (read from the log, not a read model). */
export async function loadPipelineSnapshot(
  commands: AggregateCommands,
  tenant: string,
  pipelineId: string,
): Promise<PipelineSnapshot> {
  const { state } = await commands.load(pipelineDecider, tenant, STREAM.pipeline(pipelineId));
  if (!state.exists) throw PipelineErrors.unknownPipeline(pipelineId);
  return { pipelineId: state.pipelineId, stages: state.stages };
}
