/**
 * Erasure in sales. Leads are data subjects of their own (crypto-shredded profile, see
 * leads/lead-personal-data); when the contacts service erases a person, every lead converted
 * into them is erased too, and the read-model copies of their details (lead list, call numbers
 * and notes of their activities, their name in the local directory) are scrubbed.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ERASED, type SubjectKeyStore } from '@crm/event-sourcing';
import { PG_POOL } from '@crm/platform';
import type { Pool, PoolClient } from 'pg';
import { ERASED_PROFILE } from '../leads/lead-personal-data';
import { S } from '../infrastructure/read-model-part';
import { SUBJECT_KEYS } from '../infrastructure/tokens';

@Injectable()
export class PersonalData {
  constructor(
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** GDPR erasure of one lead (e.g. a lead that never became a contact). */
  async eraseLead(tenant: string, leadId: string, tx?: PoolClient): Promise<void> {
    await this.keys.erase(tenant, leadId);
    await (tx ?? this.pool).query(
      `UPDATE ${S}.lead_list SET name = $3, email = NULL, company = NULL,
         state = jsonb_set(state, '{profile}', $4::jsonb) WHERE tenant = $1 AND lead_id = $2`,
      [tenant, leadId, ERASED, JSON.stringify(ERASED_PROFILE)],
    );
  }

  /** The contacts service erased a person: erase what sales holds about them. */
  async eraseContact(tenant: string, contactId: string, tx: PoolClient): Promise<void> {
    const { rows } = await tx.query<{ lead_id: string }>(
      `SELECT lead_id FROM ${S}.lead_list WHERE tenant = $1 AND contact_id = $2`,
      [tenant, contactId],
    );
    for (const { lead_id } of rows) await this.eraseLead(tenant, lead_id, tx);
    await tx.query(
      `UPDATE ${S}.activities SET state = jsonb_set(state, '{details}', (state->'details') - 'phone' - 'notes')
       WHERE tenant = $1 AND contact_id = $2`,
      [tenant, contactId],
    );
  }
}
