/**
 * Turns due reminders into ReminderDue events. Safe with several replicas: each run claims due
 * rows of `reminder_schedule` with FOR UPDATE SKIP LOCKED, so two replicas never work on the same
 * reminder at once; and should one fire twice anyway (a crash between append and commit), the
 * decider makes the second FireReminder a no-op. The row is deleted in the claiming transaction.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DomainError, handleCommand, inTransaction, type EventStore } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { CLOCK, EVENT_STORE, PeriodicJob, WORKER_POOL, type Clock } from '@crm/platform';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import { SALES_CONFIG, type SalesConfig } from '../sales.config';
import { activityDecider } from './activity.decider';

const BATCH = 50;
const ACTOR = 'system:reminder-scheduler';

@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReminderScheduler');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SALES_CONFIG) config: SalesConfig,
  ) {
    this.job = new PeriodicJob('ReminderScheduler', config.reminderPollMs, () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Fires every reminder due at `now`; returns how many ReminderDue events were appended. */
  async runOnce(now = this.clock.now()): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      let fired = 0;
      const { rows } = await client.query<{
        tenant: string;
        activity_id: string;
        reminder_id: string;
      }>(
        `SELECT tenant, activity_id, reminder_id FROM ${S}.reminder_schedule WHERE remind_at <= $1
         ORDER BY remind_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [now.toISOString()],
      );
      for (const row of rows) {
        try {
          const result = await handleCommand(
            this.store,
            activityDecider,
            { tenant: row.tenant, id: STREAM.activity(row.activity_id) },
            { type: 'FireReminder', data: { reminderId: row.reminder_id, at: now.toISOString() } },
            { tenant: row.tenant, actor: ACTOR, now: () => now },
          );
          fired += result.events.length;
        } catch (error) {
          // A reminder the activity no longer has is done with; anything else is retried next run.
          if (!(error instanceof DomainError && error.kind === 'not-found')) {
            this.logger.warn(
              `reminder ${row.reminder_id} of ${row.activity_id}: ${(error as Error).message}`,
            );
            continue;
          }
        }
        await client.query(
          `DELETE FROM ${S}.reminder_schedule WHERE tenant = $1 AND activity_id = $2 AND reminder_id = $3`,
          [row.tenant, row.activity_id, row.reminder_id],
        );
      }
      return fired;
    });
  }
}
