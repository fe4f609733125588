/**
 * Which tenant a message id belongs to, for the bounce webhook (a provider knows our message id,
 * not our tenants). From the sender's read model `campaign_messages` (sending/); a message it
 * does not show yet (just dispatched, the projection behind) is unknown to the webhook, which
 * says so per event so the provider (or its adapter) can send it again.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';

@Injectable()
export class MessageTenants {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async tenantOf(messageId: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ tenant: string }>(
      `SELECT tenant FROM ${S}.campaign_messages WHERE message_id = $1 LIMIT 2`,
      [messageId],
    );
    // The id is a v5 UUID of (tenant, campaign, contact, step): two tenants would be a collision.
    return rows.length === 1 ? rows[0].tenant : undefined;
  }
}
