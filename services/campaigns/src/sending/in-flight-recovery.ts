/**
 * Crash recovery: a message handed to the provider (dispatched or redispatched) whose outcome
 * was never recorded, older than the grace period, is `unknown`: the provider may have it, so it
 * is reported (campaign_messages, the stats, `message.outcome_unknown`) and never resent. The
 * grace period must exceed the longest a send can take (the SMTP timeout plus a batch), so a live
 * replica's messages in flight are never taken for a crashed one's.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, handleCommand, type EventStore } from '@crm/event-sourcing';
import { EVENT_STORE, WORKER_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { CAMPAIGNS_CONFIG, type CampaignsConfig } from '../campaigns.config';
import { S } from '../infrastructure/read-model-part';
import { STREAM } from '../infrastructure/streams';
import { messageDecider } from './message.decider';

const BATCH = 500;
export const IN_FLIGHT_UNKNOWN_REASON =
  'in flight when the sender stopped (crash or kill): the provider may or may not have it; not resent';

@Injectable()
export class InFlightRecovery {
  private readonly logger = new Logger('InFlightRecovery');
  private readonly graceMs: number;

  constructor(
    @Inject(WORKER_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CAMPAIGNS_CONFIG) config: CampaignsConfig,
  ) {
    this.graceMs = config.sending.inFlightGraceMs;
  }

  /** Marks stale in-flight messages unknown; returns how many. */
  async recoverStale(now: Date): Promise<number> {
    const { rows } = await this.pool.query<{ tenant: string; message_id: string }>(
      `SELECT tenant, message_id FROM ${S}.campaign_messages
        WHERE status = 'dispatched' AND updated_at < $1 ORDER BY updated_at LIMIT ${BATCH}`,
      [new Date(now.getTime() - this.graceMs)],
    );
    let recovered = 0;
    for (const row of rows) {
      try {
        const result = await handleCommand(
          this.store,
          messageDecider,
          { tenant: row.tenant, id: STREAM.message(row.message_id) },
          {
            type: 'RecordOutcomeUnknown',
            data: { reason: IN_FLIGHT_UNKNOWN_REASON, at: now.toISOString() },
          },
          { tenant: row.tenant, actor: 'system:campaign-sender', now: () => now },
        );
        recovered += result.events.length;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`message ${row.message_id}: ${error.message}`);
      }
    }
    if (recovered > 0)
      this.logger.warn(`${recovered} messages in flight at a stop are now unknown`);
    return recovered;
  }
}
