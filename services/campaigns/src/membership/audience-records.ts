/**
 * Loads contacts' audience records (the audience_contacts row and their order lines, orders and
 * deals, as the in-memory evaluator reads them) with one query for a whole batch, so
 * re-evaluating a contact reads its record once for every live segment. The history comes from
 * audience_records (audience/contact-history.ts) where kept: one row per contact by its key.
 *
 * The records are one json value (`audienceRecordsSql`), so the drain can read them in the
 * statement that reads the memberships (one round trip less); `audienceRecordsOf` maps it.
 */
import type { PoolClient } from 'pg';
import { historyAggregate } from '../audience/contact-history';
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
/** json renders timestamptz as ISO text. */
const instantOrNull = (v: unknown): Date | null => (typeof v === 'string' ? new Date(v) : null);

/**
 * A scalar json SQL expression: the records of the contacts in `ids` (a text[] placeholder) of
 * the tenant `tenant` (a placeholder), an array of the contact rows with their histories. With
 * `live`, the histories are aggregated from the tables (the bench's baseline, the tests'
 * reference); otherwise read from audience_records, and aggregated only where not kept (COALESCE
 * runs its scalar subquery only when the kept value is NULL).
 */
export function audienceRecordsSql(
  tenant: string,
  ids: string,
  { live = false }: { live?: boolean } = {},
): string {
  const aggregate = historyAggregate('c');
  const column = (name: keyof typeof aggregate) =>
    `'${name}', ${live ? aggregate[name] : `coalesce(r.${name}, ${aggregate[name]})`}`;
  // json, not jsonb: built as text, it costs the server a fraction of a jsonb build.
  return `(SELECT coalesce(json_agg(json_build_object('contact', row_to_json(c), ${column('order_lines')},
                 ${column('order_rows')}, ${column('deal_rows')})), '[]')
             FROM ${S}.audience_contacts c
             ${live ? '' : `LEFT JOIN ${S}.audience_records r ON r.tenant = c.tenant AND r.contact_id = c.contact_id`}
            WHERE c.tenant = ${tenant} AND c.contact_id = ANY(${ids}::text[]))`;
}

/** The records of those contacts that are in the audience, by contact id. */
export async function loadAudienceRecords(
  tx: PoolClient,
  tenant: string,
  contactIds: readonly string[],
  options: { live?: boolean } = {},
): Promise<Map<string, AudienceRecord>> {
  if (contactIds.length === 0) return new Map();
  const { rows } = await tx.query<{ records: unknown }>(
    `SELECT ${audienceRecordsSql('$1', '$2', options)} AS records`,
    [tenant, contactIds],
  );
  return audienceRecordsOf(rows[0].records);
}

/** What `audienceRecordsSql` answered, as records by contact id. */
export function audienceRecordsOf(json: unknown): Map<string, AudienceRecord> {
  const out = new Map<string, AudienceRecord>();
  for (const r of json as Record<string, any>[]) {
    const c = r.contact as Record<string, any>;
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
      // json renders a date as YYYY-MM-DD.
      birthDate: c.birth_date ?? null,
      ageBand: c.age_band,
      gender: c.gender,
      householdIncomeBand: c.household_income_band,
      timeZone: c.time_zone,
      country: c.country,
      consent: c.consent ?? {},
      registeredAt: instantOrNull(c.registered_at),
      updatedAt: instantOrNull(c.updated_at),
      ordersCount: num(c.orders_count),
      totalSpentMinor: num(c.total_spent_minor),
      spendCurrency: c.spend_currency,
      firstOrderAt: instantOrNull(c.first_order_at),
      lastOrderAt: instantOrNull(c.last_order_at),
      messagesReceived: num(c.messages_received),
      lastOpenedAt: instantOrNull(c.last_opened_at),
      lastClickedAt: instantOrNull(c.last_clicked_at),
      unsubscribedAt: instantOrNull(c.unsubscribed_at),
      scores: c.scores ?? {},
    };
    const lines: AudienceOrderLine[] = (r.order_lines as Record<string, any>[]).map((l) => ({
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
    }));
    const orders: AudienceOrder[] = (r.order_rows as Record<string, any>[]).map((o) => ({
      orderId: o.order_id,
      totalMinor: numOrNull(o.total_minor),
      currency: o.currency,
      placedAt: instantOrNull(o.placed_at),
      status: o.status,
    }));
    const deals: AudienceDeal[] = (r.deal_rows as Record<string, any>[]).map((d) => ({
      opportunityId: d.opportunity_id,
      stageId: d.stage_id,
      status: d.status,
      amountMinor: numOrNull(d.amount_minor),
      currency: d.currency,
      updatedAt: instantOrNull(d.updated_at),
    }));
    out.set(c.contact_id, { contact, lines, orders, deals });
  }
  return out;
}
