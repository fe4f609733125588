/** `lead_list`: GET /leads (filters, search, sorts) and each lead's state for GET /leads/:id. */
import { foldingProjection } from '@crm/event-sourcing';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import { leadDecider } from './lead.decider';

export const leadListPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.lead_list (
      tenant text NOT NULL,
      lead_id text NOT NULL,
      name text NOT NULL,
      email text,
      company text,
      status text NOT NULL,
      source text NOT NULL,
      score int NOT NULL,
      owner_id text,
      contact_id text,
      state jsonb NOT NULL,
      version int NOT NULL,
      captured_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, lead_id)
    );
    -- For GET /leads sorted by updatedAt (projection version 5): nullable on a table that may
    -- still hold rows; the rebuild that version bump starts fills it.
    ALTER TABLE ${S}.lead_list ADD COLUMN IF NOT EXISTS updated_at timestamptz;
    CREATE INDEX IF NOT EXISTS lead_list_by_score ON ${S}.lead_list (tenant, score DESC, lead_id);
    CREATE INDEX IF NOT EXISTS lead_list_by_contact ON ${S}.lead_list (tenant, contact_id);
    CREATE INDEX IF NOT EXISTS lead_list_by_captured ON ${S}.lead_list (tenant, captured_at, lead_id);
    CREATE INDEX IF NOT EXISTS lead_list_by_updated ON ${S}.lead_list (tenant, updated_at, lead_id);
    CREATE INDEX IF NOT EXISTS lead_list_by_name ON ${S}.lead_list (tenant, lower(name), lead_id);`,
  tables: ['lead_list'],
  handlers: foldingProjection({
    table: `${S}.lead_list`,
    idColumn: 'lead_id',
    decider: leadDecider,
    events: {
      LeadCaptured: true,
      LeadProfileUpdated: true,
      LeadEngagementRecorded: true,
      LeadScored: true,
      LeadWorkStarted: true,
      LeadQualified: true,
      LeadDisqualified: true,
      LeadPersonalDataErased: true,
      LeadConversionStarted: true,
      LeadConversionAbandoned: true,
      LeadConverted: true,
    },
    write: async (tx, { tenant, id, state, version, event }) => {
      await tx.query(
        `INSERT INTO ${S}.lead_list AS l (tenant, lead_id, name, email, company, status, source, score, owner_id, contact_id, state, version, captured_at, updated_at)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$13)
         ON CONFLICT (tenant, lead_id) DO UPDATE SET name = $3, email = $4, company = $5, status = $6, source = $7, score = $8,
           owner_id = $9, contact_id = $10, state = $11, version = $12, updated_at = $13`,
        [
          tenant,
          id,
          state.profile.name,
          state.profile.email ?? null,
          state.profile.company ?? null,
          state.status,
          state.source,
          state.score,
          state.ownerId ?? null,
          state.contactId ?? null,
          JSON.stringify(state),
          version,
          event.metadata.occurredAt,
        ],
      );
    },
  }),
};
