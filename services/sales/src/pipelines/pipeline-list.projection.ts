/** `pipelines`: each pipeline's stages, for the board and for stage-move checks' display. */
import { foldingProjection } from '@crm/event-sourcing';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import { pipelineDecider } from './pipeline.decider';

export const pipelineListPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.pipelines (
      tenant text NOT NULL,
      pipeline_id text NOT NULL,
      name text NOT NULL,
      stages jsonb NOT NULL,
      state jsonb NOT NULL,
      version int NOT NULL,
      PRIMARY KEY (tenant, pipeline_id)
    );`,
  tables: ['pipelines'],
  handlers: foldingProjection({
    table: `${S}.pipelines`,
    idColumn: 'pipeline_id',
    decider: pipelineDecider,
    events: {
      PipelineCreated: true,
      PipelineRenamed: true,
      PipelineStagesRevised: true,
    },
    write: async (tx, { tenant, id, state, version }) => {
      await tx.query(
        `INSERT INTO ${S}.pipelines (tenant, pipeline_id, name, stages, state, version) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (tenant, pipeline_id) DO UPDATE SET name = $3, stages = $4, state = $5, version = $6`,
        [tenant, id, state.name, JSON.stringify(state.stages), JSON.stringify(state), version],
      );
    },
  }),
};
