/**
 * The after-sales watcher: every AFTERSALES_WATCH_POLL_MS it announces (a) SLA breaches of cases
 * (first response or resolution past its due instant in the tenant's business hours), (b)
 * warranties ending within 30 days, (c) preventive maintenance due today or overdue (per plan and
 * due day) and (d) assets to offer an upgrade (3 failures within a year, once per asset). Time comes from CLOCK only. Replica-safe: a run holds a
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
import { FAILURE_RESOLUTION_CODES } from '../cases/case.events';
import { AssetSchedules } from '../maintenance/asset-schedules';
import { dueList } from '../maintenance/maintenance-schedule';
import { DEFAULT_UPGRADE_RULE, upgradeSuggestion } from '../reliability/reliability';
import { ReliabilityQueries } from '../reliability/reliability.queries';
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
    private readonly schedules: AssetSchedules,
    private readonly reliability: ReliabilityQueries,
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
        return (
          (await this.slaBreaches(now)) +
          (await this.endingWarranties(now)) +
          (await this.dueMaintenance(now)) +
          (await this.upgrades(now))
        );
      } finally {
        await client.query(`SELECT pg_advisory_unlock(${LOCK})`);
      }
    } finally {
      client.release();
    }
  }

  private async slaBreaches(now: Date): Promise<number> {
    const rows = await this.casesWithLiveClocks(now);
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

  /**
   * Cases with a clock not yet announced that can still breach: running (no first reply yet; not
   * resolved or closed), or stopped within the last day (a late stop is a breach too, seen once
   * after it). All of them, in keyset batches: a long queue must not hide its newest cases.
   */
  private async casesWithLiveClocks(
    now: Date,
  ): Promise<{ tenant: string; case_id: string; state: CaseState }[]> {
    const unannounced = (clock: SlaClock) => `NOT EXISTS (SELECT 1 FROM ${S}.notices n
      WHERE n.tenant = c.tenant AND n.subject = 'case:' || c.case_id AND n.key = 'sla:${clock}')`;
    const cases: { tenant: string; case_id: string; state: CaseState }[] = [];
    let after: [string, string] = ['', ''];
    for (;;) {
      const { rows } = await this.pool.query<{ tenant: string; case_id: string; state: CaseState }>(
        `SELECT c.tenant, c.case_id, c.state FROM ${S}.cases c
          WHERE (c.tenant, c.case_id) > ($2, $3)
            AND ((${unannounced('first_response')} AND (c.first_responded_at IS NULL OR c.updated_at > $1))
              OR (${unannounced('resolution')}
                  AND (c.status NOT IN ('resolved', 'closed') OR c.updated_at > $1)))
          ORDER BY c.tenant, c.case_id LIMIT ${BATCH}`,
        [new Date(now.getTime() - DAY_MS).toISOString(), ...after],
      );
      cases.push(...rows);
      if (rows.length < BATCH) return cases;
      const last = rows[rows.length - 1];
      after = [last.tenant, last.case_id];
    }
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

  private async dueMaintenance(now: Date): Promise<number> {
    const today = todayOf({ now: () => now });
    const { rows: tenants } = await this.pool.query<{ tenant: string }>(
      `SELECT DISTINCT tenant FROM ${S}.maintenance_plans ORDER BY tenant`,
    );
    let announced = 0;
    for (const { tenant } of tenants) {
      const due = dueList(await this.schedules.dueItems(tenant), today, 0);
      const owners = await this.ownersOf(
        tenant,
        due.map((d) => d.assetId),
      );
      for (const entry of due) {
        const owner = owners.get(entry.assetId);
        if (
          !owner ||
          (await this.announced(
            tenant,
            entry.assetId,
            `maintenance:${entry.planId}:${entry.dueOn}`,
          ))
        )
          continue;
        announced += await this.announce(tenant, noticeSubject.asset(entry.assetId), {
          type: 'MaintenanceDueAnnounced',
          data: {
            ...owner,
            assetId: entry.assetId,
            planId: entry.planId,
            dueOn: entry.dueOn,
            at: now.toISOString(),
          },
        });
      }
    }
    return announced;
  }

  private async upgrades(now: Date): Promise<number> {
    const today = todayOf({ now: () => now });
    const { rows: tenants } = await this.pool.query<{ tenant: string }>(
      `SELECT DISTINCT tenant FROM ${S}.cases WHERE resolution_code = ANY($1::text[]) ORDER BY tenant`,
      [[...FAILURE_RESOLUTION_CODES]],
    );
    let announced = 0;
    for (const { tenant } of tenants) {
      const failures = await this.reliability.failures(tenant);
      const candidates = [...new Set(failures.map((f) => f.assetId))];
      const owners = await this.ownersOf(tenant, candidates);
      for (const asset of await this.reliability.assets(tenant)) {
        const owner = owners.get(asset.assetId);
        if (!owner || (await this.announced(tenant, asset.assetId, 'upgrade'))) continue;
        const verdict = upgradeSuggestion(asset, failures, undefined, DEFAULT_UPGRADE_RULE, today);
        if (!verdict.suggest) continue;
        announced += await this.announce(tenant, noticeSubject.asset(asset.assetId), {
          type: 'UpgradeSuggestionRecorded',
          data: {
            ...owner,
            assetId: asset.assetId,
            reason: verdict.reasons[0],
            failures: verdict.recentFailures,
            at: now.toISOString(),
          },
        });
      }
    }
    return announced;
  }

  /** Owner contact and product of live assets, by id. */
  private async ownersOf(
    tenant: string,
    assetIds: readonly string[],
  ): Promise<Map<string, { contactId: string; productId: string }>> {
    const { rows } = await this.pool.query<{
      asset_id: string;
      contact_id: string;
      product_id: string;
    }>(
      `SELECT asset_id, contact_id, product_id FROM ${S}.assets
        WHERE tenant = $1 AND asset_id = ANY($2::text[]) AND retired_on IS NULL`,
      [tenant, assetIds],
    );
    return new Map(
      rows.map((r) => [r.asset_id, { contactId: r.contact_id, productId: r.product_id }]),
    );
  }

  /** Whether the read model shows the announcement (the decider is the guarantee; this saves the append). */
  private async announced(tenant: string, assetId: string, key: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM ${S}.notices WHERE tenant = $1 AND subject = $2 AND key = $3`,
      [tenant, noticeSubject.asset(assetId), key],
    );
    return (rowCount ?? 0) > 0;
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
