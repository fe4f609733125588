/**
 * The audience tables the segment rules are compiled against: one shared definition so the
 * audience read model (which fills them) and the rule compiler (which queries them) cannot drift.
 * The schema is a placeholder so tests can create the same tables in a throw-away schema.
 */
import { CAMPAIGNS_SCHEMA } from '../../infrastructure/schema';

/** Stands for the schema name in AUDIENCE_DDL; `audienceDdl(schema)` substitutes it. */
export const AUDIENCE_SCHEMA_PLACEHOLDER = '__audience_schema__';

/** Idempotent DDL of the four audience tables (and their per-contact aggregate), in `__audience_schema__`. */
export const AUDIENCE_DDL = `
CREATE SCHEMA IF NOT EXISTS __audience_schema__;

CREATE TABLE IF NOT EXISTS __audience_schema__.audience_contacts (
  tenant text NOT NULL,
  contact_id text NOT NULL,
  display_name text,
  email text,
  phone text,
  lifecycle_stage text,
  status text,
  owner_id text,
  company_id text,
  tags text[] NOT NULL DEFAULT '{}',
  custom_fields jsonb NOT NULL DEFAULT '{}',
  birth_date date,
  age_band text,
  gender text,
  household_income_band text,
  time_zone text,
  country text,
  consent jsonb NOT NULL DEFAULT '{}',
  registered_at timestamptz,
  updated_at timestamptz,
  orders_count int NOT NULL DEFAULT 0,
  total_spent_minor bigint NOT NULL DEFAULT 0,
  spend_currency text,
  first_order_at timestamptz,
  last_order_at timestamptz,
  messages_received int NOT NULL DEFAULT 0,
  last_opened_at timestamptz,
  last_clicked_at timestamptz,
  unsubscribed_at timestamptz,
  scores jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant, contact_id)
);

CREATE TABLE IF NOT EXISTS __audience_schema__.audience_order_lines (
  tenant text NOT NULL,
  order_id text NOT NULL,
  line_no int NOT NULL,
  contact_id text NOT NULL,
  product_id text,
  sku text,
  product_family text,
  options text[] NOT NULL DEFAULT '{}',
  quantity int,
  net_minor bigint,
  currency text,
  ordered_at timestamptz NOT NULL,
  status text NOT NULL,
  PRIMARY KEY (tenant, order_id, line_no)
);
CREATE INDEX IF NOT EXISTS audience_order_lines_contact
  ON __audience_schema__.audience_order_lines (tenant, contact_id);

CREATE TABLE IF NOT EXISTS __audience_schema__.audience_orders (
  tenant text NOT NULL,
  order_id text NOT NULL,
  contact_id text,
  total_minor bigint,
  currency text,
  placed_at timestamptz,
  status text,
  PRIMARY KEY (tenant, order_id)
);
CREATE INDEX IF NOT EXISTS audience_orders_contact
  ON __audience_schema__.audience_orders (tenant, contact_id);

CREATE TABLE IF NOT EXISTS __audience_schema__.audience_deals (
  tenant text NOT NULL,
  opportunity_id text NOT NULL,
  contact_id text,
  stage_id text,
  status text,
  amount_minor bigint,
  currency text,
  updated_at timestamptz,
  -- the consumers' ordering marks (audience/audience-deals.ts); no rule reads them
  state_version integer,
  state_at timestamptz,
  PRIMARY KEY (tenant, opportunity_id)
);
CREATE INDEX IF NOT EXISTS audience_deals_contact
  ON __audience_schema__.audience_deals (tenant, contact_id);

-- Each contact's order lines, orders and deals aggregated as the live evaluator reads them
-- (audience/contact-history.ts keeps them in the transaction that changed them), so re-evaluating
-- one contact reads one row instead of three aggregates. NULL: not kept, aggregate the tables.
CREATE TABLE IF NOT EXISTS __audience_schema__.audience_records (
  tenant text NOT NULL,
  contact_id text NOT NULL,
  order_lines jsonb,
  order_rows jsonb,
  deal_rows jsonb,
  PRIMARY KEY (tenant, contact_id)
);
`;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** AUDIENCE_DDL for `schema` (the service's own by default); the name must be a plain identifier. */
export function audienceDdl(schema: string = CAMPAIGNS_SCHEMA): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`audienceDdl: not a plain schema name: ${schema}`);
  return AUDIENCE_DDL.replaceAll(AUDIENCE_SCHEMA_PLACEHOLDER, schema);
}
