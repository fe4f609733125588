/**
 * crm.aftersales.v1 into service_assets and service_cases (consumer group
 * `analytics.aftersales`, its own inbox). Every column keeps its first or latest time (least /
 * greatest) and the codes of the latest resolution, so facts apply in any order and a
 * redelivery, even under a new id, changes nothing. A fact about a contact erased here (or
 * merged away) is dropped or moved to the survivor, as the ingest does (record_marks).
 */
import * as C from '@crm/contracts';
import type { IntegrationEventPatternExtras, ReceivedIntegrationEvent } from '@crm/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/schema';
import { ownerOf } from '../ingest/record-marks';

export const AFTERSALES_CONSUMER: IntegrationEventPatternExtras = {
  consumer: 'analytics.aftersales',
};

/** Inserts the case row if missing (contact known), then applies `set` to it. */
async function touchCase(
  tx: PoolClient,
  tenant: string,
  caseId: string,
  rawContactId: string,
  set: string,
  values: unknown[],
): Promise<void> {
  const contactId = await ownerOf(tx, tenant, rawContactId);
  if (!contactId) return;
  await tx.query(
    `INSERT INTO ${S}.service_cases (tenant, case_id, contact_id) VALUES ($1, $2, $3)
     ON CONFLICT (tenant, case_id) DO NOTHING`,
    [tenant, caseId, contactId],
  );
  await tx.query(`UPDATE ${S}.service_cases c SET ${set} WHERE c.tenant = $1 AND c.case_id = $2`, [
    tenant,
    caseId,
    ...values,
  ]);
}

@Controller()
export class ServiceFactsConsumer {
  @EventPattern(C.AssetRegistered.type, AFTERSALES_CONSUMER)
  async assetRegistered(event: ReceivedIntegrationEvent<C.AssetRegisteredV1>, tx: PoolClient) {
    const d = event.data;
    await tx.query(
      `INSERT INTO ${S}.service_assets AS a (tenant, asset_id, product_id, registered_at)
         VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant, asset_id) DO UPDATE SET product_id = EXCLUDED.product_id,
         registered_at = least(a.registered_at, EXCLUDED.registered_at)`,
      [event.tenant, d.assetId, d.productId, d.registeredAt],
    );
  }

  @EventPattern(C.CaseOpened.type, AFTERSALES_CONSUMER)
  async caseOpened(event: ReceivedIntegrationEvent<C.CaseOpenedV1>, tx: PoolClient) {
    const d = event.data;
    await touchCase(
      tx,
      event.tenant,
      d.caseId,
      d.contactId,
      `asset_id = $3, channel = $4, category = $5, priority = $6,
       opened_at = least(c.opened_at, $7::timestamptz)`,
      [d.assetId ?? null, d.channel, d.category, d.priority, d.openedAt],
    );
  }

  /** A case resolved again after a reopening: the latest resolution's codes count. */
  @EventPattern(C.CaseResolved.type, AFTERSALES_CONSUMER)
  async caseResolved(event: ReceivedIntegrationEvent<C.CaseResolvedV1>, tx: PoolClient) {
    const d = event.data;
    const latest = `(c.resolved_at IS NULL OR $3::timestamptz >= c.resolved_at)`;
    await touchCase(
      tx,
      event.tenant,
      d.caseId,
      d.contactId,
      `resolution_code = CASE WHEN ${latest} THEN $4 ELSE c.resolution_code END,
       failure = CASE WHEN ${latest} THEN $5::boolean ELSE c.failure END,
       coverage = CASE WHEN ${latest} THEN $6 ELSE c.coverage END,
       first_resolved_at = least(c.first_resolved_at, $3::timestamptz),
       resolved_at = greatest(c.resolved_at, $3::timestamptz)`,
      [d.resolvedAt, d.resolutionCode, d.failure, d.coverage],
    );
  }

  @EventPattern(C.CaseReopened.type, AFTERSALES_CONSUMER)
  async caseReopened(event: ReceivedIntegrationEvent<C.CaseReopenedV1>, tx: PoolClient) {
    const d = event.data;
    await touchCase(
      tx,
      event.tenant,
      d.caseId,
      d.contactId,
      `first_reopened_at = least(c.first_reopened_at, $3::timestamptz),
       reopened_at = greatest(c.reopened_at, $3::timestamptz)`,
      [d.reopenedAt],
    );
  }

  @EventPattern(C.SlaBreached.type, AFTERSALES_CONSUMER)
  async slaBreached(event: ReceivedIntegrationEvent<C.SlaBreachedV1>, tx: PoolClient) {
    const d = event.data;
    const column =
      d.clock === 'first_response' ? 'first_response_breached_at' : 'resolution_breached_at';
    await touchCase(
      tx,
      event.tenant,
      d.caseId,
      d.contactId,
      `${column} = least(c.${column}, $3::timestamptz)`,
      [d.breachedAt],
    );
  }

  /** Rated once: the first rating stays. */
  @EventPattern(C.SatisfactionRecorded.type, AFTERSALES_CONSUMER)
  async satisfaction(event: ReceivedIntegrationEvent<C.SatisfactionRecordedV1>, tx: PoolClient) {
    const d = event.data;
    await touchCase(
      tx,
      event.tenant,
      d.caseId,
      d.contactId,
      `satisfaction = CASE WHEN c.satisfaction_at IS NULL OR $3::timestamptz < c.satisfaction_at
                           THEN $4::smallint ELSE c.satisfaction END,
       satisfaction_at = least(c.satisfaction_at, $3::timestamptz)`,
      [d.recordedAt, d.score],
    );
  }
}
