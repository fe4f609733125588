/**
 * Who is not to be messaged on a channel any more: a hard bounce, a complaint, an unsubscribe, or
 * three soft bounces of one contact on one channel. Kept by the message projection
 * (campaign-messages.projection.ts) in `suppressions`; the sender reads it at send time.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';

export type SuppressionReason = 'hard-bounce' | 'complaint' | 'unsubscribe' | 'soft-bounces';
export const SOFT_BOUNCES_TO_SUPPRESS = 3;

/** The first reason stays: a later one adds nothing (the contact is suppressed already). */
export async function suppress(
  tx: PoolClient,
  tenant: string,
  channel: string,
  contactId: string,
  reason: SuppressionReason,
  at: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO ${S}.suppressions (tenant, channel, contact_id, reason, at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tenant, channel, contact_id) DO NOTHING`,
    [tenant, channel, contactId, reason, at],
  );
}

@Injectable()
export class SuppressionList {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The suppressed among these contacts on this channel, with why. */
  async suppressed(
    tenant: string,
    channel: string,
    contactIds: readonly string[],
  ): Promise<Map<string, SuppressionReason>> {
    const { rows } = await this.pool.query<{ contact_id: string; reason: SuppressionReason }>(
      `SELECT contact_id, reason FROM ${S}.suppressions
        WHERE tenant = $1 AND channel = $2 AND contact_id = ANY($3)`,
      [tenant, channel, contactIds],
    );
    return new Map(rows.map((r) => [r.contact_id, r.reason]));
  }
}
