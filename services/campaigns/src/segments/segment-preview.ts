/**
 * "Preview before saving": how many contacts of the audience a (draft) rule matches now, and 20
 * of them with why each matches. The rule is compiled to SQL over the audience tables (every
 * value bound); count and sample read one snapshot, under a statement timeout so a pathological
 * rule answers 503 instead of holding a connection.
 */
import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, PG_POOL, type Clock } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { compileRule } from './rules/compile-sql';
import { topLevelParts, type Rule } from './rules/rule';
import { validateRule } from './rules/validate-rule';
import type { SegmentPreviewDto } from './segment.dto';
import { previewTimedOut, SegmentErrors } from './segment.errors';

export const PREVIEW_SAMPLE_SIZE = 20;
/** Well above the "well under a second at 100k contacts" goal, well below a client's patience. */
export const PREVIEW_TIMEOUT_MS = 5000;
/** PostgreSQL's query_canceled: the statement timeout fired. */
const QUERY_CANCELED = '57014';

@Injectable()
export class SegmentPreview {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** 422 naming each path for an invalid rule; nothing is stored either way. */
  async preview(
    tenant: string,
    raw: unknown,
    timeoutMs = PREVIEW_TIMEOUT_MS,
  ): Promise<SegmentPreviewDto> {
    const validation = validateRule(raw);
    if (!validation.ok) throw SegmentErrors.invalidRule(validation.errors);
    const now = this.clock.now();
    const { count, sample } = await this.run(tenant, validation.rule, now, timeoutMs);
    return { count, sample, evaluatedAt: now.toISOString() };
  }

  private async run(tenant: string, rule: Rule, now: Date, timeoutMs: number) {
    const compiled = compileRule(rule, { tenantParam: 1, now });
    const params = [tenant, ...compiled.params];
    const partsSql = compiled.parts.map((p, i) => `${p.sql} AS part_${i}`).join(', ');
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.trunc(timeoutMs))}`);
      const counted = await client.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM ${S}.audience_contacts c WHERE ${compiled.where}`,
        params,
      );
      const sampled = await client.query<Record<string, unknown>>(
        `SELECT c.contact_id, c.display_name${partsSql ? `, ${partsSql}` : ''}
           FROM ${S}.audience_contacts c WHERE ${compiled.where}
          ORDER BY c.contact_id LIMIT ${PREVIEW_SAMPLE_SIZE}`,
        params,
      );
      await client.query('COMMIT');
      const parts = topLevelParts(rule);
      return {
        count: counted.rows[0]?.count ?? 0,
        sample: sampled.rows.map((row) => ({
          contactId: row.contact_id as string,
          displayName: (row.display_name as string | null) ?? null,
          why: compiled.parts.map((part, i) => ({
            path: part.path,
            matched: row[`part_${i}`] === true,
            rule: parts[i]?.rule,
          })),
        })),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      if ((error as { code?: unknown }).code === QUERY_CANCELED)
        throw previewTimedOut(timeoutMs / 1000);
      throw error;
    } finally {
      client.release();
    }
  }
}
