/**
 * crm.sales.v1 -> assets. `order.placed` keeps the order's customer and lines; `order.fulfilled`
 * registers one asset per delivered unit (quantity -> units), owned by the order's contact (and
 * company), delivered on the fulfilment day, with the product's warranty terms of that day.
 * Asset ids are derived from order, line and unit (order-asset-ids.ts), so a redelivery, or a
 * retry after a crash between two registrations, creates nothing twice. A fulfilment read before
 * its placement is kept, and the placement registers the units. An order without a contact (a
 * company's order) gets no assets: an asset's owner is a contact.
 */
import {
  OrderFulfilled,
  OrderPlaced,
  type OrderFulfilledV1,
  type OrderPlacedV1,
} from '@crm/contracts';
import { DomainError } from '@crm/event-sourcing';
import type { IntegrationEventPatternExtras, ReceivedIntegrationEvent } from '@crm/messaging';
import { AggregateCommands } from '@crm/platform';
import { Controller, Logger } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { STREAM } from '../infrastructure/streams';
import { utcDateOf } from '../shared/calendar-days';
import { warrantyMonthsOf } from '../warranty-terms/warranty-terms';
import type { RegisterAsset } from './asset.commands';
import { assetDecider } from './asset.decider';
import { orderUnitAssetId } from './order-asset-ids';
import {
  keepFulfilment,
  keepOrder,
  keptFulfilment,
  keptOrder,
  orderForAssets,
  type OrderForAssets,
} from './order-feed';

/** The order feed's consumer group (and inbox key). */
export const ORDER_FEED: IntegrationEventPatternExtras = { consumer: 'aftersales.orders' };
const ACTOR = 'system:order-feed';
/** A line of more units than this is not equipment delivered unit by unit. */
const MAX_UNITS_PER_LINE = 1000;

@Controller()
export class OrderFeedConsumer {
  private readonly logger = new Logger('OrderFeed');

  constructor(private readonly commands: AggregateCommands) {}

  @EventPattern(OrderPlaced.type, ORDER_FEED)
  async placed(event: ReceivedIntegrationEvent<OrderPlacedV1>, tx: PoolClient): Promise<void> {
    const order = orderForAssets(event.data);
    await keepOrder(tx, event.tenant, order, event.data.placedAt);
    const fulfilledAt = await keptFulfilment(tx, event.tenant, order.orderId);
    if (fulfilledAt) await this.registerUnits(tx, event.tenant, order, fulfilledAt);
  }

  @EventPattern(OrderFulfilled.type, ORDER_FEED)
  async fulfilled(
    event: ReceivedIntegrationEvent<OrderFulfilledV1>,
    tx: PoolClient,
  ): Promise<void> {
    const tenant = event.tenant;
    await keepFulfilment(tx, tenant, event.data.orderId, event.data.fulfilledAt);
    const order = await keptOrder(tx, tenant, event.data.orderId);
    if (!order) {
      this.logger.log(`order ${event.data.orderId} fulfilled before seen placed: waiting for it`);
      return;
    }
    await this.registerUnits(tx, tenant, order, event.data.fulfilledAt);
  }

  private async registerUnits(
    tx: PoolClient,
    tenant: string,
    order: OrderForAssets,
    fulfilledAt: string,
  ): Promise<void> {
    if (!order.contactId) return;
    const deliveredOn = utcDateOf(fulfilledAt);
    for (const line of order.lines) {
      const warrantyMonths = await warrantyMonthsOf(tx, tenant, line.productId);
      const units = Math.min(line.quantity, MAX_UNITS_PER_LINE);
      for (let unit = 1; unit <= units; unit++) {
        const assetId = orderUnitAssetId(tenant, order.orderId, line.lineKey, unit);
        await this.register(tenant, assetId, {
          source: { kind: 'order', orderId: order.orderId, lineId: line.lineKey, unit },
          productId: line.productId,
          options: line.options,
          owner: {
            contactId: order.contactId,
            ...(order.companyId ? { companyId: order.companyId } : {}),
          },
          deliveredOn,
          warrantyMonths,
        });
      }
    }
  }

  private async register(
    tenant: string,
    assetId: string,
    data: Omit<RegisterAsset['data'], 'assetId'>,
  ): Promise<void> {
    try {
      await this.commands.execute(
        assetDecider,
        STREAM.asset(assetId),
        { type: 'RegisterAsset', data: { assetId, ...data } },
        { tenant, actor: ACTOR },
      );
    } catch (error) {
      // Registered by an earlier delivery of this fulfilment: nothing to do.
      if (error instanceof DomainError && error.code === 'AssetAlreadyRegistered') return;
      throw error;
    }
  }
}
