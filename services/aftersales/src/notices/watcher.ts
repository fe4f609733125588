/**
 * The after-sales watcher: every AFTERSALES_WATCH_POLL_MS it announces (a) SLA breaches of cases
 * (first response or resolution past its due instant in the tenant's business hours) and (b)
 * warranties ending within 30 days. Time comes from CLOCK only. Replica-safe: a run holds a
 * Postgres advisory lock, so one replica scans at a time; and should two announce anyway, the
 * notice decider appends each key once (the loser's retry sees it), so the relay publishes once.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AggregateCommands, CLOCK, PeriodicJob, PG_POOL, type Clock } from '@crm/platform';
import type { CalendarDate } from '@crm/values';
import type { Pool } from 'pg';
import { AFTERSALES_CONFIG, type AftersalesConfig } from '../aftersales.config';
import { warrantyEndingSoon, WARRANTY_NOTICE_DAYS, type CoveragePeriod } from '../assets/warranty';
import type { CaseState } from '../cases/case.decider';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import { addDays } from '../shared/calendar-days';
import { todayOf } from '../shared/today';
import { caseSla } from '../sla/sla-policy';
import { readSlaSettings, type SlaSettings } from '../sla/sla-settings';
import { noticeDecider } from './notice.decider';
import { noticeSubject, type NoticeEvent, type SlaClock } from './notice.events';

const ACTOR = 'system:aftersales-watcher';
const LOCK = `hashtext('aftersales.watcher')`;
const BATCH = 500;
const DAY_MS = 86_400_000;

@Injectable()
export class Watcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Watcher');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: AggregateCommands,
    @Inject(AFTERSALES_CONFIG) config: AftersalesConfig,
  ) {
    this.job = new PeriodicJob('Watcher', config.watchPollMs, () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** One scan at the clock's now; returns how many announcements were appended (0 if another replica scans). */
  async runOnce(now = this.clock.now()): Promise<number> {
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>(
        `SELECT pg_try_advisory_lock(${LOCK}) AS locked`,
      );
      if (!rows[0].locked) return 0;
      try {
        return (await this.slaBreaches(now)) + (await this.endingWarranties(now));
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${LOCK})`);
      }
    } finally {
      client.release();
    }
  }

  private async slaBreaches(now: Date): Promise<number> {
    // Cases still running a clock, or stopped lately (a late stop is a breach too), whose two
    // clocks are not both announced yet.
    const { rows } = await this.pool.query<{ tenant: string; state: CaseState }>(
      `SELECT c.tenant, c.state FROM ${S}.cases c
        WHERE (c.status <> 'closed' OR c.updated_at > $1)
          AND (SELECT count(*) FROM ${S}.notices n
                WHERE n.tenant = c.tenant AND n.subject = 'case:' || c.case_id
                  AND n.key LIKE 'sla:%') < 2
        ORDER BY c.opened_at LIMIT ${BATCH}`,
      [new Date(now.getTime() - DAY_MS).toISOString()],
    );
    const settings = new Map<string, SlaSettings>();
    let announced = 0;
    for (const { tenant, state } of rows) {
      if (!settings.has(tenant)) settings.set(tenant, await readSlaSettings(this.pool, tenant));
      const { policy, calendar } = settings.get(tenant)!;
      const report = caseSla(state, policy, calendar, now.toISOString());
      const clocks: [SlaClock, typeof report.firstResponse][] = [
        ['first_response', report.firstResponse],
        ['resolution', report.resolution],
      ];
      for (const [clock, status] of clocks) {
        if (status.status !== 'breached' || status.dueAt === undefined) continue;
        announced += await this.announce(tenant, noticeSubject.case(state.caseId), {
          type: 'SlaBreachRecorded',
          data: {
            caseId: state.caseId,
            contactId: state.contactId,
            clock,
            priority: state.priority,
            dueAt: status.dueAt,
            at: now.toISOString(),
          },
        });
      }
    }
    return announced;
  }

  private async endingWarranties(now: Date): Promise<number> {
    const today = todayOf({ now: () => now });
    const horizon = addDays(today, WARRANTY_NOTICE_DAYS);
    const { rows } = await this.pool.query<{
      tenant: string;
      asset_id: string;
      product_id: string;
      contact_id: string;
      delivered_on: CalendarDate;
      coverage: CoveragePeriod[];
    }>(
      `SELECT a.tenant, a.asset_id, a.product_id, a.contact_id, a.delivered_on, a.coverage
         FROM ${S}.assets a
        WHERE a.retired_on IS NULL
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(a.coverage) c
                       WHERE c->>'to' >= $1 AND c->>'to' <= $2)
          AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(a.coverage) c
                           JOIN ${S}.notices n ON n.tenant = a.tenant
                            AND n.subject = 'asset:' || a.asset_id
                            AND n.key = 'warranty:' || (c->>'to')
                          WHERE c->>'to' >= $1 AND c->>'to' <= $2)
        ORDER BY a.asset_id LIMIT ${BATCH}`,
      [today, horizon],
    );
    let announced = 0;
    for (const row of rows) {
      const ending = warrantyEndingSoon(
        { deliveredOn: row.delivered_on, coverage: row.coverage },
        today,
      );
      if (!ending) continue;
      announced += await this.announce(row.tenant, noticeSubject.asset(row.asset_id), {
        type: 'WarrantyExpiryAnnounced',
        data: {
          assetId: row.asset_id,
          productId: row.product_id,
          contactId: row.contact_id,
          endsOn: ending.endsOn,
          daysLeft: ending.daysLeft,
          at: now.toISOString(),
        },
      });
    }
    return announced;
  }

  private async announce(tenant: string, subject: string, notice: NoticeEvent): Promise<number> {
    try {
      const result = await this.commands.execute(
        noticeDecider,
        STREAM.notice(subject),
        { type: 'Announce', data: { notice } },
        { tenant, actor: ACTOR },
      );
      return result.events.length;
    } catch (error) {
      this.logger.warn(`${subject}: ${(error as Error).message}`);
      return 0;
    }
  }
}
