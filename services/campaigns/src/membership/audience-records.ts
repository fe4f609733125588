/**
 * Loads contacts' audience records (the audience_contacts row and their order lines and orders,
 * as the in-memory evaluator reads them) with three queries for a whole batch, so re-evaluating a
 * contact reads its record once for every live segment.
 */
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type {
  AudienceContact,
  AudienceOrder,
  AudienceOrderLine,
  AudienceRecord,
} from '../segments/rules/audience-record';

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The records of those contacts that are in the audience, by contact id. */
export async function loadAudienceRecords(
  tx: PoolClient,
  tenant: string,
  contactIds: readonly string[],
): Promise<Map<string, AudienceRecord>> {
  const out = new Map<string, AudienceRecord>();
  if (contactIds.length === 0) return out;
  // One after the other: a client runs one query at a time anyway.
  const contacts = await tx.query(
    `SELECT c.*, c.birth_date::text AS birth_date_text FROM ${S}.audience_contacts c
      WHERE c.tenant = $1 AND c.contact_id = ANY($2::text[])`,
    [tenant, contactIds],
  );
  const lines = await tx.query(
    `SELECT * FROM ${S}.audience_order_lines WHERE tenant = $1 AND contact_id = ANY($2::text[])`,
    [tenant, contactIds],
  );
  const orders = await tx.query(
    `SELECT * FROM ${S}.audience_orders WHERE tenant = $1 AND contact_id = ANY($2::text[])`,
    [tenant, contactIds],
  );
  const linesOf = new Map<string, AudienceOrderLine[]>();
  for (const l of lines.rows) {
    const list = linesOf.get(l.contact_id) ?? [];
    list.push({
      orderId: l.order_id,
      lineNo: l.line_no,
      productId: l.product_id,
      sku: l.sku,
      productFamily: l.product_family,
      options: l.options ?? [],
      quantity: l.quantity,
      netMinor: numOrNull(l.net_minor),
      currency: l.currency,
      orderedAt: l.ordered_at,
      status: l.status,
    });
    linesOf.set(l.contact_id, list);
  }
  const ordersOf = new Map<string, AudienceOrder[]>();
  for (const o of orders.rows) {
    const list = ordersOf.get(o.contact_id) ?? [];
    list.push({
      orderId: o.order_id,
      totalMinor: numOrNull(o.total_minor),
      currency: o.currency,
      placedAt: o.placed_at,
      status: o.status,
    });
    ordersOf.set(o.contact_id, list);
  }
  for (const c of contacts.rows) {
    const contact: AudienceContact = {
      tenant: c.tenant,
      contactId: c.contact_id,
      displayName: c.display_name,
      email: c.email,
      phone: c.phone,
      lifecycleStage: c.lifecycle_stage,
      status: c.status,
      ownerId: c.owner_id,
      companyId: c.company_id,
      tags: c.tags ?? [],
      customFields: c.custom_fields ?? {},
      birthDate: c.birth_date_text,
      ageBand: c.age_band,
      gender: c.gender,
      householdIncomeBand: c.household_income_band,
      timeZone: c.time_zone,
      country: c.country,
      consent: c.consent ?? {},
      registeredAt: c.registered_at,
      updatedAt: c.updated_at,
      ordersCount: num(c.orders_count),
      totalSpentMinor: num(c.total_spent_minor),
      spendCurrency: c.spend_currency,
      firstOrderAt: c.first_order_at,
      lastOrderAt: c.last_order_at,
      messagesReceived: num(c.messages_received),
      lastOpenedAt: c.last_opened_at,
      lastClickedAt: c.last_clicked_at,
      unsubscribedAt: c.unsubscribed_at,
      scores: c.scores ?? {},
    };
    out.set(c.contact_id, {
      contact,
      lines: linesOf.get(c.contact_id) ?? [],
      orders: ordersOf.get(c.contact_id) ?? [],
    });
  }
  return out;
}
