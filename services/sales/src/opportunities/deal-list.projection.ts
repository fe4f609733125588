/**
 * `deals`: one row per opportunity with what the board, "my open deals" and the forecast ask:
 * stage, status, amount (cents), effective probability, forecast category and the close date
 * that places it in a period (the win date once won, else the expected close date).
 */
import { foldingProjection } from '@crm/event-sourcing';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import {
  effectiveProbability,
  forecastCategoryOf,
  opportunityDecider,
} from './opportunity.decider';

export const dealListPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.deals (
      tenant text NOT NULL,
      opportunity_id text NOT NULL,
      name text NOT NULL,
      pipeline_id text NOT NULL,
      stage_id text NOT NULL,
      status text NOT NULL,
      amount_minor bigint NOT NULL,
      currency text NOT NULL,
      probability int NOT NULL,
      forecast_category text NOT NULL,
      close_date date NOT NULL,
      expected_close_date date NOT NULL,
      owner_id text NOT NULL,
      contact_id text,
      company_id text,
      state jsonb NOT NULL,
      version int NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, opportunity_id)
    );
    -- Columns of the list's sorts (projection version 2): a table made before them gets them
    -- here, nullable because it may still hold rows; the rebuild that version bump starts fills them.
    ALTER TABLE ${S}.deals ADD COLUMN IF NOT EXISTS expected_close_date date,
      ADD COLUMN IF NOT EXISTS created_at timestamptz, ADD COLUMN IF NOT EXISTS updated_at timestamptz;
    CREATE INDEX IF NOT EXISTS deals_by_pipeline ON ${S}.deals (tenant, pipeline_id, stage_id);
    CREATE INDEX IF NOT EXISTS deals_by_owner ON ${S}.deals (tenant, owner_id, status);
    CREATE INDEX IF NOT EXISTS deals_by_close ON ${S}.deals (tenant, close_date);
    CREATE INDEX IF NOT EXISTS deals_by_contact ON ${S}.deals (tenant, contact_id);
    CREATE INDEX IF NOT EXISTS deals_by_company ON ${S}.deals (tenant, company_id);
    CREATE INDEX IF NOT EXISTS deals_sorted_by_expected_close ON ${S}.deals (tenant, expected_close_date, opportunity_id);
    CREATE INDEX IF NOT EXISTS deals_sorted_by_amount ON ${S}.deals (tenant, amount_minor, opportunity_id);
    CREATE INDEX IF NOT EXISTS deals_sorted_by_created ON ${S}.deals (tenant, created_at, opportunity_id);
    CREATE INDEX IF NOT EXISTS deals_sorted_by_updated ON ${S}.deals (tenant, updated_at, opportunity_id);`,
  tables: ['deals'],
  handlers: foldingProjection({
    table: `${S}.deals`,
    idColumn: 'opportunity_id',
    decider: opportunityDecider,
    events: {
      OpportunityOpened: true,
      OpportunityStageChanged: true,
      OpportunityProbabilityOverridden: true,
      OpportunityDetailsChanged: true,
      OpportunityReassigned: true,
      OpportunityLineItemsSet: true,
      OpportunityWon: true,
      OpportunityLost: true,
      OpportunityReopened: true,
      OpportunityOrderCancelled: true,
      OpportunityContactRepointed: true,
    },
    write: async (tx, { tenant, id, state, version, event }) => {
      const closeDate =
        state.status === 'won'
          ? state.stageHistory.at(-1)!.enteredAt.slice(0, 10)
          : state.expectedCloseDate;
      await tx.query(
        `INSERT INTO ${S}.deals (tenant, opportunity_id, name, pipeline_id, stage_id, status, amount_minor, currency, probability,
            forecast_category, close_date, owner_id, contact_id, company_id, state, version, expected_close_date,
            created_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$18)
         ON CONFLICT (tenant, opportunity_id) DO UPDATE SET name = $3, pipeline_id = $4, stage_id = $5, status = $6, amount_minor = $7,
            currency = $8, probability = $9, forecast_category = $10, close_date = $11, owner_id = $12, contact_id = $13,
            company_id = $14, state = $15, version = $16, expected_close_date = $17, updated_at = $18`,
        [
          tenant,
          id,
          state.name,
          state.pipelineId,
          state.stageId,
          state.status,
          state.amountMinor,
          state.currency,
          effectiveProbability(state),
          forecastCategoryOf(state),
          closeDate,
          state.ownerId,
          state.contactId ?? null,
          state.companyId ?? null,
          JSON.stringify(state),
          version,
          state.expectedCloseDate,
          // The event's time, not the database's: a replay gives the same values.
          event.createdAt,
        ],
      );
    },
  }),
};
