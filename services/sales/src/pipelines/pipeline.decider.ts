/**
 * A tenant's named pipeline: ordered open stages (each with a default win probability) followed by
 * exactly one won and one lost stage. Opportunities take a snapshot of it into their commands, so
 * the stage-move rules (opportunity.decider) stay pure.
 */
import { type Decider } from '@crm/event-sourcing';
import { parseText } from '@crm/values';
import type { PipelineCommand } from './pipeline.commands';
import type { PipelineEvent, Stage } from './pipeline.events';
import { PipelineErrors } from './pipeline.errors';

export interface PipelineState {
  readonly exists: boolean;
  readonly pipelineId: string;
  readonly name: string;
  readonly stages: readonly Stage[];
}

export const initialPipelineState = (): PipelineState => ({
  exists: false,
  pipelineId: '',
  name: '',
  stages: [],
});

export function evolvePipeline(state: PipelineState, event: PipelineEvent): PipelineState {
  switch (event.type) {
    case 'PipelineCreated':
      return {
        exists: true,
        pipelineId: event.data.pipelineId,
        name: event.data.name,
        stages: event.data.stages,
      };
    case 'PipelineRenamed':
      return { ...state, name: event.data.name };
    case 'PipelineStagesRevised':
      return { ...state, stages: event.data.stages };
  }
}

export function decidePipeline(command: PipelineCommand, state: PipelineState): PipelineEvent[] {
  switch (command.type) {
    case 'CreatePipeline': {
      if (state.exists) throw PipelineErrors.pipelineAlreadyExists(state.pipelineId);
      const name = parseText(command.data.name, 'name', 100);
      return [
        {
          type: 'PipelineCreated',
          data: {
            pipelineId: command.data.pipelineId,
            name,
            stages: validStages(command.data.stages),
          },
        },
      ];
    }
    case 'RenamePipeline': {
      requireExists(state);
      const name = parseText(command.data.name, 'name', 100);
      return name === state.name
        ? []
        : [{ type: 'PipelineRenamed', data: { pipelineId: state.pipelineId, name } }];
    }
    case 'RevisePipelineStages': {
      requireExists(state);
      const stages = validStages(command.data.stages);
      const kept = new Set(stages.map((s) => s.stageId));
      const dropped = state.stages.filter((s) => !kept.has(s.stageId)).map((s) => s.stageId);
      if (dropped.length > 0) {
        // Deals may sit in these stages; removing them would strand them.
        throw PipelineErrors.stageRemovalNotAllowed(dropped);
      }
      return [{ type: 'PipelineStagesRevised', data: { pipelineId: state.pipelineId, stages } }];
    }
  }
}

export const pipelineDecider: Decider<PipelineCommand, PipelineEvent, PipelineState> = {
  initialState: initialPipelineState,
  evolve: evolvePipeline,
  decide: decidePipeline,
};

/** Stage order for moves: open stages in their order, then won and lost at the end. */
export function validStages(stages: readonly Stage[]): Stage[] {
  const invalid = PipelineErrors.invalidPipelineStages;
  if (!Array.isArray(stages) || stages.length < 3 || stages.length > 30) {
    throw invalid(
      'A pipeline needs at least one open stage plus one won and one lost stage (at most 30)',
    );
  }
  const ids = new Set<string>();
  const names = new Set<string>();
  const result = stages.map((stage, index) => {
    const name = parseText(stage.name, `stages[${index}].name`, 100);
    if (!stage.stageId || ids.has(stage.stageId))
      throw invalid(`stages[${index}].stageId must be present and unique`, { index });
    if (names.has(name.toLowerCase()))
      throw invalid(`stages[${index}].name must be unique`, { index });
    ids.add(stage.stageId);
    names.add(name.toLowerCase());
    if (!['open', 'won', 'lost'].includes(stage.kind))
      throw invalid(`stages[${index}].kind must be open, won or lost`, { index });
    if (!Number.isInteger(stage.probability) || stage.probability < 0 || stage.probability > 100) {
      throw invalid(`stages[${index}].probability must be a whole percentage 0..100`, { index });
    }
    if (stage.kind === 'won' && stage.probability !== 100)
      throw invalid('The won stage has probability 100', { index });
    if (stage.kind === 'lost' && stage.probability !== 0)
      throw invalid('The lost stage has probability 0', { index });
    return { stageId: stage.stageId, name, kind: stage.kind, probability: stage.probability };
  });
  const count = (kind: string) => result.filter((s) => s.kind === kind).length;
  if (count('won') !== 1 || count('lost') !== 1 || count('open') < 1) {
    throw invalid('A pipeline has open stages, exactly one won stage and exactly one lost stage');
  }
  // Keep open stages first in the given order, so "forward" is well defined.
  return [
    ...result.filter((s) => s.kind === 'open'),
    ...result.filter((s) => s.kind === 'won'),
    ...result.filter((s) => s.kind === 'lost'),
  ];
}

function requireExists(state: PipelineState): void {
  if (!state.exists) throw PipelineErrors.pipelineNotFound();
}
