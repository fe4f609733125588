import { DomainError } from '@crm/event-sourcing';
import type { AggregateCommands } from '@crm/platform';
import { STREAM } from '../infrastructure/streams';
import type { PipelineSnapshot } from '../opportunities/opportunity.commands';
import { pipelineDecider } from './pipeline.decider';

/** The pipeline as it is now, for the opportunity decider's stage rules (read from the log, not a read model). */
export async function loadPipelineSnapshot(
  commands: AggregateCommands,
  tenant: string,
  pipelineId: string,
): Promise<PipelineSnapshot> {
  const { state } = await commands.load(pipelineDecider, tenant, STREAM.pipeline(pipelineId));
  if (!state.exists)
    throw new DomainError('PipelineNotFound', `No pipeline ${pipelineId}`, 'invalid', {
      field: 'pipelineId',
    });
  return { pipelineId: state.pipelineId, stages: state.stages };
}
