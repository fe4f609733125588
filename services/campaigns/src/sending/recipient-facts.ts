/**
 * What the sender must know about a batch of recipients at send time, in a few queries: the
 * audience profile (for the template and the address), consent on the channel, erasure,
 * suppression, and how many marketing messages each had in the frequency window.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import type { Channel } from '../campaign/campaign.events';
import { S } from '../infrastructure/read-model-part';
import {
  AUDIENCE_CONTACT_COLUMNS,
  contactVariables,
  type AudienceContactRow,
  type MessageVariables,
} from '../templates/template-variables';
import { SuppressionList, type SuppressionReason } from './suppression-list';

export interface RecipientFacts {
  readonly contactId: string;
  /** Null: no audience row (erased, or never heard of). */
  readonly contact: MessageVariables['contact'] | null;
  readonly erased: boolean;
  readonly consent: string;
  readonly suppressed: SuppressionReason | null;
  /** Messages in flight or sent to this person in the frequency window, any campaign. */
  readonly recentMessages: number;
}

@Injectable()
export class RecipientFactsReader {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly suppressions: SuppressionList,
  ) {}

  async forBatch(
    tenant: string,
    channel: Channel,
    contactIds: readonly string[],
    windowStart: Date,
  ): Promise<Map<string, RecipientFacts>> {
    const [contacts, marks, suppressed, recent] = await Promise.all([
      this.pool.query<AudienceContactRow & { consent_status: string | null }>(
        `SELECT ${AUDIENCE_CONTACT_COLUMNS}, consent->>$3 AS consent_status
           FROM ${S}.audience_contacts WHERE tenant = $1 AND contact_id = ANY($2)`,
        [tenant, contactIds, channel],
      ),
      this.pool.query<{ contact_id: string }>(
        `SELECT contact_id FROM ${S}.audience_contact_marks
          WHERE tenant = $1 AND contact_id = ANY($2) AND (erased OR gone)`,
        [tenant, contactIds],
      ),
      this.suppressions.suppressed(tenant, channel, contactIds),
      this.pool.query<{ contact_id: string; n: number }>(
        `SELECT contact_id, count(*)::int AS n FROM ${S}.campaign_messages
          WHERE tenant = $1 AND contact_id = ANY($2) AND created_at >= $3
            AND status IN ('dispatched', 'deferred', 'sent', 'unknown')
          GROUP BY contact_id`,
        [tenant, contactIds, windowStart],
      ),
    ]);
    const rows = new Map(contacts.rows.map((r) => [r.contact_id, r]));
    const gone = new Set(marks.rows.map((r) => r.contact_id));
    const counts = new Map(recent.rows.map((r) => [r.contact_id, r.n]));
    return new Map(
      contactIds.map((contactId) => {
        const row = rows.get(contactId);
        return [
          contactId,
          {
            contactId,
            contact: row ? contactVariables(row) : null,
            erased: gone.has(contactId) || !row,
            consent: row?.consent_status ?? 'unknown',
            suppressed: suppressed.get(contactId) ?? null,
            recentMessages: counts.get(contactId) ?? 0,
          },
        ];
      }),
    );
  }
}
