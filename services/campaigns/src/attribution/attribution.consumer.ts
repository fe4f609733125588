/**
 * Attribution, fed by crm.sales.v1 through its own consumer group (`campaigns.attribution`, so
 * it never waits on the audience consumers): an order placed is credited to the buyer's last
 * campaign response by the attribution rule; a cancellation or return takes the credit back.
 * The decision is the `conversion-<orderId>` stream, appended once (the decider), so a
 * redelivered order event changes nothing. Imported orders follow the same rule: one placed
 * (in the old system) days after a campaign click is credited like any other.
 */
import {
  OrderCancelled,
  OrderPlaced,
  OrderReturned,
  type OrderCancelledV1,
  type OrderPlacedV1,
  type OrderReturnedV1,
} from '@crm/contracts';
import { handleCommand, streamIdOf, type EventStore } from '@crm/event-sourcing';
import type { IntegrationEventPatternExtras, ReceivedIntegrationEvent } from '@crm/messaging';
import { CLOCK, EVENT_STORE, type Clock } from '@crm/platform';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { orderOfPlaced } from '../audience/order-rows';
import { S } from '../infrastructure/read-model-part';
import { attribute, type AttributionSettings, type Touch } from './attribution-rule';
import { ATTRIBUTION_SETTINGS } from './attribution.config';
import { conversionDecider, type ConversionCommand } from './conversion.decider';

export const ATTRIBUTION_CONSUMER: IntegrationEventPatternExtras = {
  consumer: 'campaigns.attribution',
};

const conversionStream = (orderId: string) => streamIdOf('conversion', orderId);

@Controller()
export class AttributionConsumer {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ATTRIBUTION_SETTINGS) private readonly settings: AttributionSettings,
  ) {}

  @EventPattern(OrderPlaced.type, ATTRIBUTION_CONSUMER)
  async orderPlaced(event: ReceivedIntegrationEvent<OrderPlacedV1>, tx: PoolClient): Promise<void> {
    const { order } = orderOfPlaced(event.data);
    if (!order.contactId) return;
    const placedAt = new Date(order.placedAt);
    const touches = await touchesBefore(tx, event.tenant, order.contactId, placedAt, this.settings);
    const credit = attribute(touches, placedAt, this.settings);
    if (!credit) return;
    await this.decide(event.tenant, order.orderId, {
      type: 'AttributeConversion',
      data: {
        orderId: order.orderId,
        contactId: order.contactId,
        messageId: credit.touch.messageId,
        campaignId: credit.touch.campaignId,
        variantId: credit.touch.variantId,
        rule: credit.rule,
        touchedAt: credit.touch.at.toISOString(),
        revenueMinor: order.totalMinor ?? 0,
        currency: order.currency,
        placedAt: placedAt.toISOString(),
        at: this.clock.now().toISOString(),
      },
    });
  }

  @EventPattern([OrderCancelled.type, OrderReturned.type], ATTRIBUTION_CONSUMER)
  async orderUndone(
    event: ReceivedIntegrationEvent<OrderCancelledV1 | OrderReturnedV1>,
  ): Promise<void> {
    await this.decide(event.tenant, event.data.orderId, {
      type: 'ReverseConversion',
      data: {
        reason: event.type === OrderCancelled.type ? 'cancelled' : 'returned',
        at: this.clock.now().toISOString(),
      },
    });
  }

  private async decide(tenant: string, orderId: string, command: ConversionCommand) {
    await handleCommand(
      this.store,
      conversionDecider,
      { tenant, id: conversionStream(orderId) },
      command,
      {
        tenant,
        actor: 'system:campaigns-attribution',
        now: () => this.clock.now(),
      },
    );
  }
}

/** The person's responses inside the longer of the two windows before the order. */
async function touchesBefore(
  tx: PoolClient,
  tenant: string,
  contactId: string,
  placedAt: Date,
  settings: AttributionSettings,
): Promise<Touch[]> {
  const days = Math.max(settings.clickWindowDays, settings.openWindowDays);
  const { rows } = await tx.query<{
    message_id: string;
    campaign_id: string;
    variant_id: string | null;
    kind: 'open' | 'click';
    at: Date;
    human: boolean;
  }>(
    `SELECT t.message_id, m.campaign_id, m.variant_id, t.kind, t.at, t.human
       FROM ${S}.attribution_touches t
       JOIN ${S}.attribution_messages m ON m.tenant = t.tenant AND m.message_id = t.message_id
      WHERE t.tenant = $1 AND t.contact_id = $2
        AND t.at <= $3 AND t.at >= $3::timestamptz - make_interval(days => $4)`,
    [tenant, contactId, placedAt, days],
  );
  return rows.map((r) => ({
    messageId: r.message_id,
    campaignId: r.campaign_id,
    variantId: r.variant_id,
    kind: r.kind,
    at: r.at,
    human: r.human,
  }));
}
