/**
 * Where propensity lives in PostgreSQL: its fits are versions in analytics.model_fits (kind
 * `propensity:<family>`, the table customer-value owns), its scores one row per (tenant, family,
 * contact) in analytics.propensity_scores, replaced whole by each fit of that family, so a
 * customer who left the population (erased, merged away) leaves the table with the next fit.
 */
import { inTransaction } from '@crm/event-sourcing';
import type { Pool, PoolClient } from 'pg';
import { S } from '../infrastructure/schema';
import { migrateModelFits } from '../customer-value/model-fits.schema';
import type { PropensityFit } from './propensity-fit';

type Sql = Pick<Pool | PoolClient, 'query'>;

export const PROPENSITY_SCORES_DDL = `
CREATE SCHEMA IF NOT EXISTS ${S};
CREATE TABLE IF NOT EXISTS ${S}.propensity_scores (
  tenant text NOT NULL,
  family text NOT NULL,
  contact_id text NOT NULL,
  model_version integer NOT NULL,
  score double precision NOT NULL,
  scored_at timestamptz NOT NULL,
  PRIMARY KEY (tenant, family, contact_id)
);
CREATE INDEX IF NOT EXISTS propensity_scores_rank ON ${S}.propensity_scores (tenant, family, score DESC);
CREATE INDEX IF NOT EXISTS propensity_scores_contact ON ${S}.propensity_scores (tenant, contact_id);`;

export async function migratePropensity(pool: Pool): Promise<void> {
  await migrateModelFits(pool);
  await inTransaction(pool, async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('crm.analytics.propensity-migrate'))`);
    await tx.query(PROPENSITY_SCORES_DDL);
  });
}

export interface StoredPropensityFit extends PropensityFit {
  readonly tenant: string;
  readonly family: string;
  readonly version: number;
  readonly fittedAt: Date;
  readonly dataUpTo: Date | null;
}

/** Appends the next version of the family's fit; call inside the job's per-tenant lock. */
export async function appendPropensityFit(
  client: PoolClient,
  tenant: string,
  kind: string,
  fittedAt: Date,
  dataUpTo: Date | null,
  fit: PropensityFit,
): Promise<number> {
  const { rows } = await client.query<{ version: number }>(
    `INSERT INTO ${S}.model_fits (tenant, kind, version, fitted_at, data_up_to, status, reason, parameters, quality)
     SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6, $7, $8
       FROM ${S}.model_fits WHERE tenant = $1 AND kind = $2
     RETURNING version`,
    [
      tenant,
      kind,
      fittedAt.toISOString(),
      dataUpTo?.toISOString() ?? null,
      fit.status,
      fit.reason,
      fit.parameters ? JSON.stringify(fit.parameters) : null,
      JSON.stringify(fit.quality),
    ],
  );
  return rows[0].version;
}

/** The newest fit of every propensity kind of the tenant (or of `kind` only). */
export async function currentPropensityFits(
  sql: Sql,
  tenant: string,
  kind?: string,
): Promise<StoredPropensityFit[]> {
  const { rows } = await sql.query(
    `SELECT DISTINCT ON (kind) * FROM ${S}.model_fits
      WHERE tenant = $1 AND kind LIKE 'propensity:%' AND ($2::text IS NULL OR kind = $2)
      ORDER BY kind, version DESC`,
    [tenant, kind ?? null],
  );
  return rows.map((r) => ({
    tenant: r.tenant,
    family: String(r.kind).slice('propensity:'.length),
    version: r.version,
    fittedAt: r.fitted_at,
    dataUpTo: r.data_up_to,
    status: r.status,
    reason: r.reason,
    parameters: r.parameters,
    quality: r.quality,
  }));
}

/** Replaces the family's scores with `scores` (contact id -> score) under fit `version`. */
export async function replaceScores(
  client: PoolClient,
  tenant: string,
  family: string,
  version: number,
  scoredAt: Date,
  scores: ReadonlyMap<string, number>,
): Promise<void> {
  const ids = [...scores.keys()];
  await client.query(
    `DELETE FROM ${S}.propensity_scores
      WHERE tenant = $1 AND family = $2 AND NOT (contact_id = ANY($3::text[]))`,
    [tenant, family, ids],
  );
  await client.query(
    `INSERT INTO ${S}.propensity_scores (tenant, family, contact_id, model_version, score, scored_at)
     SELECT $1, $2, k.contact_id, $4, k.score, $5
       FROM unnest($3::text[], $6::float8[]) AS k(contact_id, score)
     ON CONFLICT (tenant, family, contact_id) DO UPDATE
        SET model_version = EXCLUDED.model_version, score = EXCLUDED.score,
            scored_at = EXCLUDED.scored_at`,
    [tenant, family, ids, version, scoredAt.toISOString(), [...scores.values()]],
  );
}

/** Drops the family's scores (its newest fit could not fit: old scores would outlive it). */
export async function clearScores(client: PoolClient, tenant: string, family: string) {
  await client.query(`DELETE FROM ${S}.propensity_scores WHERE tenant = $1 AND family = $2`, [
    tenant,
    family,
  ]);
}

export interface ScoreRow {
  readonly contactId: string;
  readonly family: string;
  readonly score: number;
  readonly modelVersion: number;
  readonly scoredAt: string;
}

const GONE = `NOT EXISTS (SELECT 1 FROM ${S}.record_marks r WHERE r.tenant = s.tenant
                AND r.kind = 'contact' AND r.record_id = s.contact_id AND r.gone)`;

const scoreRow = (r: Record<string, any>): ScoreRow => ({
  contactId: r.contact_id,
  family: r.family,
  score: r.score,
  modelVersion: r.model_version,
  scoredAt: (r.scored_at as Date).toISOString(),
});

/**
 * The family's scores, best first (ties by contact id); `limit` omitted: all of them. A contact
 * gone since the fit is left out (its row goes with the next fit).
 */
export async function readScores(
  sql: Sql,
  tenant: string,
  family: string,
  limit?: number,
): Promise<ScoreRow[]> {
  const { rows } = await sql.query(
    `SELECT * FROM ${S}.propensity_scores s WHERE tenant = $1 AND family = $2 AND ${GONE}
      ORDER BY score DESC, contact_id LIMIT $3`,
    [tenant, family, limit ?? null],
  );
  return rows.map(scoreRow);
}

/** One contact's score per family. */
export async function readContactScores(
  sql: Sql,
  tenant: string,
  contactId: string,
): Promise<ScoreRow[]> {
  const { rows } = await sql.query(
    `SELECT * FROM ${S}.propensity_scores s WHERE tenant = $1 AND contact_id = $2 AND ${GONE}
      ORDER BY family`,
    [tenant, contactId],
  );
  return rows.map(scoreRow);
}
