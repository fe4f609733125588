/**
 * The propensity model's reads of the ingest tables. Features are computed AS OF a day from the
 * orders, lines and messages up to it (not from customer_stats, which only holds today): the
 * training cutoff lies a window in the past and a feature must not see the outcome window.
 * One grouped query per tenant and day; standing orders only (status `placed`).
 */
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/schema';
import type { CustomerFacts } from './propensity-features';

type Sql = Pick<Pool | PoolClient, 'query'>;

/** Every customer known on `asOf` (registered by then, or buying by then), with their facts. */
export async function readCustomerFacts(
  sql: Sql,
  tenant: string,
  asOf: Date,
): Promise<CustomerFacts[]> {
  const { rows } = await sql.query(
    `WITH people AS (
       SELECT contact_id FROM ${S}.customers
        WHERE tenant = $1 AND (registered_at IS NULL OR registered_at <= $2)
       UNION
       SELECT contact_id FROM ${S}.orders
        WHERE tenant = $1 AND status = 'placed' AND contact_id IS NOT NULL AND placed_at <= $2
     ), o AS (
       SELECT contact_id, count(*)::int AS orders, max(placed_at) AS last_at,
              COALESCE(sum(total_minor), 0)::float8 AS spent
         FROM ${S}.orders
        WHERE tenant = $1 AND status = 'placed' AND contact_id IS NOT NULL AND placed_at <= $2
        GROUP BY contact_id
     ), f AS (
       SELECT contact_id, array_agg(DISTINCT family ORDER BY family) AS families
         FROM ${S}.order_lines
        WHERE tenant = $1 AND status = 'placed' AND contact_id IS NOT NULL
          AND family IS NOT NULL AND placed_at <= $2
        GROUP BY contact_id
     ), m AS (
       SELECT contact_id, count(*) FILTER (WHERE opened_at <= $2)::int AS opened,
              count(*) FILTER (WHERE clicked_at <= $2)::int AS clicked
         FROM ${S}.campaign_messages WHERE tenant = $1 AND sent_at <= $2
        GROUP BY contact_id
     )
     SELECT p.contact_id, c.age_band, to_char(c.birth_date, 'YYYY-MM-DD') AS birth_day, c.gender,
            c.income_band, COALESCE(o.orders, 0) AS orders, o.last_at, COALESCE(o.spent, 0) AS spent,
            COALESCE(f.families, '{}') AS families, COALESCE(m.opened, 0) AS opened,
            COALESCE(m.clicked, 0) AS clicked
       FROM people p
       LEFT JOIN ${S}.customers c ON c.tenant = $1 AND c.contact_id = p.contact_id
       LEFT JOIN o ON o.contact_id = p.contact_id
       LEFT JOIN f ON f.contact_id = p.contact_id
       LEFT JOIN m ON m.contact_id = p.contact_id
      WHERE NOT EXISTS (SELECT 1 FROM ${S}.record_marks r WHERE r.tenant = $1 AND r.kind = 'contact'
                          AND r.record_id = p.contact_id AND r.gone)
      ORDER BY p.contact_id`,
    [tenant, asOf.toISOString()],
  );
  return rows.map((r) => ({
    contactId: r.contact_id,
    ageBand: r.age_band,
    birthDate: r.birth_day,
    gender: r.gender,
    incomeBand: r.income_band,
    orders: r.orders,
    lastPurchaseAt: r.last_at,
    spentMinor: Number(r.spent),
    families: r.families,
    messagesOpened: r.opened,
    messagesClicked: r.clicked,
  }));
}

/** Who bought `family` (a standing line) in (from, to]. */
export async function readBuyers(
  sql: Sql,
  tenant: string,
  family: string,
  from: Date,
  to: Date,
): Promise<Set<string>> {
  const { rows } = await sql.query<{ contact_id: string }>(
    `SELECT DISTINCT contact_id FROM ${S}.order_lines
      WHERE tenant = $1 AND family = $2 AND status = 'placed' AND contact_id IS NOT NULL
        AND placed_at > $3 AND placed_at <= $4`,
    [tenant, family, from.toISOString(), to.toISOString()],
  );
  return new Set(rows.map((r) => r.contact_id));
}

/** The `limit` families with most distinct buyers (ties by name). */
export async function readTopFamilies(sql: Sql, tenant: string, limit: number): Promise<string[]> {
  const { rows } = await sql.query<{ family: string }>(
    `SELECT family FROM ${S}.order_lines
      WHERE tenant = $1 AND status = 'placed' AND family IS NOT NULL AND contact_id IS NOT NULL
      GROUP BY family ORDER BY count(DISTINCT contact_id) DESC, family LIMIT $2`,
    [tenant, limit],
  );
  return rows.map((r) => r.family);
}

/** Tenants with at least one sold family: the ones a propensity fit is tried for. */
export async function readTenantsWithFamilies(sql: Sql, tenant?: string): Promise<string[]> {
  const { rows } = await sql.query<{ tenant: string }>(
    `SELECT DISTINCT tenant FROM ${S}.order_lines
      WHERE family IS NOT NULL AND ($1::text IS NULL OR tenant = $1) ORDER BY tenant`,
    [tenant ?? null],
  );
  return rows.map((r) => r.tenant);
}

/** The newest standing order the fit could read. */
export async function readDataUpTo(sql: Sql, tenant: string): Promise<Date | null> {
  const { rows } = await sql.query<{ newest: Date | null }>(
    `SELECT max(placed_at) AS newest FROM ${S}.orders WHERE tenant = $1 AND status = 'placed'`,
    [tenant],
  );
  return rows[0]?.newest ?? null;
}
