/**
 * Builders of audience records for the rule tests: a contact with nothing known unless a test says
 * otherwise, and the rows to insert the same record into real audience tables.
 */
import type { Pool } from 'pg';
import type {
  AudienceContact,
  AudienceDeal,
  AudienceOrder,
  AudienceOrderLine,
  AudienceRecord,
} from '../audience-record';

export function aContact(overrides: Partial<AudienceContact> = {}): AudienceContact {
  return {
    tenant: 't1',
    contactId: 'c1',
    displayName: null,
    email: null,
    phone: null,
    lifecycleStage: null,
    status: null,
    ownerId: null,
    companyId: null,
    tags: [],
    customFields: {},
    birthDate: null,
    ageBand: null,
    gender: null,
    householdIncomeBand: null,
    timeZone: null,
    country: null,
    consent: {},
    registeredAt: null,
    updatedAt: null,
    ordersCount: 0,
    totalSpentMinor: 0,
    spendCurrency: null,
    firstOrderAt: null,
    lastOrderAt: null,
    messagesReceived: 0,
    lastOpenedAt: null,
    lastClickedAt: null,
    unsubscribedAt: null,
    scores: {},
    ...overrides,
  };
}

export function aRecord(
  contact: Partial<AudienceContact> = {},
  lines: AudienceOrderLine[] = [],
  orders: AudienceOrder[] = [],
  deals: AudienceDeal[] = [],
): AudienceRecord {
  return { contact: aContact(contact), lines, orders, deals };
}

export function aLine(
  overrides: Partial<AudienceOrderLine> & { orderedAt: Date },
): AudienceOrderLine {
  return {
    orderId: 'o1',
    lineNo: 1,
    productId: null,
    sku: null,
    productFamily: null,
    options: [],
    quantity: 1,
    netMinor: null,
    currency: null,
    status: 'placed',
    ...overrides,
  };
}

export function anOrder(overrides: Partial<AudienceOrder> = {}): AudienceOrder {
  return {
    orderId: 'o1',
    totalMinor: null,
    currency: null,
    placedAt: null,
    status: 'placed',
    ...overrides,
  };
}

export function aDeal(overrides: Partial<AudienceDeal> = {}): AudienceDeal {
  return {
    opportunityId: 'd1',
    stageId: null,
    status: 'open',
    amountMinor: null,
    currency: null,
    updatedAt: null,
    ...overrides,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Replaces every row of the four tables in `schema` with `records` (one statement per table). */
export async function insertAudience(
  pool: Pool,
  schema: string,
  records: readonly AudienceRecord[],
): Promise<void> {
  const contacts = records.map(({ contact: c }) => ({
    tenant: c.tenant,
    contact_id: c.contactId,
    display_name: c.displayName,
    email: c.email,
    phone: c.phone,
    lifecycle_stage: c.lifecycleStage,
    status: c.status,
    owner_id: c.ownerId,
    company_id: c.companyId,
    tags: c.tags,
    custom_fields: c.customFields,
    birth_date: c.birthDate,
    age_band: c.ageBand,
    gender: c.gender,
    household_income_band: c.householdIncomeBand,
    time_zone: c.timeZone,
    country: c.country,
    consent: c.consent,
    registered_at: iso(c.registeredAt),
    updated_at: iso(c.updatedAt),
    orders_count: c.ordersCount,
    total_spent_minor: c.totalSpentMinor,
    spend_currency: c.spendCurrency,
    first_order_at: iso(c.firstOrderAt),
    last_order_at: iso(c.lastOrderAt),
    messages_received: c.messagesReceived,
    last_opened_at: iso(c.lastOpenedAt),
    last_clicked_at: iso(c.lastClickedAt),
    unsubscribed_at: iso(c.unsubscribedAt),
    scores: c.scores,
  }));
  const lines = records.flatMap(({ contact, lines }) =>
    lines.map((l) => ({
      tenant: contact.tenant,
      order_id: l.orderId,
      line_no: l.lineNo,
      contact_id: contact.contactId,
      product_id: l.productId,
      sku: l.sku,
      product_family: l.productFamily,
      options: l.options,
      quantity: l.quantity,
      net_minor: l.netMinor,
      currency: l.currency,
      ordered_at: l.orderedAt.toISOString(),
      status: l.status,
    })),
  );
  const orders = records.flatMap(({ contact, orders }) =>
    orders.map((o) => ({
      tenant: contact.tenant,
      order_id: o.orderId,
      contact_id: contact.contactId,
      total_minor: o.totalMinor,
      currency: o.currency,
      placed_at: iso(o.placedAt),
      status: o.status,
    })),
  );
  const deals = records.flatMap(({ contact, deals }) =>
    deals.map((d) => ({
      tenant: contact.tenant,
      opportunity_id: d.opportunityId,
      contact_id: contact.contactId,
      stage_id: d.stageId,
      status: d.status,
      amount_minor: d.amountMinor,
      currency: d.currency,
      updated_at: iso(d.updatedAt),
    })),
  );
  await pool.query(
    `TRUNCATE ${schema}.audience_contacts, ${schema}.audience_order_lines, ${schema}.audience_orders, ${schema}.audience_deals`,
  );
  for (const [table, rows] of [
    ['audience_contacts', contacts],
    ['audience_order_lines', lines],
    ['audience_orders', orders],
    ['audience_deals', deals],
  ] as const) {
    if (rows.length === 0) continue;
    await pool.query(
      `INSERT INTO ${schema}.${table} SELECT * FROM jsonb_populate_recordset(NULL::${schema}.${table}, $1::jsonb)`,
      [JSON.stringify(rows)],
    );
  }
}
