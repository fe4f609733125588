/**
 * Expires sent quotes whose validity date has passed (QuoteExpired), so pipelines and the
 * customer-facing status stay truthful without anyone pressing a button. Safe on several
 * replicas: ExpireQuote on an expired quote decides nothing, and concurrent appends are retried
 * by handleCommand on the fresh state.
 */
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { DomainError, handleCommand, type EventStore } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { CLOCK, EVENT_STORE, PeriodicJob, WORKER_POOL, type Clock } from '@crm/platform';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import { SALES_CONFIG, type SalesConfig } from '../sales.config';
import { quoteDecider } from './quote.decider';

const BATCH = 100;

@Injectable()
export class QuoteExpiry implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('QuoteExpiry');
  private readonly job: PeriodicJob;

  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SALES_CONFIG) config: SalesConfig,
  ) {
    this.job = new PeriodicJob('QuoteExpiry', config.quoteExpiryPollMs, () => this.runOnce());
  }

  onApplicationBootstrap(): void {
    this.job.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.job.stop();
  }

  /** Expires every sent quote valid until before `now`'s date (UTC); returns how many. */
  async runOnce(now = this.clock.now()): Promise<number> {
    const today = now.toISOString().slice(0, 10);
    const { rows } = await this.pool.query<{ tenant: string; quote_id: string }>(
      `SELECT tenant, quote_id FROM ${S}.quotes WHERE status = 'sent' AND valid_until < $1::date ORDER BY valid_until LIMIT ${BATCH}`,
      [today],
    );
    let expired = 0;
    for (const row of rows) {
      try {
        const result = await handleCommand(
          this.store,
          quoteDecider,
          { tenant: row.tenant, id: STREAM.quote(row.quote_id) },
          { type: 'ExpireQuote', data: { at: now.toISOString() } },
          { tenant: row.tenant, actor: 'system:quote-expiry', now: () => now },
        );
        expired += result.events.length;
      } catch (error) {
        // Accepted or rejected meanwhile (the read model lagged): nothing to expire.
        if (!(error instanceof DomainError && error.kind === 'conflict'))
          this.logger.warn(`quote ${row.quote_id}: ${(error as Error).message}`);
      }
    }
    return expired;
  }
}
