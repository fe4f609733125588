/**
 * The campaign read-model part: `campaigns`, one row per campaign (the folded state as jsonb,
 * folded with the decider's own `evolve`, plus the columns lists filter and sort on), and
 * `campaign_variant_counts`, one row per variant with what the sender counts (sent, delivered,
 * opened, clicked, converted; all zero until the sender of a later wave adds to them). The
 * variant rows follow the definition: a draft edit that changes the variants replaces them.
 */
import { handlersFor, idOfStream, type ProjectionHandler } from '@crm/event-sourcing';
import type { PoolClient } from 'pg';
import { S, type ReadModelPart } from '../infrastructure/read-model-part';
import { evolveCampaign, initialCampaignState, type CampaignState } from './campaign.decider';
import type { CampaignEvent } from './campaign.events';

const fold: ProjectionHandler = async (event, tx: PoolClient) => {
  const id = idOfStream(event.streamId);
  const { rows } = await tx.query<{ state: CampaignState }>(
    `SELECT state FROM ${S}.campaigns WHERE tenant = $1 AND campaign_id = $2 FOR UPDATE`,
    [event.tenant, id],
  );
  const before = rows[0]?.state ?? initialCampaignState();
  const domainEvent = { type: event.type, data: event.data } as CampaignEvent;
  const state = evolveCampaign(before, domainEvent);
  const definition = state.definition!;
  // The event's business time (the service clock), not the database's: a replay writes the same.
  const at = event.metadata.occurredAt;
  await tx.query(
    `INSERT INTO ${S}.campaigns (tenant, campaign_id, name, kind, channel, status, segment_id,
        state, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
     ON CONFLICT (tenant, campaign_id) DO UPDATE SET name = $3, kind = $4, channel = $5,
        status = $6, segment_id = $7, state = $8, version = $9, updated_at = $10`,
    [
      event.tenant,
      id,
      definition.name,
      definition.kind.type,
      definition.channel,
      state.status,
      definition.audience.segmentId,
      JSON.stringify(state),
      event.streamVersion,
      at,
    ],
  );
  if (domainEvent.type === 'CampaignCreated' || domainEvent.type === 'CampaignEdited') {
    const variantIds = definition.variants.map((v) => v.id);
    // Only drafts are edited, and nothing is sent from a draft: dropping a variant drops no counts.
    await tx.query(
      `DELETE FROM ${S}.campaign_variant_counts
        WHERE tenant = $1 AND campaign_id = $2 AND NOT (variant_id = ANY($3))`,
      [event.tenant, id, variantIds],
    );
    await tx.query(
      `INSERT INTO ${S}.campaign_variant_counts (tenant, campaign_id, variant_id, position)
       SELECT $1, $2, v, p FROM unnest($3::text[]) WITH ORDINALITY AS u(v, p)
       ON CONFLICT (tenant, campaign_id, variant_id) DO UPDATE SET position = EXCLUDED.position`,
      [event.tenant, id, variantIds],
    );
  }
};

export const campaignPart: ReadModelPart = {
  ddl: `
    CREATE TABLE IF NOT EXISTS ${S}.campaigns (
      tenant text NOT NULL,
      campaign_id text NOT NULL,
      name text NOT NULL,
      kind text NOT NULL,
      channel text NOT NULL,
      status text NOT NULL,
      segment_id text NOT NULL,
      state jsonb NOT NULL,
      version int NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (tenant, campaign_id)
    );
    CREATE INDEX IF NOT EXISTS campaigns_by_status ON ${S}.campaigns (status, tenant);
    CREATE INDEX IF NOT EXISTS campaigns_sorted_by_created ON ${S}.campaigns (tenant, created_at, campaign_id);
    CREATE INDEX IF NOT EXISTS campaigns_sorted_by_updated ON ${S}.campaigns (tenant, updated_at, campaign_id);
    CREATE INDEX IF NOT EXISTS campaigns_sorted_by_name ON ${S}.campaigns (tenant, lower(name), campaign_id);
    CREATE TABLE IF NOT EXISTS ${S}.campaign_variant_counts (
      tenant text NOT NULL,
      campaign_id text NOT NULL,
      variant_id text NOT NULL,
      position int NOT NULL,
      sent bigint NOT NULL DEFAULT 0,
      delivered bigint NOT NULL DEFAULT 0,
      opened bigint NOT NULL DEFAULT 0,
      clicked bigint NOT NULL DEFAULT 0,
      converted bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (tenant, campaign_id, variant_id)
    );`,
  tables: ['campaigns', 'campaign_variant_counts'],
  handlers: handlersFor<CampaignEvent>(
    {
      CampaignCreated: true,
      CampaignEdited: true,
      CampaignScheduled: true,
      CampaignLaunched: true,
      CampaignPaused: true,
      CampaignResumed: true,
      AbTestConcluded: true,
      CampaignCompleted: true,
      CampaignCancelled: true,
    },
    fold,
  ),
};
