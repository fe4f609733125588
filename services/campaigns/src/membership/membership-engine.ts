/**
 * Keeps segment memberships live, in the background of every replica: wakes on the audience's
 * NOTIFY campaigns_audience_changes (and polls every CAMPAIGNS_MEMBERSHIP_POLL_MS in case a
 * notification was missed or the listener is down), then drains the change queue (incremental)
 * and fully evaluates the segments that are new, edited, activated or archived; re-runs segments
 * with time windows on their own schedule. Time only from CLOCK. In one process the rounds never
 * overlap; across replicas the advisory locks of each part keep them apart.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { PostgresEventStore } from '@crm/event-sourcing';
import { CLOCK, PeriodicJob, RAW_EVENT_STORE, WORKER_POOL, type Clock } from '@crm/platform';
import type { Pool, PoolClient } from 'pg';
import { AUDIENCE_CHANGES_CHANNEL } from '../audience/audience-schema';
import { CAMPAIGNS_CONFIG, type CampaignsConfig } from '../campaigns.config';
import { AudienceChangeDrain } from './audience-change-drain';
import { FullEvaluation } from './full-evaluation';
import { LiveSegments } from './live-segments';
import { migrateMembershipTables } from './membership-tables';
import { MembershipWriter } from './membership-writer';
import { TimeWindowReevaluation } from './time-windows';

@Injectable()
export class MembershipEngine implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MembershipEngine');
  readonly drain: AudienceChangeDrain;
  readonly full: FullEvaluation;
  readonly windows: TimeWindowReevaluation;
  private readonly poll: PeriodicJob;
  private readonly windowJob: PeriodicJob;
  private listener: PoolClient | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    // Membership events hold no personal data, and must be appended in the transaction that
    // updates the membership tables: the undecorated Postgres store can.
    @Inject(RAW_EVENT_STORE) store: PostgresEventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CAMPAIGNS_CONFIG) config: CampaignsConfig,
  ) {
    const writer = new MembershipWriter(store);
    const segments = new LiveSegments();
    this.drain = new AudienceChangeDrain(pool, writer, segments);
    this.full = new FullEvaluation(pool, writer, segments);
    this.windows = new TimeWindowReevaluation(pool, this.full, config.windowReevaluationMs);
    this.poll = new PeriodicJob('MembershipEngine', config.membershipPollMs, () => this.runOnce());
    this.windowJob = new PeriodicJob('MembershipTimeWindows', config.windowReevaluationMs, () =>
      this.windows.runOnce(this.clock.now()),
    );
  }

  onModuleInit(): Promise<void> {
    return migrateMembershipTables(this.pool);
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    void this.listen();
    this.poll.start();
    this.windowJob.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await Promise.all([this.poll.stop(), this.windowJob.stop()]);
    await this.running?.catch(() => undefined);
    await this.unlisten();
  }

  /**
   * One round: the change queue, then the segments to evaluate; returns the events appended. A
   * call while a round runs asks for one more after it (a wake-up is never lost).
   */
  runOnce(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let appended = 0;
      try {
        do {
          this.again = false;
          appended += await this.drain.drain(() => this.clock.now());
          appended += await this.full.runPending(this.clock.now());
          appended += await this.drain.drain(() => this.clock.now());
        } while (this.again && !this.stopped);
        return appended;
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  private wake(): void {
    if (this.stopped) return;
    this.runOnce().catch((error) =>
      this.logger.warn(`membership round failed: ${(error as Error).message}`),
    );
  }

  /** LISTEN on a connection of its own; on failure the poll covers until the next attempt. */
  private async listen(): Promise<void> {
    try {
      const client = await this.pool.connect();
      client.on('notification', (message) => {
        if (message.channel === AUDIENCE_CHANGES_CHANNEL) this.wake();
      });
      client.on('error', () => {
        if (this.listener !== client) return;
        this.listener = undefined;
        client.release(new Error('membership listener connection failed'));
        if (!this.stopped) setTimeout(() => void this.listen(), 1_000).unref();
      });
      await client.query(`LISTEN ${AUDIENCE_CHANGES_CHANNEL}`);
      if (this.stopped) {
        await client.query('UNLISTEN *').catch(() => undefined);
        client.release();
        return;
      }
      this.listener = client;
      // A change queued before LISTEN took effect is found by this round.
      this.wake();
    } catch (error) {
      this.logger.warn(`cannot LISTEN (polling only): ${(error as Error).message}`);
      if (!this.stopped) setTimeout(() => void this.listen(), 1_000).unref();
    }
  }

  private async unlisten(): Promise<void> {
    const client = this.listener;
    this.listener = undefined;
    if (!client) return;
    client.removeAllListeners('notification');
    await client.query('UNLISTEN *').catch(() => undefined);
    client.release();
  }
}
