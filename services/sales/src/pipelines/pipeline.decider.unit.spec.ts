import { deciderSpec } from '@crm/event-sourcing/testing';
import type { PipelineEvent, Stage } from './pipeline.events';
import { pipelineDecider } from './pipeline.decider';

const given = deciderSpec(pipelineDecider);
const stages: Stage[] = [
  { stageId: 'prospect', name: 'Prospecting', kind: 'open', probability: 10 },
  { stageId: 'demo', name: 'Test drive', kind: 'open', probability: 40 },
  { stageId: 'negotiation', name: 'Negotiation', kind: 'open', probability: 70 },
  { stageId: 'won', name: 'Won', kind: 'won', probability: 100 },
  { stageId: 'lost', name: 'Lost', kind: 'lost', probability: 0 },
];
const created: PipelineEvent = {
  type: 'PipelineCreated',
  data: { pipelineId: 'p1', name: 'Cars', stages },
};

describe('Pipeline decider', () => {
  it('creates a named pipeline with ordered stages and default probabilities', () => {
    given([])
      .when({ type: 'CreatePipeline', data: { pipelineId: 'p1', name: ' Cars ', stages } })
      .then([created]);
  });

  it('puts won and lost after the open stages whatever order they were given in', () => {
    const shuffled = [stages[3], stages[0], stages[4], stages[1], stages[2]];
    given([])
      .when({ type: 'CreatePipeline', data: { pipelineId: 'p1', name: 'Cars', stages: shuffled } })
      .then([created]);
  });

  it.each([
    ['no won stage', stages.filter((s) => s.kind !== 'won')],
    [
      'two lost stages',
      [...stages, { stageId: 'lost2', name: 'Lost again', kind: 'lost' as const, probability: 0 }],
    ],
    [
      'no open stage',
      stages
        .filter((s) => s.kind !== 'open')
        .concat({ stageId: 'x', name: 'X', kind: 'won', probability: 100 }),
    ],
    ['duplicate ids', [...stages.slice(0, 4), { ...stages[4], stageId: 'demo' }]],
    ['duplicate names', [{ ...stages[0], name: 'test DRIVE' }, ...stages.slice(1)]],
    ['probability above 100', [{ ...stages[0], probability: 120 }, ...stages.slice(1)]],
    ['fractional probability', [{ ...stages[0], probability: 12.5 }, ...stages.slice(1)]],
    ['won below 100', [...stages.slice(0, 3), { ...stages[3], probability: 90 }, stages[4]]],
  ])('rejects stages with %s', (_, bad) => {
    given([])
      .when({ type: 'CreatePipeline', data: { pipelineId: 'p1', name: 'Cars', stages: bad } })
      .thenThrows('InvalidPipelineStages');
  });

  it('cannot create the same pipeline twice', () => {
    given([created])
      .when({ type: 'CreatePipeline', data: { pipelineId: 'p1', name: 'Cars', stages } })
      .thenThrows('PipelineAlreadyExists');
  });

  it('renames, and renaming to the same name is a no-op', () => {
    given([created])
      .when({ type: 'RenamePipeline', data: { name: 'New cars' } })
      .then([{ type: 'PipelineRenamed', data: { pipelineId: 'p1', name: 'New cars' } }]);
    given([created])
      .when({ type: 'RenamePipeline', data: { name: 'Cars' } })
      .thenNothingHappened();
  });

  it('revises stages (new stage, new probability) but never drops one deals may sit in', () => {
    const revised = [
      stages[0],
      { ...stages[1], probability: 50 },
      { stageId: 'offer', name: 'Offer', kind: 'open' as const, probability: 60 },
      ...stages.slice(2),
    ];
    given([created])
      .when({ type: 'RevisePipelineStages', data: { stages: revised } })
      .thenState((s) =>
        expect(s.stages.map((x) => x.stageId)).toEqual([
          'prospect',
          'demo',
          'offer',
          'negotiation',
          'won',
          'lost',
        ]),
      );
    given([created])
      .when({
        type: 'RevisePipelineStages',
        data: { stages: stages.filter((s) => s.stageId !== 'demo') },
      })
      .thenThrows(
        (e: any) => e.code === 'StageRemovalNotAllowed' && e.details.stageIds[0] === 'demo',
      );
  });

  it('refuses to revise a pipeline that does not exist', () => {
    given([])
      .when({ type: 'RenamePipeline', data: { name: 'x' } })
      .thenThrows('PipelineNotFound');
  });
});
