/**
 * What campaigns does with crm.analytics.v1: a ContactScored sets
 * audience_contacts.scores[<model name>] (the rules' `scores.<name>`), a RecommendationProduced
 * keeps the contact's latest product list for that model name; each applies only if its time
 * (scoredAt / producedAt) is after the one held for that contact and model name, so an older
 * score arriving late, or a redelivery, changes nothing. A change queues the contact for
 * re-evaluation (audience-changes.ts).
 *
 * A contact that is gone (erased, merged away, tombstoned) is ignored: nothing may be kept about
 * an erased person, and a duplicate's scores are not the survivor's (analytics scores the
 * survivor itself). A contact campaigns has not heard of yet keeps its scores and lists in the
 * side tables; the scores reach audience_contacts when its row appears (analytics-schema.ts).
 * Runs inside the inbox transaction under the contact's lock, like the contacts consumers.
 */
import { ContactScored, RecommendationProduced } from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { CLOCK, type Clock } from '@crm/platform';
import { Controller, Inject, Logger } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { queueAudienceChange } from './audience-changes';
import { AUDIENCE_CONSUMER } from './audience-consumer';
import { lockRecords } from './audience-locks';
import { modelName } from './analytics-model-name';
import { contactMark } from './contact-marks';

/** `data` of crm.analytics.contact.scored.v1 (libs/contracts analytics.events.ts). */
interface ContactScoredData {
  readonly contactId: string;
  readonly model: string;
  readonly score: number;
  readonly scoredAt: string;
}

/** `data` of crm.analytics.contact.recommendation_produced.v1. */
interface RecommendationProducedData {
  readonly contactId: string;
  readonly model: string;
  readonly productIds: readonly string[];
  readonly producedAt: string;
}

type AnalyticsData = ContactScoredData | RecommendationProducedData;

@Controller()
export class AnalyticsAudienceConsumer {
  private readonly logger = new Logger(AnalyticsAudienceConsumer.name);

  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern([ContactScored.type, RecommendationProduced.type], AUDIENCE_CONSUMER)
  async analytics(event: ReceivedIntegrationEvent<AnalyticsData>, tx: PoolClient): Promise<void> {
    const { tenant, data } = event;
    const name = modelName(data.model);
    if (!name) {
      this.logger.warn(`${event.type} ${event.id}: model "${data.model}" has no usable name`);
      return;
    }
    await lockRecords(tx, 'contact', tenant, [data.contactId]);
    if ((await contactMark(tx, tenant, data.contactId))?.gone) return;
    const changed =
      event.type === ContactScored.type
        ? await this.score(tx, tenant, name, data as ContactScoredData)
        : await this.recommend(tx, tenant, name, data as RecommendationProducedData);
    if (changed) await queueAudienceChange(tx, tenant, [data.contactId], this.clock.now());
  }

  /** Whether the contact's audience row changed (false: older score, or no row yet). */
  private async score(
    tx: PoolClient,
    tenant: string,
    name: string,
    d: ContactScoredData,
  ): Promise<boolean> {
    const kept = await tx.query(
      `INSERT INTO ${S}.audience_scores AS s (tenant, contact_id, model, score, scored_at)
         VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant, contact_id, model) DO UPDATE
         SET score = EXCLUDED.score, scored_at = EXCLUDED.scored_at
         WHERE s.scored_at < EXCLUDED.scored_at
       RETURNING 1`,
      [tenant, d.contactId, name, d.score, d.scoredAt],
    );
    if (kept.rowCount === 0) return false;
    const applied = await tx.query(
      `UPDATE ${S}.audience_contacts
          SET scores = scores || jsonb_build_object($3::text, $4::double precision)
        WHERE tenant = $1 AND contact_id = $2`,
      [tenant, d.contactId, name, d.score],
    );
    return (applied.rowCount ?? 0) > 0;
  }

  /** Whether a newer list was kept for a contact the audience has (no row yet: nothing to re-evaluate). */
  private async recommend(
    tx: PoolClient,
    tenant: string,
    name: string,
    d: RecommendationProducedData,
  ): Promise<boolean> {
    const kept = await tx.query(
      `INSERT INTO ${S}.audience_recommendations AS r (tenant, contact_id, model, product_ids, produced_at)
         VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant, contact_id, model) DO UPDATE
         SET product_ids = EXCLUDED.product_ids, produced_at = EXCLUDED.produced_at
         WHERE r.produced_at < EXCLUDED.produced_at
       RETURNING 1`,
      [tenant, d.contactId, name, d.productIds, d.producedAt],
    );
    if (kept.rowCount === 0) return false;
    const { rowCount } = await tx.query(
      `SELECT 1 FROM ${S}.audience_contacts WHERE tenant = $1 AND contact_id = $2`,
      [tenant, d.contactId],
    );
    return (rowCount ?? 0) > 0;
  }
}
