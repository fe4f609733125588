/**
 * Reads of the `segments` read model: one segment, and the filtered keyset list. Scoped by
 * tenant first; every value is a bound parameter. The static list itself is never read here
 * (up to 10 000 ids): views carry its size; members are the membership helper's to page.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CursorCodec, PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { keysetList, type KeysetListSource } from '../shared/keyset-list';
import type { ListSegmentsQuery, SegmentDto, SegmentPage } from './segment.dto';
import type { SegmentRow } from './segments.projection';

type ViewRow = Omit<SegmentRow, 'static_contact_ids'> & { listed_contacts: number };

const VIEW_COLUMNS = `segment_id, name, description, kind, status, rule, version, rule_version,
  created_at, updated_at, cardinality(static_contact_ids) AS listed_contacts`;

const LIST: KeysetListSource = {
  list: 'segments',
  columns: VIEW_COLUMNS,
  from: `${S}.segments`,
  idColumn: 'segment_id',
};

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

  /** Every word of `q` must appear in the name ("car 30" finds "Bought a car in the last 30 days"). */
  list(tenant: string, q: ListSegmentsQuery): Promise<SegmentPage> {
    const filters = { status: q.status, kind: q.kind };
    return keysetList(this.pool, this.cursors, LIST, tenant, q, filters, segmentDto);
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
