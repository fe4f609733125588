/**
 * Candidate duplicate pairs: the read model finds pairs cheaply (shared email or phone through
 * the GIN array indexes, similar names through the trigram index), the pure scorer ranks them.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import {
  NAME_SIMILARITY_THRESHOLD,
  scoreDuplicate,
  type DuplicateProbe,
  type DuplicateReason,
} from './duplicate-score';

const S = CONTACTS_SCHEMA;

export interface DuplicatePair {
  readonly contactId: string;
  readonly displayName: string;
  readonly duplicateId: string;
  readonly duplicateDisplayName: string;
  readonly score: number;
  readonly reasons: DuplicateReason[];
}

interface PairRow {
  a_id: string;
  a_name: string;
  a_emails: string[];
  a_phones: string[];
  a_company: string | null;
  b_id: string;
  b_name: string;
  b_emails: string[];
  b_phones: string[];
  b_company: string | null;
}

@Injectable()
export class DuplicateCandidatesQuery {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /**
   * The window of candidates is taken strongest first, in the scorer's order of signals (shared
   * email, shared phone, similar name at the same company, then name similarity): without that,
   * weak name-only pairs could fill the window and push real duplicates off the page.
   */
  async find(
    tenant: string,
    options: { minScore: number; limit: number; contactId?: string },
  ): Promise<DuplicatePair[]> {
    const { rows } = await this.pool.query<PairRow>(
      `SELECT a.contact_id a_id, a.display_name a_name, a.emails a_emails, a.phones a_phones, a.company_id a_company,
              b.contact_id b_id, b.display_name b_name, b.emails b_emails, b.phones b_phones, b.company_id b_company
         FROM ${S}.contact_list a
         JOIN ${S}.contact_list b
           ON b.tenant = a.tenant AND b.contact_id <> a.contact_id AND b.status = 'active'
          AND (a.emails && b.emails OR a.phones && b.phones OR lower(a.display_name) % lower(b.display_name))
        WHERE a.tenant = $1 AND a.status = 'active'
          AND ($3::text IS NULL AND a.contact_id < b.contact_id OR a.contact_id = $3::text)
        ORDER BY (a.emails && b.emails) DESC, (a.phones && b.phones) DESC,
                 (similarity(lower(a.display_name), lower(b.display_name)) >= $4
                  AND a.company_id = b.company_id) IS TRUE DESC,
                 similarity(lower(a.display_name), lower(b.display_name)) DESC, a.contact_id, b.contact_id
        LIMIT $2`,
      [tenant, options.limit * 20, options.contactId ?? null, NAME_SIMILARITY_THRESHOLD],
    );
    const probe = (
      id: string,
      name: string,
      emails: string[],
      phones: string[],
      companyId: string | null,
    ): DuplicateProbe => ({
      contactId: id,
      name: name.toLowerCase(),
      emails,
      phones,
      companyId,
    });
    return rows
      .map((r) => {
        const { score, reasons } = scoreDuplicate(
          probe(r.a_id, r.a_name, r.a_emails, r.a_phones, r.a_company),
          probe(r.b_id, r.b_name, r.b_emails, r.b_phones, r.b_company),
        );
        return {
          contactId: r.a_id,
          displayName: r.a_name,
          duplicateId: r.b_id,
          duplicateDisplayName: r.b_name,
          score,
          reasons,
        };
      })
      .filter((pair) => pair.score >= options.minScore)
      .sort((x, y) => y.score - x.score || x.contactId.localeCompare(y.contactId))
      .slice(0, options.limit);
  }
}
