/**
 * Reads of the `segments` read model: one segment, and the filtered keyset list. Scoped by
 * tenant first; every value is a bound parameter. The static list itself is never read here
 * (up to 10 000 ids): views carry its size; members are the membership helper's to page.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, KeysetPage, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { ListSegmentsQuery, SegmentDto, SegmentPage, SegmentSort } from './segment.dto';
import type { SegmentRow } from './segments.projection';

type ViewRow = Omit<SegmentRow, 'static_contact_ids'> & { listed_contacts: number };

const VIEW_COLUMNS = `segment_id, name, description, kind, status, rule, version, rule_version,
  created_at, updated_at, cardinality(static_contact_ids) AS listed_contacts`;

/** The column behind each sort and the type its cursor value is cast back to. */
const SORT_COLUMNS = {
  name: { column: 'lower(name)', cast: 'text' },
  createdAt: { column: 'created_at', cast: 'timestamptz' },
  updatedAt: { column: 'updated_at', cast: 'timestamptz' },
} as const;

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally. */
function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class SegmentQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  async get(tenant: string, segmentId: string): Promise<SegmentDto | undefined> {
    const { rows } = await this.pool.query<ViewRow>(
      `SELECT ${VIEW_COLUMNS} FROM ${S}.segments WHERE tenant = $1 AND segment_id = $2`,
      [tenant, segmentId],
    );
    return rows[0] && segmentDto(rows[0]);
  }

  async list(tenant: string, q: ListSegmentsQuery): Promise<SegmentPage> {
    const params: unknown[] = [tenant];
    const bind = (value: unknown) => `$${params.push(value)}`;
    const where = ['tenant = $1'];
    if (q.status) where.push(`status = ${bind(q.status)}`);
    if (q.kind) where.push(`kind = ${bind(q.kind)}`);
    // Every word must appear in the name ("car 30" finds "Bought a car in the last 30 days").
    for (const word of (q.q ?? '').trim().split(/\s+/).filter(Boolean))
      where.push(`lower(name) LIKE ${bind(containing(word))}`);

    const sort: SegmentSort = q.sort ?? '-createdAt';
    const descending = sort.startsWith('-');
    const { column, cast } = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
    // The cursor holds a value of the sort column: one made under another sort is refused (400).
    const keyset = new KeysetPage(
      this.cursors,
      { list: `segments:${sort}`, column, cast, idColumn: 'segment_id', descending },
      q,
    );
    keyset.appendAfter(where, params);
    const direction = descending ? 'DESC' : 'ASC';
    const { rows } = await this.pool.query<ViewRow & { sort_value: string }>(
      `SELECT ${VIEW_COLUMNS}, ${column}::text AS sort_value FROM ${S}.segments
        WHERE ${where.join(' AND ')}
        ORDER BY ${column} ${direction}, segment_id ${direction}
        LIMIT ${bind(keyset.fetchLimit)}`,
      params,
    );
    return keyset.page(rows, segmentDto, (last) => ({
      value: last.sort_value,
      id: last.segment_id,
    }));
  }
}

function segmentDto(row: ViewRow): SegmentDto {
  return {
    id: row.segment_id,
    name: row.name,
    ...(row.description !== null ? { description: row.description } : {}),
    kind: row.kind,
    status: row.status,
    rule: row.rule,
    ruleVersion: row.rule_version,
    ...(row.kind === 'static' ? { listedContacts: row.listed_contacts } : {}),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
