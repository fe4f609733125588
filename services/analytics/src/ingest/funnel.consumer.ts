/**
 * crm.sales.v1 leads and opportunities into the funnel tables (leads, opportunities,
 * opportunity_stage_changes, opportunity_reopenings), and their state topics
 * (`crm.sales.lead.state.v1`, `crm.sales.opportunity.state.v1`) for the bootstrap. Current
 * values follow record-marks.ts' order rules; stage entries and reopenings are facts with a
 * natural key, applied whatever came first (a state's stageHistory adds the same entries), so the
 * history is the same live and after a replay. A deal or lead naming an erased person keeps no
 * reference to them; one naming a merged-away person names the survivor.
 */
import * as C from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/schema';
import {
  leadPatchOf,
  leadPatchOfState,
  opportunityPatchOf,
  opportunityPatchOfState,
  stageEntryOf,
  type LeadStateV1,
  type OpportunityStateV1,
} from './funnel-facts';
import { INGEST_CONSUMER } from './ingest-consumer';
import { admitEvent, admitState, ownerOf } from './record-marks';
import { lockRecords } from './record-locks';
import { upsertPatch, type RowPatch } from './row-patch';
import type { Sql } from './sql';

const LEAD_EVENTS = [
  C.LeadCaptured,
  C.LeadScored,
  C.LeadWorked,
  C.LeadQualified,
  C.LeadConverted,
  C.LeadDisqualified,
].map((e) => e.type);

const OPPORTUNITY_EVENTS = [
  C.OpportunityOpened,
  C.OpportunityStageChanged,
  C.OpportunityWon,
  C.OpportunityLost,
  C.OpportunityReopened,
  C.OpportunityDetailsChanged,
  C.OpportunityProbabilityChanged,
  C.OpportunityReassigned,
  C.OpportunityLineItemsSet,
].map((e) => e.type);

@Controller()
export class FunnelIngestConsumer {
  @EventPattern(LEAD_EVENTS, INGEST_CONSUMER)
  async lead(event: ReceivedIntegrationEvent<{ leadId: string }>, tx: PoolClient) {
    const tenant = event.tenant;
    const leadId = event.data.leadId;
    await lockRecords(tx, 'lead', tenant, [leadId]);
    if (!(await admitEvent(tx, tenant, 'lead', leadId, event.time))) return;
    const patch = await withContact(tx, tenant, leadPatchOf(event.type, event.data));
    await upsertPatch(tx, 'leads', 'lead_id', tenant, leadId, patch, event.time);
  }

  @EventPattern(C.LeadStateTopic.type, INGEST_CONSUMER)
  async leadState(event: ReceivedIntegrationEvent<LeadStateV1 | null>, tx: PoolClient) {
    // A tombstone erases the lead's personal profile, which analytics never kept: the funnel
    // row (source, status, dates) stays.
    const state = event.data;
    if (state === null) return;
    const tenant = event.tenant;
    await lockRecords(tx, 'lead', tenant, [state.id]);
    if (!(await admitState(tx, tenant, 'lead', state.id, state.version, event.time))) return;
    const patch = await withContact(tx, tenant, leadPatchOfState(state));
    await upsertPatch(tx, 'leads', 'lead_id', tenant, state.id, patch, event.time);
  }

  @EventPattern(OPPORTUNITY_EVENTS, INGEST_CONSUMER)
  async opportunity(event: ReceivedIntegrationEvent<{ opportunityId: string }>, tx: PoolClient) {
    const tenant = event.tenant;
    const id = event.data.opportunityId;
    await lockRecords(tx, 'opportunity', tenant, [id]);
    const entry = stageEntryOf(event.type, event.data, event.time);
    if (entry) await recordStageEntries(tx, tenant, id, [entry]);
    if (event.type === C.OpportunityReopened.type) {
      const d = event.data as unknown as C.OpportunityReopenedV1;
      await tx.query(
        `INSERT INTO ${S}.opportunity_reopenings (tenant, opportunity_id, reopened_at, stage_id)
           VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [tenant, id, d.reopenedAt, d.stageId],
      );
    }
    if (!(await admitEvent(tx, tenant, 'opportunity', id, event.time))) return;
    const patch = await withContact(
      tx,
      tenant,
      opportunityPatchOf(event.type, event.data, event.time),
    );
    await upsertPatch(tx, 'opportunities', 'opportunity_id', tenant, id, patch, event.time);
  }

  @EventPattern(C.OpportunityStateTopic.type, INGEST_CONSUMER)
  async opportunityState(
    event: ReceivedIntegrationEvent<OpportunityStateV1 | null>,
    tx: PoolClient,
  ) {
    const tenant = event.tenant;
    const state = event.data;
    const id = state?.id ?? event.subject;
    await lockRecords(tx, 'opportunity', tenant, [id]);
    if (state === null) {
      for (const table of ['opportunity_stage_changes', 'opportunity_reopenings', 'opportunities'])
        await tx.query(`DELETE FROM ${S}.${table} WHERE tenant = $1 AND opportunity_id = $2`, [
          tenant,
          id,
        ]);
      return;
    }
    await recordStageEntries(tx, tenant, id, state.stageHistory ?? []);
    if (!(await admitState(tx, tenant, 'opportunity', id, state.version, event.time))) return;
    const patch = await withContact(tx, tenant, opportunityPatchOfState(state));
    await upsertPatch(tx, 'opportunities', 'opportunity_id', tenant, id, patch, event.time);
  }
}

/** The patch with its contact resolved: the survivor of a merge, nobody for an erased person. */
async function withContact(tx: Sql, tenant: string, patch: RowPatch): Promise<RowPatch> {
  const contactId = patch.contact_id as string | null | undefined;
  if (!contactId) return patch;
  await lockRecords(tx, 'contact', tenant, [contactId]);
  return { ...patch, contact_id: (await ownerOf(tx, tenant, contactId)) ?? null };
}

async function recordStageEntries(
  tx: Sql,
  tenant: string,
  opportunityId: string,
  entries: readonly { stageId: string; enteredAt: string }[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO ${S}.opportunity_stage_changes (tenant, opportunity_id, stage_id, entered_at)
     SELECT $1, $2, e.stage_id, e.entered_at
       FROM unnest($3::text[], $4::timestamptz[]) AS e (stage_id, entered_at)
     ON CONFLICT DO NOTHING`,
    [tenant, opportunityId, entries.map((e) => e.stageId), entries.map((e) => e.enteredAt)],
  );
}
