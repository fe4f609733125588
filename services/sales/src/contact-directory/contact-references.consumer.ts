/**
 * What sales does with crm.contacts.v1: keeps a local copy of contact and company names for its
 * lists, re-points every reference to a merged duplicate onto the survivor, and scrubs the
 * copies it holds of an erased person. Runs inside the inbox transaction (exactly-once effects
 * on the read models); the re-pointing commands are idempotent, so a redelivery is harmless.
 * `updated_at` is the event's own time, not the moment it was consumed.
 * The same group also reads the contacts state topics (contact-state.consumer.ts); an event the
 * last applied state already holds (its time not after the state's `state_at`) changes nothing,
 * and nothing revives a contact or company a tombstone removed (`gone`).
 * A controller of the messaging transport: its `@EventPattern` methods are the
 * `sales.contact-references` consumer group, each called with the inbox transaction as `tx`.
 */
import {
  CompanyDetailsChanged,
  CompanyRegistered,
  ContactDetailsChanged,
  ContactErased,
  ContactMerged,
  ContactRegistered,
} from '@crm/contracts';
import { handleCommand, type EventStore } from '@crm/event-sourcing';
import type { IntegrationEventPatternExtras, ReceivedIntegrationEvent } from '@crm/messaging';
import { CLOCK, EVENT_STORE, type Clock } from '@crm/platform';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { activityDecider } from '../activities/activity.decider';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import { PersonalData } from '../integration/personal-data';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import { orderDecider } from '../orders/order.decider';

const ACTOR = 'system:contacts-consumer';
/** Its own consumer group (and inbox key), apart from other sales consumers. */
export const CONTACT_REFERENCES: IntegrationEventPatternExtras = {
  consumer: 'sales.contact-references',
};

@Controller()
export class ContactReferencesConsumer {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly personalData: PersonalData,
  ) {}

  @EventPattern([ContactRegistered.type, ContactDetailsChanged.type], CONTACT_REFERENCES)
  async upsertContact(event: ReceivedIntegrationEvent, tx: PoolClient): Promise<void> {
    const d = event.data as {
      contactId: string;
      displayName?: string;
      companyId?: string | null;
      ownerId?: string | null;
    };
    // A member absent from a change event did not change: keep what the mirror has.
    await tx.query(
      `INSERT INTO ${S}.contact_directory AS c (tenant, contact_id, display_name, company_id, owner_id, updated_at) VALUES ($1, $2, $3, $4, $7, $6)
       ON CONFLICT (tenant, contact_id) DO UPDATE SET display_name = coalesce($3, c.display_name),
         company_id = CASE WHEN $5 THEN $4 ELSE c.company_id END,
         owner_id = CASE WHEN $8 THEN $7 ELSE c.owner_id END, updated_at = $6
       WHERE NOT c.erased AND NOT c.gone AND (c.state_at IS NULL OR $6 > c.state_at)`,
      [
        event.tenant,
        d.contactId,
        d.displayName ?? null,
        d.companyId ?? null,
        'companyId' in d,
        event.time,
        d.ownerId ?? null,
        'ownerId' in d,
      ],
    );
  }

  @EventPattern([CompanyRegistered.type, CompanyDetailsChanged.type], CONTACT_REFERENCES)
  async upsertCompany(event: ReceivedIntegrationEvent, tx: PoolClient): Promise<void> {
    const d = event.data as { companyId: string; name?: string };
    if (d.name === undefined) return;
    await tx.query(
      `INSERT INTO ${S}.company_directory AS c (tenant, company_id, name, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant, company_id) DO UPDATE SET name = $3, updated_at = $4
       WHERE NOT c.gone AND (c.state_at IS NULL OR $4 > c.state_at)`,
      [event.tenant, d.companyId, d.name, event.time],
    );
  }

  @EventPattern(ContactMerged.type, CONTACT_REFERENCES)
  async repointMerged(event: ReceivedIntegrationEvent, tx: PoolClient): Promise<void> {
    const { survivorId, duplicateId } = event.data as { survivorId: string; duplicateId: string };
    // An upsert: the duplicate's tombstone may have come first (state topic), or never a name.
    await tx.query(
      `INSERT INTO ${S}.contact_directory AS c (tenant, contact_id, merged_into, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant, contact_id) DO UPDATE SET merged_into = $3, updated_at = greatest(c.updated_at, $4)`,
      [event.tenant, duplicateId, survivorId, event.time],
    );
    await repoint(this.store, this.clock, event, tx, duplicateId, survivorId);
  }

  @EventPattern(ContactErased.type, CONTACT_REFERENCES)
  async scrubErased(event: ReceivedIntegrationEvent, tx: PoolClient): Promise<void> {
    const { contactId } = event.data as { contactId: string };
    await tx.query(
      `INSERT INTO ${S}.contact_directory AS c (tenant, contact_id, display_name, erased, gone, updated_at) VALUES ($1, $2, NULL, true, true, $3)
         ON CONFLICT (tenant, contact_id) DO UPDATE SET display_name = NULL, owner_id = NULL, erased = true, gone = true,
           updated_at = greatest(c.updated_at, $3)`,
      [event.tenant, contactId, event.time],
    );
    await this.personalData.eraseContact(event.tenant, contactId, tx, {
      actor: ACTOR,
      at: event.time,
      correlationId: event.correlationId,
      causationId: event.id,
    });
  }
}

/** Every deal, activity and order that points at the duplicate now points at the survivor. */
async function repoint(
  store: EventStore,
  clock: Clock,
  event: ReceivedIntegrationEvent,
  tx: PoolClient,
  from: string,
  to: string,
): Promise<void> {
  const tenant = event.tenant;
  const context = {
    tenant,
    actor: ACTOR,
    correlationId: event.correlationId,
    causationId: event.id,
    now: () => clock.now(),
  };
  const ids = async (table: string, column: string) =>
    (
      await tx.query<{ id: string }>(
        `SELECT ${column} AS id FROM ${S}.${table} WHERE tenant = $1 AND contact_id = $2`,
        [tenant, from],
      )
    ).rows.map((r) => r.id);
  const data = { fromContactId: from, toContactId: to };
  for (const id of await ids('deals', 'opportunity_id')) {
    await handleCommand(
      store,
      opportunityDecider,
      { tenant, id: STREAM.opportunity(id) },
      { type: 'RepointOpportunityContact', data },
      context,
    );
  }
  for (const id of await ids('activities', 'activity_id')) {
    await handleCommand(
      store,
      activityDecider,
      { tenant, id: STREAM.activity(id) },
      { type: 'RepointActivityContact', data },
      context,
    );
  }
  for (const id of await ids('orders', 'order_id')) {
    await handleCommand(
      store,
      orderDecider,
      { tenant, id: STREAM.order(id) },
      { type: 'RepointOrderCustomer', data },
      context,
    );
  }
}
