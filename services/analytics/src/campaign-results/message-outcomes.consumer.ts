/**
 * crm.campaigns.v1 message.bounced / complained / outcome_unknown into
 * campaign_message_outcomes (consumer group `analytics.campaign-outcomes`, its own inbox). Each
 * fact sets its first time (least), so facts apply in any order and a redelivery changes nothing;
 * a hard bounce wins over a soft one.
 */
import * as C from '@crm/contracts';
import type { IntegrationEventPatternExtras, ReceivedIntegrationEvent } from '@crm/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/schema';

export const OUTCOMES_CONSUMER: IntegrationEventPatternExtras = {
  consumer: 'analytics.campaign-outcomes',
};

type OutcomeFact = C.MessageBouncedV1 & C.MessageComplainedV1 & C.MessageOutcomeUnknownV1;

const COLUMNS: Record<string, { column: string; at: keyof OutcomeFact }> = {
  [C.MessageBounced.type]: { column: 'bounced_at', at: 'bouncedAt' },
  [C.MessageComplained.type]: { column: 'complained_at', at: 'complainedAt' },
  [C.MessageOutcomeUnknown.type]: { column: 'outcome_unknown_at', at: 'at' },
};

@Controller()
export class MessageOutcomesConsumer {
  @EventPattern(Object.keys(COLUMNS), OUTCOMES_CONSUMER)
  async outcome(event: ReceivedIntegrationEvent<OutcomeFact>, tx: PoolClient) {
    const d = event.data;
    const { column, at } = COLUMNS[event.type];
    const kind = event.type === C.MessageBounced.type ? d.kind : null;
    await tx.query(
      `INSERT INTO ${S}.campaign_message_outcomes AS o (tenant, message_id, campaign_id, channel, ${column}, bounce_kind)
         VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant, message_id) DO UPDATE SET
         campaign_id = coalesce(o.campaign_id, EXCLUDED.campaign_id),
         channel = coalesce(o.channel, EXCLUDED.channel),
         ${column} = least(o.${column}, EXCLUDED.${column}),
         bounce_kind = CASE WHEN o.bounce_kind = 'hard' OR EXCLUDED.bounce_kind IS NULL THEN o.bounce_kind
                            ELSE EXCLUDED.bounce_kind END`,
      [event.tenant, d.messageId, d.campaignId ?? null, d.channel ?? null, d[at], kind],
    );
  }
}
