/**
 * Erasure in sales. Leads are data subjects of their own (crypto-shredded profile, see
 * leads/lead-personal-data); when the contacts service erases a person, every lead converted
 * into them is erased too, and the read-model copies of their details (lead list, call numbers
 * and notes of their activities, their name in the local directory) are scrubbed.
 */
import { Inject, Injectable } from '@nestjs/common';
import { ERASED, handleCommand, type EventStore, type SubjectKeyStore } from '@crm/event-sourcing';
import { CLOCK, EVENT_STORE, PG_POOL, SUBJECT_KEYS, type Clock } from '@crm/platform';
import type { Pool, PoolClient } from 'pg';
import { ERASED_PROFILE } from '../leads/lead-personal-data';
import { activityDecider } from '../activities/activity.decider';
import { leadDecider } from '../leads/lead.decider';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';

/** Who erased, and when (the contacts service's erasure event, or the DELETE's clock). */
export interface Erasure {
  readonly actor: string;
  readonly at: string;
  readonly correlationId?: string;
  readonly causationId?: string;
}

@Injectable()
export class PersonalData {
  constructor(
    @Inject(SUBJECT_KEYS) private readonly keys: SubjectKeyStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** GDPR erasure of one lead (e.g. a lead that never became a contact) and its activities' details. */
  async eraseLead(
    tenant: string,
    leadId: string,
    tx?: PoolClient,
    erasure: Erasure = { actor: 'system:personal-data', at: this.clock.now().toISOString() },
  ): Promise<void> {
    const db = tx ?? this.pool;
    // The facts first, so the state topics and integrators learn it from the log (a repeat
    // appends nothing); then the key, which makes the profile unreadable everywhere.
    await handleCommand(
      this.store,
      leadDecider,
      { tenant, id: STREAM.lead(leadId) },
      { type: 'EraseLeadPersonalData', data: { at: erasure.at } },
      this.contextOf(tenant, erasure),
    );
    await this.erasePersonalDetailsOfActivities(db, tenant, 'lead_id', leadId, erasure);
    await this.keys.erase(tenant, leadId);
    await db.query(
      `UPDATE ${S}.lead_list SET name = $3, email = NULL, company = NULL,
         state = jsonb_set(state, '{profile}', $4::jsonb) WHERE tenant = $1 AND lead_id = $2`,
      [tenant, leadId, ERASED, JSON.stringify(ERASED_PROFILE)],
    );
    await scrubActivities(db, tenant, 'lead_id', leadId);
  }

  /**
   * The contacts service erased a person: erase what sales holds about them, including what it
   * recorded under the ids of duplicates that were merged into them.
   */
  async eraseContact(
    tenant: string,
    contactId: string,
    tx: PoolClient,
    erasure: Erasure = { actor: 'system:personal-data', at: this.clock.now().toISOString() },
  ): Promise<void> {
    const merged = await tx.query<{ contact_id: string }>(
      `SELECT contact_id FROM ${S}.contact_directory WHERE tenant = $1 AND merged_into = $2`,
      [tenant, contactId],
    );
    for (const subject of [contactId, ...merged.rows.map((r) => r.contact_id)]) {
      await this.erasePersonalDetailsOfActivities(tx, tenant, 'contact_id', subject, erasure);
      // Shreds the phone numbers and notes of their activities in the log.
      await this.keys.erase(tenant, subject);
      const leads = await tx.query<{ lead_id: string }>(
        `SELECT lead_id FROM ${S}.lead_list WHERE tenant = $1 AND contact_id = $2`,
        [tenant, subject],
      );
      for (const { lead_id } of leads.rows) await this.eraseLead(tenant, lead_id, tx, erasure);
      await scrubActivities(tx, tenant, 'contact_id', subject);
    }
  }

  /** Each activity holding the person's phone or notes records that they are gone. */
  private async erasePersonalDetailsOfActivities(
    db: Pick<PoolClient, 'query'>,
    tenant: string,
    column: 'lead_id' | 'contact_id',
    id: string,
    erasure: Erasure,
  ): Promise<void> {
    const { rows } = await db.query<{ activity_id: string }>(
      `SELECT activity_id FROM ${S}.activities
        WHERE tenant = $1 AND (${column} = $2 OR state->>'dataSubject' = $2)`,
      [tenant, id],
    );
    for (const { activity_id } of rows) {
      await handleCommand(
        this.store,
        activityDecider,
        { tenant, id: STREAM.activity(activity_id) },
        { type: 'ErasePersonalDetails', data: { at: erasure.at } },
        this.contextOf(tenant, erasure),
      );
    }
  }

  private contextOf(tenant: string, erasure: Erasure) {
    return {
      tenant,
      actor: erasure.actor,
      correlationId: erasure.correlationId,
      causationId: erasure.causationId,
      now: () => this.clock.now(),
    };
  }
}

/** The read-model copies of an activity's personal fields. */
async function scrubActivities(
  db: Pick<PoolClient, 'query'>,
  tenant: string,
  column: 'lead_id' | 'contact_id',
  id: string,
): Promise<void> {
  await db.query(
    `UPDATE ${S}.activities SET state = jsonb_set(state, '{details}', (state->'details') - 'phone' - 'notes')
     WHERE tenant = $1 AND (${column} = $2 OR state->>'dataSubject' = $2)`,
    [tenant, id],
  );
}
