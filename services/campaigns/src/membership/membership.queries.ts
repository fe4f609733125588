/** Reads of the segment_members read model part: members with why, counts over time, a person's segments. */
import { Inject, Injectable } from '@nestjs/common';
import {
  CursorCodec,
  KeysetPage,
  PG_POOL,
  validationProblem,
  wholePage,
  type KeysetOrder,
} from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type {
  ContactSegmentPage,
  CountInterval,
  ListMembersQuery,
  MemberCountsDto,
  MemberCountsQuery,
  SegmentMemberPage,
} from './membership.dto';
import type { MatchReason } from './membership.events';

const MEMBERS: KeysetOrder = {
  list: 'segment-members:-joinedAt',
  column: 'm.joined_at',
  cast: 'timestamptz',
  idColumn: 'm.contact_id',
  descending: true,
};
const HOUR_MS = 3_600_000;
const INTERVAL_MS: Record<CountInterval, number> = { hour: HOUR_MS, day: 24 * HOUR_MS };
/** The most intervals one answer holds (a year of days, or 45 days of hours). */
export const MAX_COUNT_INTERVALS = 1100;

@Injectable()
export class MembershipQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly cursors: CursorCodec,
  ) {}

  async segmentExists(tenant: string, segmentId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM ${S}.segments WHERE tenant = $1 AND segment_id = $2`,
      [tenant, segmentId],
    );
    return (rowCount ?? 0) > 0;
  }

  async members(
    tenant: string,
    segmentId: string,
    q: ListMembersQuery,
  ): Promise<SegmentMemberPage> {
    const params: unknown[] = [tenant, segmentId];
    const where = ['m.tenant = $1', 'm.segment_id = $2'];
    const keyset = new KeysetPage(this.cursors, MEMBERS, q);
    keyset.appendAfter(where, params);
    params.push(keyset.fetchLimit);
    const { rows } = await this.pool.query<{
      contact_id: string;
      joined_at: Date;
      joined_text: string;
      rule_version: number;
      why: MatchReason[];
    }>(
      `SELECT m.contact_id, m.joined_at, m.joined_at::text AS joined_text, m.rule_version, m.why
         FROM ${S}.segment_members m WHERE ${where.join(' AND ')}
        ORDER BY m.joined_at DESC, m.contact_id DESC LIMIT $${params.length}`,
      params,
    );
    return keyset.page(
      rows,
      (r) => ({
        contactId: r.contact_id,
        joinedAt: r.joined_at.toISOString(),
        ruleVersion: r.rule_version,
        why: r.why.map((w) => ({ path: w.path, fields: [...w.fields] })),
      }),
      (last) => ({ value: last.joined_text, id: last.contact_id }),
    );
  }

  /** Per interval: joins, leaves and the members at its end; `now` is the default end. */
  async counts(
    tenant: string,
    segmentId: string,
    q: MemberCountsQuery,
    now: Date,
  ): Promise<MemberCountsDto> {
    const interval = q.interval ?? 'day';
    const step = INTERVAL_MS[interval];
    const to = q.to ? new Date(q.to) : now;
    const from = q.from
      ? new Date(q.from)
      : new Date(to.getTime() - (interval === 'day' ? 30 : 2) * 24 * HOUR_MS);
    if (from.getTime() > to.getTime()) {
      throw validationProblem([{ field: 'from', message: 'from must not be after to' }]);
    }
    const first = Math.floor(from.getTime() / step) * step;
    if ((to.getTime() - first) / step + 1 > MAX_COUNT_INTERVALS) {
      throw validationProblem([
        {
          field: 'from',
          message: `at most ${MAX_COUNT_INTERVALS} intervals (${interval}) per request`,
        },
      ]);
    }
    const { rows } = await this.pool.query<{
      start: Date;
      members: number;
      joined: string;
      left_count: string;
    }>(
      `SELECT b.start,
              COALESCE((SELECT c.members FROM ${S}.segment_member_counts c
                         WHERE c.tenant = $1 AND c.segment_id = $2 AND c.hour < b.start + $5::interval
                         ORDER BY c.hour DESC LIMIT 1), 0) AS members,
              COALESCE(sum(c.joined), 0) AS joined, COALESCE(sum(c.left_count), 0) AS left_count
         FROM generate_series($3::timestamptz, $4::timestamptz, $5::interval) AS b(start)
         LEFT JOIN ${S}.segment_member_counts c
           ON c.tenant = $1 AND c.segment_id = $2 AND c.hour >= b.start AND c.hour < b.start + $5::interval
        GROUP BY b.start ORDER BY b.start`,
      [tenant, segmentId, new Date(first).toISOString(), to.toISOString(), `1 ${interval}`],
    );
    const total = await this.pool.query<{ members: number }>(
      `SELECT members FROM ${S}.segment_member_totals WHERE tenant = $1 AND segment_id = $2`,
      [tenant, segmentId],
    );
    return {
      segmentId,
      interval,
      members: total.rows[0]?.members ?? 0,
      counts: rows.map((r) => ({
        start: r.start.toISOString(),
        members: Number(r.members),
        joined: Number(r.joined),
        left: Number(r.left_count),
      })),
    };
  }

  async segmentsOf(tenant: string, contactId: string): Promise<ContactSegmentPage> {
    const { rows } = await this.pool.query<{
      segment_id: string;
      name: string;
      kind: string;
      joined_at: Date;
      rule_version: number;
      why: MatchReason[];
    }>(
      `SELECT m.segment_id, s.name, s.kind, m.joined_at, m.rule_version, m.why
         FROM ${S}.segment_members m
         JOIN ${S}.segments s ON s.tenant = m.tenant AND s.segment_id = m.segment_id
        WHERE m.tenant = $1 AND m.contact_id = $2
        ORDER BY lower(s.name), m.segment_id`,
      [tenant, contactId],
    );
    return wholePage(
      rows.map((r) => ({
        segmentId: r.segment_id,
        name: r.name,
        kind: r.kind,
        joinedAt: r.joined_at.toISOString(),
        ruleVersion: r.rule_version,
        why: r.why.map((w) => ({ path: w.path, fields: [...w.fields] })),
      })),
    );
  }
}
