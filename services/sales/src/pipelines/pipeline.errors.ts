/** Every way a command on a pipeline (or a reference to one) can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const PipelineErrors = defineErrors('pipeline', {
  PipelineNotFound: { kind: 'not-found', message: () => 'No such pipeline' },
  PipelineAlreadyExists: {
    kind: 'conflict',
    message: (pipelineId: string) => `Pipeline ${pipelineId} already exists`,
  },
  /** The request names a pipeline that does not exist (422: the body is wrong, not the URL). */
  UnknownPipeline: {
    kind: 'invalid',
    message: (pipelineId: string) => `No pipeline ${pipelineId}`,
    details: () => ({ field: 'pipelineId' }),
  },
  /** One code for every rule of the stage list; the message says which rule. */
  InvalidPipelineStages: {
    kind: 'invalid',
    message: (rule: string, _details?: Record<string, unknown>) => rule,
    details: (_rule, details?: Record<string, unknown>) => details,
  },
  StageRemovalNotAllowed: {
    kind: 'conflict',
    message: (_stageIds: readonly string[]) =>
      'Existing stages cannot be removed, only renamed or re-ordered',
    details: (stageIds) => ({ stageIds }),
  },
});
