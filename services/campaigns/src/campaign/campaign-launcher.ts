/**
 * Launches scheduled campaigns whose time has come (a broadcast starts sending; a recurring or
 * triggered one goes live), so a schedule needs nobody to press a button. Safe on several
 * replicas: LaunchCampaign on a sending campaign decides nothing, and concurrent appends are
 * retried on the fresh state. Time from CLOCK only.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DomainError, handleCommand, type EventStore } from '@crm/event-sourcing';
import { CLOCK, EVENT_STORE, PeriodicJob, WORKER_POOL, type Clock } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import { campaignDecider } from './campaign.decider';

/** How often due campaigns are looked for (a campaigns.config setting once the sender lands). */
export const CAMPAIGN_LAUNCH_POLL_MS = 5_000;
const BATCH = 100;

@Injectable()
export class CampaignLauncher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('CampaignLauncher');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.job = new PeriodicJob('CampaignLauncher', CAMPAIGN_LAUNCH_POLL_MS, () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Launches every scheduled campaign due at `now`; returns how many it launched. */
  async runOnce(now = this.clock.now()): Promise<number> {
    const { rows } = await this.pool.query<{ tenant: string; campaign_id: string }>(
      `SELECT tenant, campaign_id FROM ${S}.campaigns
        WHERE status = 'scheduled' AND (state->>'sendAt')::timestamptz <= $1
        ORDER BY (state->>'sendAt')::timestamptz LIMIT ${BATCH}`,
      [now],
    );
    let launched = 0;
    for (const row of rows) {
      try {
        const result = await handleCommand(
          this.store,
          campaignDecider,
          { tenant: row.tenant, id: STREAM.campaign(row.campaign_id) },
          { type: 'LaunchCampaign', data: { at: now.toISOString() } },
          { tenant: row.tenant, actor: 'system:campaign-launcher', now: () => now },
        );
        launched += result.events.length;
      } catch (error) {
        // Cancelled or launched by hand meanwhile (the read model lagged): nothing to launch.
        if (!(error instanceof DomainError && error.kind === 'conflict'))
          this.logger.warn(`campaign ${row.campaign_id}: ${(error as Error).message}`);
      }
    }
    return launched;
  }
}
