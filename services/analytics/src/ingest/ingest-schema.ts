/**
 * The analytics tables (schema `analytics`), every one derived from integration events by the
 * `analytics.ingest` consumers and keyed tenant first. Reports read them; README.md documents
 * each column's meaning. They are the consumers' own (not a projection of analytics' log): a
 * rebuild empties them and replays the topics (rebuild/), except `record_marks`' erasure marks.
 *
 * - record_marks: per record (contact, order, product, opportunity, lead) where its history
 *   stands: the last state applied (version, ce_time), the newest fact, and whether it is gone for
 *   good (erased, merged away, tombstoned). Only ids and flags: it outlives an erasure, so no late
 *   or replayed fact can bring the person back.
 * - customers: a contact's demographics and lifecycle as contacts publishes them.
 * - products, orders, order_lines: the purchase history (basket, demand).
 * - customer_stats: per customer the sufficient statistics of the models, recomputed from the
 *   customer's orders and messages in the transaction that changed them.
 * - leads, opportunities, opportunity_stage_changes: the funnel and the forecast.
 * - opportunity_reopenings: each reopening of a won or lost deal (a fact, applied always).
 * - campaigns, campaign_messages (+ the view campaign_results), segment_memberships: campaign
 *   responses and who was in which segment when.
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { S } from '../infrastructure/schema';

export const INGEST_DDL = `
CREATE SCHEMA IF NOT EXISTS ${S};
CREATE TABLE IF NOT EXISTS ${S}.record_marks (
  tenant text NOT NULL,
  kind text NOT NULL,
  record_id text NOT NULL,
  state_version integer,
  state_at timestamptz,
  fact_at timestamptz,
  gone boolean NOT NULL DEFAULT false,
  erased boolean NOT NULL DEFAULT false,
  merged_into text,
  PRIMARY KEY (tenant, kind, record_id)
);
CREATE TABLE IF NOT EXISTS ${S}.customers (
  tenant text NOT NULL,
  contact_id text NOT NULL,
  lifecycle_stage text,
  status text,
  gender text,
  birth_date date,
  age_band text,
  income_band text,
  company_id text,
  owner_id text,
  registered_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, contact_id)
);
CREATE TABLE IF NOT EXISTS ${S}.products (
  tenant text NOT NULL,
  product_id text NOT NULL,
  sku text,
  name text,
  family text,
  active boolean,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, product_id)
);
CREATE TABLE IF NOT EXISTS ${S}.orders (
  tenant text NOT NULL,
  order_id text NOT NULL,
  contact_id text,
  company_id text,
  opportunity_id text,
  currency text,
  total_minor bigint,
  placed_at timestamptz,
  status text NOT NULL,
  status_at timestamptz,
  PRIMARY KEY (tenant, order_id)
);
CREATE INDEX IF NOT EXISTS orders_contact ON ${S}.orders (tenant, contact_id);
CREATE TABLE IF NOT EXISTS ${S}.order_lines (
  tenant text NOT NULL,
  order_id text NOT NULL,
  line_no integer NOT NULL,
  contact_id text,
  product_id text NOT NULL,
  sku text,
  family text,
  quantity integer NOT NULL,
  unit_price_minor bigint,
  net_minor bigint,
  currency text,
  placed_at timestamptz,
  status text NOT NULL,
  PRIMARY KEY (tenant, order_id, line_no)
);
CREATE INDEX IF NOT EXISTS order_lines_contact ON ${S}.order_lines (tenant, contact_id);
CREATE INDEX IF NOT EXISTS order_lines_product ON ${S}.order_lines (tenant, product_id);
CREATE TABLE IF NOT EXISTS ${S}.customer_stats (
  tenant text NOT NULL,
  contact_id text NOT NULL,
  currency text,
  orders_count integer NOT NULL,
  first_purchase_at timestamptz,
  last_purchase_at timestamptz,
  purchase_days integer NOT NULL,
  repeat_purchases integer NOT NULL,
  recency_days integer,
  total_spent_minor bigint NOT NULL,
  average_order_minor bigint,
  average_repeat_day_minor bigint,
  units_bought integer NOT NULL,
  products_held text[] NOT NULL,
  families_held text[] NOT NULL,
  messages_sent integer NOT NULL,
  messages_opened integer NOT NULL,
  messages_clicked integer NOT NULL,
  unsubscribes integer NOT NULL,
  last_engaged_at timestamptz,
  PRIMARY KEY (tenant, contact_id)
);
CREATE TABLE IF NOT EXISTS ${S}.leads (
  tenant text NOT NULL,
  lead_id text NOT NULL,
  source text,
  campaign_id text,
  owner_id text,
  status text,
  score integer,
  captured_at timestamptz,
  qualified_at timestamptz,
  converted_at timestamptz,
  disqualified_at timestamptz,
  contact_id text,
  opportunity_id text,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, lead_id)
);
CREATE TABLE IF NOT EXISTS ${S}.opportunities (
  tenant text NOT NULL,
  opportunity_id text NOT NULL,
  pipeline_id text,
  stage_id text,
  status text,
  amount_minor bigint,
  currency text,
  probability integer,
  forecast_category text,
  expected_close_date date,
  owner_id text,
  contact_id text,
  lead_id text,
  opened_at timestamptz,
  won_at timestamptz,
  lost_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, opportunity_id)
);
CREATE TABLE IF NOT EXISTS ${S}.opportunity_stage_changes (
  tenant text NOT NULL,
  opportunity_id text NOT NULL,
  stage_id text NOT NULL,
  entered_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, opportunity_id, entered_at, stage_id)
);
CREATE TABLE IF NOT EXISTS ${S}.campaigns (
  tenant text NOT NULL,
  campaign_id text NOT NULL,
  name text,
  channel text,
  launched_at timestamptz,
  PRIMARY KEY (tenant, campaign_id)
);
CREATE TABLE IF NOT EXISTS ${S}.campaign_messages (
  tenant text NOT NULL,
  message_id text NOT NULL,
  campaign_id text,
  variant text,
  contact_id text NOT NULL,
  channel text,
  sent_at timestamptz,
  opened_at timestamptz,
  clicked_at timestamptz,
  clicks integer NOT NULL DEFAULT 0,
  unsubscribed_at timestamptz,
  PRIMARY KEY (tenant, message_id)
);
CREATE INDEX IF NOT EXISTS campaign_messages_contact ON ${S}.campaign_messages (tenant, contact_id);
CREATE TABLE IF NOT EXISTS ${S}.segment_memberships (
  tenant text NOT NULL,
  segment_id text NOT NULL,
  contact_id text NOT NULL,
  segment_name text,
  joined_at timestamptz,
  left_at timestamptz,
  left_reason text,
  PRIMARY KEY (tenant, segment_id, contact_id)
);
CREATE TABLE IF NOT EXISTS ${S}.opportunity_reopenings (
  tenant text NOT NULL,
  opportunity_id text NOT NULL,
  reopened_at timestamptz NOT NULL,
  stage_id text,
  PRIMARY KEY (tenant, opportunity_id, reopened_at)
);
`;

/**
 * campaign_results: per campaign, variant and channel what its messages did; a conversion is a
 * standing order of the recipient placed within the conversion window after the message was sent.
 * A view, so it can never disagree with the facts it counts.
 */
