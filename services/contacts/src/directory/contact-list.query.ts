/**
 * Queries over `contact_list`: filtered, sorted keyset pages and ranked search. Every statement
 * is scoped by tenant first; all values are bound parameters.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL, ReadModels } from '@crm/platform';
import type { Pool } from 'pg';
import { CONTACTS_SCHEMA } from '../infrastructure/schema';
import type { ContactPage, ContactSummary, ListContactsQuery } from './directory.dto';

const S = CONTACTS_SCHEMA;

const SORT_COLUMNS = {
  name: { expr: 'lower(display_name)', cast: 'text' },
  created: { expr: 'created_at', cast: 'timestamptz' },
  updated: { expr: 'updated_at', cast: 'timestamptz' },
} as const;

interface ContactRow {
  contact_id: string;
  display_name: string;
  primary_email: string | null;
  primary_phone: string | null;
  company_id: string | null;
  company_name: string | null;
  owner_id: string | null;
  lifecycle_stage: string;
  tags: string[];
  consent: Record<string, string>;
  custom_fields: Record<string, unknown>;
  status: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  sort_value?: string;
  score?: number;
}

const SUMMARY_COLUMNS = `contact_id, display_name, primary_email, primary_phone, company_id, company_name, owner_id,
  lifecycle_stage, tags, consent, custom_fields, status, version, created_at, updated_at`;

/** A query is a phone number when it holds only digits and phone punctuation, and enough digits. */
const PHONE_LIKE = /^[\d\s+\-()]+$/;
const MIN_PHONE_DIGITS = 4;
/** Below an exact word match (1): a phone substring must not outrank an exact name or email. */
const PHONE_MATCH_SCORE = 0.9;

/** The digits to look for in phones, or '' when the query is not a phone number. */
function phoneDigitsOf(needle: string): string {
  const digits = needle.replace(/\D/g, '');
  return PHONE_LIKE.test(needle) && digits.length >= MIN_PHONE_DIGITS ? digits : '';
}

function toSummary(row: ContactRow): ContactSummary {
  return {
    id: row.contact_id,
    displayName: row.display_name,
    primaryEmail: row.primary_email,
    primaryPhone: row.primary_phone,
    companyId: row.company_id,
    companyName: row.company_name,
    ownerId: row.owner_id,
    lifecycleStage: row.lifecycle_stage,
    tags: row.tags,
    consent: row.consent,
    customFields: row.custom_fields,
    status: row.status,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(row.score !== undefined ? { score: Math.round(Number(row.score) * 1000) / 1000 } : {}),
  };
}

@Injectable()
export class ContactListQuery {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly readModels: ReadModels,
    private readonly cursors: CursorCodec,
  ) {}

  async list(tenant: string, q: ListContactsQuery): Promise<ContactPage> {
    await this.readModels.assertReady('contacts.directory');
    const params: unknown[] = [tenant];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['tenant = $1'];
    const status = q.status ?? 'active';
    where.push(status === 'all' ? `status IN ('active', 'archived')` : `status = ${bind(status)}`);
    if (q.tag) where.push(`tags @> ARRAY[${bind(q.tag.trim().toLowerCase())}]::text[]`);
    if (q.owner) where.push(`owner_id = ${bind(q.owner)}`);
    if (q.company) where.push(`company_id = ${bind(q.company)}`);
    if (q.stage) where.push(`lifecycle_stage = ${bind(q.stage)}`);
    if (q.consent) {
      const [channel, wanted] = q.consent.split(':');
      where.push(
        wanted === 'none'
          ? `NOT consent ? ${bind(channel)}`
          : `consent ->> ${bind(channel)} = ${bind(wanted)}`,
      );
    }
    if (q.customField) {
      const at = q.customField.indexOf('=');
      where.push(
        `custom_fields ->> ${bind(q.customField.slice(0, at))} = ${bind(q.customField.slice(at + 1))}`,
      );
    }
    if (q.createdFrom) where.push(`created_at >= ${bind(q.createdFrom)}::timestamptz`);
    if (q.createdTo) where.push(`created_at < ${bind(q.createdTo)}::timestamptz`);
    if (q.updatedFrom) where.push(`updated_at >= ${bind(q.updatedFrom)}::timestamptz`);
    if (q.updatedTo) where.push(`updated_at < ${bind(q.updatedTo)}::timestamptz`);

    const sort = q.sort ?? '-created';
    const descending = sort.startsWith('-');
    const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    // A cursor holds a value of the sort column: one made under another sort is refused.
    const keyset = new KeysetPage(
      this.cursors,
      {
        list: `contacts:${sort}`,
        column: column.expr,
        cast: column.cast,
        idColumn: 'contact_id',
        descending,
      },
      q,
    );
    keyset.appendAfter(where, params);
    const direction = descending ? 'DESC' : 'ASC';
    const { rows } = await this.pool.query<ContactRow>(
      `SELECT ${SUMMARY_COLUMNS}, ${column.expr}::text AS sort_value FROM ${S}.contact_list
        WHERE ${where.join(' AND ')}
        ORDER BY ${column.expr} ${direction}, contact_id ${direction}
        LIMIT ${bind(keyset.fetchLimit)}`,
      params,
    );
    return keyset.page(rows, toSummary, (last) => ({
      value: last.sort_value!,
      id: last.contact_id,
    }));
  }

  /**
   * Full-text match on words (tsvector) or fuzzy match on any part (trigram), ranked by the
   * better of the two; phones match with or without spaces and the leading +, but only for a
   * query that is a phone number (so `qqq6960` does not hit every phone ending in 6960).
   */
  async search(tenant: string, text: string, limit = 20): Promise<ContactSummary[]> {
    await this.readModels.assertReady('contacts.directory');
    const needle = text.trim().toLowerCase();
    const digits = phoneDigitsOf(needle);
    const like = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const { rows } = await this.pool.query<ContactRow>(
      `SELECT ${SUMMARY_COLUMNS},
              greatest(ts_rank(search, plainto_tsquery('simple', $2)), word_similarity($2, search_text),
                       CASE WHEN $5 <> '' AND array_to_string(phones, ' ') LIKE '%' || $5 || '%' THEN $6::real ELSE 0 END) AS score
         FROM ${S}.contact_list
        WHERE tenant = $1 AND status IN ('active', 'archived')
          AND (search @@ plainto_tsquery('simple', $2) OR search_text LIKE $3 OR $2 <% search_text
               OR ($5 <> '' AND array_to_string(phones, ' ') LIKE '%' || $5 || '%'))
        ORDER BY score DESC, contact_id
        LIMIT $4`,
      [tenant, needle, like, limit, digits, PHONE_MATCH_SCORE],
    );
    return rows.map(toSummary);
  }
}
