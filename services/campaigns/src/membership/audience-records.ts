/**
 * Loads contacts' audience records (the audience_contacts row and their order lines, orders and
 * deals, as the in-memory evaluator reads them) with one query for a whole batch, so
 * re-evaluating a contact reads its record once for every live segment. The history comes from
 * audience_records (audience/contact-history.ts) when kept: one row per contact by its key.
 */
import type { PoolClient } from 'pg';
import { historyAggregates } from '../audience/contact-history';
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
/** jsonb_build_object renders timestamptz as ISO text. */
const instantOrNull = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);

/**
 * The records of those contacts that are in the audience, by contact id. Their histories are read
 * from audience_records where kept (a key read), else aggregated from the tables, as `live`
 * always does (the bench's baseline, the tests' reference).
 */
export async function loadAudienceRecords(
  tx: PoolClient,
  tenant: string,
  contactIds: readonly string[],
  { live = false }: { live?: boolean } = {},
): Promise<Map<string, AudienceRecord>> {
  const out = new Map<string, AudienceRecord>();
  if (contactIds.length === 0) return out;
  // One round trip: each contact row with its history beside it. COALESCE evaluates the
  // aggregates only for a contact whose history is not kept.
  const contacts = await tx.query(
    live
      ? `SELECT c.*, c.birth_date::text AS birth_date_text, ${historyAggregates('c')}
           FROM ${S}.audience_contacts c
          WHERE c.tenant = $1 AND c.contact_id = ANY($2::text[])`
      : `SELECT c.*, c.birth_date::text AS birth_date_text,
                coalesce(r.order_lines, a.order_lines) AS order_lines,
                coalesce(r.order_rows, a.order_rows) AS order_rows,
                coalesce(r.deal_rows, a.deal_rows) AS deal_rows
           FROM ${S}.audience_contacts c
           LEFT JOIN ${S}.audience_records r ON r.tenant = c.tenant AND r.contact_id = c.contact_id
           LEFT JOIN LATERAL (SELECT ${historyAggregates('c')}
                               WHERE r.order_lines IS NULL OR r.order_rows IS NULL OR r.deal_rows IS NULL) a ON true
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
