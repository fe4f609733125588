/**
 * Conditions on time windows (within_last, anniversary_within_next, a purchase `within`) change
 * with the clock, not with an event: every CAMPAIGNS_WINDOW_REEVALUATION_MS the full evaluation of
 * the active segments whose rule has one runs again at the clock's now. Replica-safe like sales'
 * reminder scheduler: one replica runs a round at a time (session advisory lock; the others skip
 * it), a segment evaluated less than half an interval ago is skipped (another replica just did
 * it), and the evaluation itself locks per segment and decides only differences.
 */
import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import type { Rule } from '../segments/rules/rule';
import type { FullEvaluation } from './full-evaluation';
import { dependsOnClock } from './live-segments';

const WINDOWS_LOCK = `hashtext('crm.campaigns.membership-windows')`;

export class TimeWindowReevaluation {
  private readonly logger = new Logger('MembershipTimeWindows');

  constructor(
    private readonly pool: Pool,
    private readonly full: FullEvaluation,
    private readonly intervalMs: number,
  ) {}

  /** One round at `now`; returns the events appended (undefined: another replica is running one). */
  async runOnce(now: Date): Promise<number | undefined> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock(${WINDOWS_LOCK}) AS ok`,
      );
      if (!rows[0].ok) return undefined;
      try {
        return await this.round(now);
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${WINDOWS_LOCK})`);
      }
    } finally {
      client.release();
    }
  }

  private async round(now: Date): Promise<number> {
    const { rows } = await this.pool.query<{
      tenant: string;
      segment_id: string;
      rule: Rule | null;
      evaluated_at: Date | null;
    }>(
      `SELECT s.tenant, s.segment_id, s.rule, e.evaluated_at FROM ${S}.segments s
         LEFT JOIN ${S}.segment_evaluations e ON e.tenant = s.tenant AND e.segment_id = s.segment_id
        WHERE s.status = 'active' AND s.kind = 'dynamic' AND s.rule IS NOT NULL`,
    );
    let appended = 0;
    for (const row of rows) {
      if (!row.rule || !dependsOnClock(row.rule)) continue;
      const recent =
        row.evaluated_at !== null &&
        Math.abs(now.getTime() - row.evaluated_at.getTime()) < this.intervalMs / 2;
      if (recent) continue;
      try {
        const outcome = await this.full.evaluate(
          { tenant: row.tenant, segmentId: row.segment_id },
          now,
        );
        appended += outcome?.appended ?? 0;
      } catch (error) {
        // The others still run; this one is tried again next round.
        this.logger.warn(
          `segment ${row.tenant}/${row.segment_id} not re-evaluated: ${(error as Error).message}`,
        );
      }
    }
    return appended;
  }
}
