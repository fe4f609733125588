/**
 * The companies as the templates need them (audience_companies: name and status per company id),
 * so `contact.company.name` renders without asking contacts. Same order rules as the products: a
 * state applies if not older than the last state and the newest fact; an event the applied state
 * holds is skipped. A tombstone blanks the name and marks the id gone, so no late fact revives it;
 * an archived company keeps its name (it is still the contact's employer).
 */
import type { Sql } from './audience-changes';
import { S } from '../infrastructure/read-model-part';
import { lockRecords } from './audience-locks';

/** What a company fact carries; a member absent (a change that did not touch it) is kept. */
export interface CompanyFacts {
  readonly companyId: string;
  readonly name?: string;
  readonly status?: string;
}

export interface CompanyFactMark {
  readonly at: string;
  /** Set for a state message (its record version). */
  readonly stateVersion?: number;
}

/** Applies the company's facts unless it is gone or they are older than what was applied. */
export async function applyCompany(
  tx: Sql,
  tenant: string,
  company: CompanyFacts,
  mark: CompanyFactMark,
): Promise<void> {
  if (!(await isCurrent(tx, tenant, company.companyId, mark))) return;
  const isState = mark.stateVersion !== undefined;
  await tx.query(
    `INSERT INTO ${S}.audience_companies AS co (tenant, company_id, name, status, state_version, state_at, fact_at)
       VALUES ($1, $2, $3, coalesce($4, 'active'), $5, $6, $7)
     ON CONFLICT (tenant, company_id) DO UPDATE SET
       name = CASE WHEN $8 THEN EXCLUDED.name ELSE coalesce($3, co.name) END,
       status = coalesce($4, co.status),
       state_version = coalesce(EXCLUDED.state_version, co.state_version),
       state_at = coalesce(EXCLUDED.state_at, co.state_at),
       fact_at = greatest(co.fact_at, EXCLUDED.fact_at)`,
    [
      tenant,
      company.companyId,
      company.name ?? null,
      company.status ?? null,
      isState ? mark.stateVersion : null,
      isState ? mark.at : null,
      mark.at,
      isState,
    ],
  );
}

/** A tombstone: the company is gone for good, its name no longer kept. */
export async function markCompanyGone(
  tx: Sql,
  tenant: string,
  companyId: string,
  at: string,
): Promise<void> {
  await lockRecords(tx, 'company', tenant, [companyId]);
  await tx.query(
    `INSERT INTO ${S}.audience_companies AS co (tenant, company_id, gone, state_at, fact_at)
       VALUES ($1, $2, true, $3, $3)
     ON CONFLICT (tenant, company_id) DO UPDATE SET gone = true, name = NULL,
       state_at = greatest(co.state_at, EXCLUDED.state_at), fact_at = greatest(co.fact_at, EXCLUDED.fact_at)`,
    [tenant, companyId, at],
  );
}

/** Locks the company and tells whether a fact at `mark` is newer than what the row holds. */
async function isCurrent(
  tx: Sql,
  tenant: string,
  companyId: string,
  mark: CompanyFactMark,
): Promise<boolean> {
  await lockRecords(tx, 'company', tenant, [companyId]);
  const { rows } = await tx.query<{
    gone: boolean;
    state_version: number | null;
    state_at: Date | null;
    fact_at: Date | null;
  }>(
    `SELECT gone, state_version, state_at, fact_at FROM ${S}.audience_companies
      WHERE tenant = $1 AND company_id = $2`,
    [tenant, companyId],
  );
  const known = rows[0];
  if (!known) return true;
  if (known.gone) return false;
  const at = new Date(mark.at).getTime();
  if (mark.stateVersion === undefined) return !(known.state_at && at <= known.state_at.getTime());
  if (known.state_version != null && mark.stateVersion < known.state_version) return false;
  return !(known.fact_at && at < known.fact_at.getTime());
}