export function campaignResultsView(conversionWindowDays: number): string {
  return `
CREATE OR REPLACE VIEW ${S}.campaign_results AS
SELECT m.tenant, m.campaign_id, m.variant, m.channel,
       count(*) FILTER (WHERE m.sent_at IS NOT NULL) AS sent,
       count(m.opened_at) AS opened,
       count(m.clicked_at) AS clicked,
       count(m.unsubscribed_at) AS unsubscribed,
       count(*) FILTER (WHERE conv.orders > 0) AS conversions,
       coalesce(sum(conv.revenue_minor), 0)::bigint AS revenue_minor
  FROM ${S}.campaign_messages m
  LEFT JOIN LATERAL (
    SELECT count(*) AS orders, sum(o.total_minor) AS revenue_minor
      FROM ${S}.orders o
     WHERE o.tenant = m.tenant AND o.contact_id = m.contact_id AND o.status = 'placed'
       AND m.sent_at IS NOT NULL AND o.placed_at >= m.sent_at
       AND o.placed_at < m.sent_at + interval '${Math.trunc(conversionWindowDays)} days'
  ) conv ON true
 GROUP BY m.tenant, m.campaign_id, m.variant, m.channel`;
}

/** The tables a rebuild empties (record_marks keeps its erasure marks). */
export const DERIVED_TABLES = [
  'customers',
  'products',
  'orders',
  'order_lines',
  'customer_stats',
  'leads',
  'opportunities',
  'opportunity_stage_changes',
  'campaigns',
  'campaign_messages',
  'segment_memberships',
  'opportunity_reopenings',
] as const;

/** Creates the tables under one advisory lock (replicas starting together race on IF NOT EXISTS). */
export async function migrateIngestTables(pool: Pool, conversionWindowDays: number): Promise<void> {
  await inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('crm.analytics.ingest-migrate'))`);
    await tx.query(INGEST_DDL);
    await tx.query(campaignResultsView(conversionWindowDays));
  });
}
