/**
 * What sales does with crm.contacts.v1: keeps a local copy of contact and company names for its
 * lists, re-points every reference to a merged duplicate onto the survivor, and scrubs the
 * copies it holds of an erased person. Runs inside the inbox transaction (exactly-once effects
 * on the read models); the re-pointing commands are idempotent, so a redelivery is harmless.
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
import type { IntegrationEventHandlerFn, ReceivedIntegrationEvent } from '@crm/messaging';
import type { PoolClient } from 'pg';
import { activityDecider } from '../activities/activity.decider';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import { orderDecider } from '../orders/order.decider';

const ACTOR = 'system:contacts-consumer';

export function contactReferenceHandlers(
  store: EventStore,
  onErased: (tenant: string, contactId: string, tx: PoolClient) => Promise<void>,
): Record<string, IntegrationEventHandlerFn> {
  const upsertContact: IntegrationEventHandlerFn = async (event, tx) => {
    const d = event.data as { contactId: string; displayName?: string; companyId?: string | null };
    await tx.query(
      `INSERT INTO ${S}.contact_directory AS c (tenant, contact_id, display_name, company_id, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (tenant, contact_id) DO UPDATE SET display_name = coalesce($3, c.display_name),
         company_id = CASE WHEN $5 THEN $4 ELSE c.company_id END, updated_at = now()
       WHERE NOT c.erased`,
      [event.tenant, d.contactId, d.displayName ?? null, d.companyId ?? null, 'companyId' in d],
    );
  };
  const upsertCompany: IntegrationEventHandlerFn = async (event, tx) => {
    const d = event.data as { companyId: string; name?: string };
    if (d.name === undefined) return;
    await tx.query(
      `INSERT INTO ${S}.company_directory (tenant, company_id, name) VALUES ($1, $2, $3) ON CONFLICT (tenant, company_id) DO UPDATE SET name = $3`,
      [event.tenant, d.companyId, d.name],
    );
  };

  return {
    [ContactRegistered.type]: upsertContact,
    [ContactDetailsChanged.type]: upsertContact,
    [CompanyRegistered.type]: upsertCompany,
    [CompanyDetailsChanged.type]: upsertCompany,
    [ContactMerged.type]: async (event, tx) => {
      const { survivorId, duplicateId } = event.data as { survivorId: string; duplicateId: string };
      await tx.query(
        `UPDATE ${S}.contact_directory SET merged_into = $3, updated_at = now() WHERE tenant = $1 AND contact_id = $2`,
        [event.tenant, duplicateId, survivorId],
      );
      await repoint(store, event, tx, duplicateId, survivorId);
    },
    [ContactErased.type]: async (event, tx) => {
      const { contactId } = event.data as { contactId: string };
      await tx.query(
        `INSERT INTO ${S}.contact_directory (tenant, contact_id, display_name, erased) VALUES ($1, $2, NULL, true)
         ON CONFLICT (tenant, contact_id) DO UPDATE SET display_name = NULL, erased = true, updated_at = now()`,
        [event.tenant, contactId],
      );
      await onErased(event.tenant, contactId, tx);
    },
  };
}

/** Every deal, activity and order that points at the duplicate now points at the survivor. */
async function repoint(
  store: EventStore,
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
