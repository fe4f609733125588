/** Every way a command on a deal (opportunity) can be refused. */
import { defineErrors } from '@crm/event-sourcing';

interface NamedStage {
  readonly stageId: string;
  readonly name: string;
}

export const OpportunityErrors = defineErrors('opportunity', {
  OpportunityNotFound: { kind: 'not-found', message: () => 'No such opportunity' },
  OpportunityAlreadyExists: {
    kind: 'conflict',
    message: (opportunityId: string) => `Opportunity ${opportunityId} already exists`,
  },
  /** The request names a deal that does not exist (the addressed resource exists: 422, not 404). */
  UnknownOpportunity: {
    kind: 'invalid',
    message: (opportunityId: string) => `No opportunity ${opportunityId}`,
    details: () => ({ field: 'opportunityId' }),
  },
  OpportunityClosed: {
    kind: 'conflict',
    message: (status: string) => `The deal is ${status}; reopen it first`,
    details: (status) => ({ status }),
  },
  OpportunityNotClosed: {
    kind: 'conflict',
    message: () => 'Only a won or lost deal can be reopened',
  },
  /** `move`: closing by a stage move, reopening into a closed stage, or opening in one. */
  InvalidStageMove: {
    kind: 'invalid',
    message: (
      move: 'close' | 'reopen' | 'open',
      stageId: string | undefined,
      stageName: string = '',
    ) =>
      move === 'close'
        ? `Close a deal with win or lose, not by moving it to "${stageName}"`
        : move === 'reopen'
          ? 'A reopened deal goes back to an open stage'
          : 'A deal opens in an open stage',
    details: (move, stageId) => (move === 'open' ? { stageId } : { toStageId: stageId }),
  },
  StageSkipRequiresReason: {
    kind: 'invalid',
    message: (target: NamedStage, skipped: readonly NamedStage[]) =>
      `Moving to "${target.name}" skips ${skipped.map((s) => `"${s.name}"`).join(', ')}: give a reason`,
    details: (_target, skipped: readonly NamedStage[]) => ({
      skippedStageIds: skipped.map((s) => s.stageId),
    }),
  },
  WinRequiresReason: {
    kind: 'invalid',
    message: (lastOpenStageName: string, _stageId: string) =>
      `Winning from a stage before "${lastOpenStageName}" needs a reason or an accepted quote`,
    details: (_name, stageId) => ({ stageId }),
  },
  AmountFromLineItems: {
    kind: 'conflict',
    message: () => 'The amount follows the line items: change those instead',
  },
  PipelineMismatch: {
    kind: 'conflict',
    message: (pipelineId: string) => `The deal belongs to pipeline ${pipelineId}`,
  },
  UnknownStage: {
    kind: 'invalid',
    message: (stageId: string) => `No stage ${stageId} in this pipeline`,
    details: (stageId) => ({ stageId }),
  },
  InvalidProbability: {
    kind: 'invalid',
    message: () => 'probability must be a whole percentage 0..100',
    details: () => ({ field: 'probability' }),
  },
  InvalidForecastCategory: {
    kind: 'invalid',
    message: (allowed: readonly string[]) =>
      `forecastCategory must be one of ${allowed.join(', ')}`,
    details: () => ({ field: 'forecastCategory' }),
  },
});
