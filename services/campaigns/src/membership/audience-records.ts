/**
 * Loads contacts' audience records (the audience_contacts row and their order lines, orders and
 * deals, as the in-memory evaluator reads them) with one query for a whole batch, so
 * re-evaluating a contact reads its record once for every live segment.
 */
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type {
  AudienceContact,
  AudienceDeal,
  AudienceOrder,
  AudienceOrderLine,
  AudienceRecord,
} from '../segments/rules/audience-record';

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** json_agg renders timestamptz as ISO text. */
const instantOrNull = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);

/** The records of those contacts that are in the audience, by contact id. */
export async function loadAudienceRecords(
  tx: PoolClient,
  tenant: string,
  contactIds: readonly string[],
): Promise<Map<string, AudienceRecord>> {
  const out = new Map<string, AudienceRecord>();
  if (contactIds.length === 0) return out;
  // One round trip: each contact row with its lines, orders and deals aggregated beside it.
  const contacts = await tx.query(
    `SELECT c.*, c.birth_date::text AS birth_date_text,
            (SELECT coalesce(json_agg(l), '[]') FROM ${S}.audience_order_lines l
              WHERE l.tenant = c.tenant AND l.contact_id = c.contact_id) AS order_lines,
            (SELECT coalesce(json_agg(o), '[]') FROM ${S}.audience_orders o
              WHERE o.tenant = c.tenant AND o.contact_id = c.contact_id) AS order_rows,
            (SELECT coalesce(json_agg(d), '[]') FROM ${S}.audience_deals d
              WHERE d.tenant = c.tenant AND d.contact_id = c.contact_id) AS deal_rows
       FROM ${S}.audience_contacts c
      WHERE c.tenant = $1 AND c.contact_id = ANY($2::text[])`,
    [tenant, contactIds],
  );
  const linesOf = new Map<string, AudienceOrderLine[]>();
  const ordersOf = new Map<string, AudienceOrder[]>();
  const dealsOf = new Map<string, AudienceDeal[]>();
  for (const c of contacts.rows) {
    linesOf.set(
      c.contact_id,
      (c.order_lines as Record<string, any>[]).map((l) => ({
        orderId: l.order_id,
        lineNo: l.line_no,
        productId: l.product_id,
        sku: l.sku,
        productFamily: l.product_family,
        options: l.options ?? [],
        quantity: l.quantity,
        netMinor: numOrNull(l.net_minor),
        currency: l.currency,
        orderedAt: new Date(l.ordered_at),
        status: l.status,
      })),
    );
    ordersOf.set(
      c.contact_id,
      (c.order_rows as Record<string, any>[]).map((o) => ({
        orderId: o.order_id,
        totalMinor: numOrNull(o.total_minor),
        currency: o.currency,
        placedAt: instantOrNull(o.placed_at),
        status: o.status,
      })),
    );
    dealsOf.set(
      c.contact_id,
      (c.deal_rows as Record<string, any>[]).map((d) => ({
        opportunityId: d.opportunity_id,
        stageId: d.stage_id,
        status: d.status,
        amountMinor: numOrNull(d.amount_minor),
        currency: d.currency,
        updatedAt: instantOrNull(d.updated_at),
      })),
    );
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
      deals: dealsOf.get(c.contact_id) ?? [],
    });
  }
  return out;
}
