/**
 * What campaigns does with crm.sales.v1: the purchase history (orders and their lines, with
 * product, family, options and amounts; a cancellation or return undoes the sale), the product
 * families, and the contacts' deals. Every change recomputes the buyer's purchase summary in
 * the same transaction and queues them for re-evaluation. An order for a contact campaigns has
 * not heard of yet is kept (the summary appears with the contact's row); one for a merged-away
 * contact goes to the survivor; one for an erased person is not kept.
 *
 * Same consumer group as the contacts paths; the order, product and opportunity state topics
 * are read by it too (sales-state-audience.consumer.ts), and an event the applied state of its
 * record already holds is skipped.
 */
import {
  OpportunityDetailsChanged,
  OpportunityLineItemsSet,
  OpportunityLost,
  OpportunityOpened,
  OpportunityReopened,
  OpportunityStageChanged,
  OpportunityWon,
  OrderCancelled,
  OrderPlaced,
  OrderReturned,
  ProductCreated,
  ProductInfoChanged,
  type OpportunityDetailsChangedV1,
  type OpportunityLineItemsSetV1,
  type OpportunityLostV1,
  type OpportunityOpenedV1,
  type OpportunityReopenedV1,
  type OpportunityStageChangedV1,
  type OpportunityWonV1,
  type OrderCancelledV1,
  type OrderPlacedV1,
  type ProductCreatedV1,
} from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { CLOCK, type Clock } from '@crm/platform';
import { minorUnitsOfDecimal } from '@crm/values';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { queueAudienceChange } from './audience-changes';
import { AUDIENCE_CONSUMER } from './audience-consumer';
import { applyDeal, type DealPatch } from './audience-deals';
import { lockRecords } from './audience-locks';
import { applyProduct } from './audience-products';
import { ownerOf } from './contact-marks';
import { orderOfPlaced } from './order-rows';
import {
  deleteOrder,
  orderMark,
  recomputePurchaseSummary,
  setOrderStatus,
  writeOrder,
} from './purchase-history';

@Controller()
export class SalesAudienceConsumer {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(OrderPlaced.type, AUDIENCE_CONSUMER)
  async orderPlaced(event: ReceivedIntegrationEvent<OrderPlacedV1>, tx: PoolClient) {
    const tenant = event.tenant;
    const placed = orderOfPlaced(event.data);
    const orderId = placed.order.orderId;
    await lockRecords(tx, 'order', tenant, [orderId]);
    const known = await orderMark(tx, tenant, orderId);
    if (known?.stateAt && new Date(event.time).getTime() <= known.stateAt.getTime()) return;
    await lockRecords(tx, 'contact', tenant, [placed.order.contactId, known?.contactId]);
    const buyer = placed.order.contactId
      ? await ownerOf(tx, tenant, placed.order.contactId)
      : undefined;
    await lockRecords(tx, 'contact', tenant, [buyer]);
    if (buyer) await writeOrder(tx, tenant, placed, buyer, { at: event.time });
    // No contact (a company's order) or a person gone for good: nothing to keep.
    else await deleteOrder(tx, tenant, orderId);
    await this.summarize(tx, tenant, [buyer, known?.contactId]);
  }

  @EventPattern([OrderCancelled.type, OrderReturned.type], AUDIENCE_CONSUMER)
  async orderUndone(event: ReceivedIntegrationEvent<OrderCancelledV1>, tx: PoolClient) {
    const tenant = event.tenant;
    const d = event.data;
    await lockRecords(tx, 'order', tenant, [d.orderId]);
    const known = await orderMark(tx, tenant, d.orderId);
    if (known?.stateAt && new Date(event.time).getTime() <= known.stateAt.getTime()) return;
    await lockRecords(tx, 'contact', tenant, [known?.contactId, d.contactId]);
    const buyer =
      known?.contactId ?? (d.contactId ? await ownerOf(tx, tenant, d.contactId) : undefined);
    if (!buyer) return;
    await lockRecords(tx, 'contact', tenant, [buyer]);
    const status = event.type === OrderCancelled.type ? 'cancelled' : 'returned';
    await setOrderStatus(
      tx,
      tenant,
      {
        orderId: d.orderId,
        contactId: buyer,
        totalMinor: d.totalMinor ?? null,
        currency: d.currency ?? null,
      },
      status,
      event.time,
    );
    await this.summarize(tx, tenant, [buyer]);
  }

  @EventPattern([ProductCreated.type, ProductInfoChanged.type], AUDIENCE_CONSUMER)
  async product(event: ReceivedIntegrationEvent<ProductCreatedV1>, tx: PoolClient) {
    const d = event.data;
    const buyers = await applyProduct(
      tx,
      event.tenant,
      {
        productId: d.productId,
        family: d.family ?? null,
        name: d.name ?? null,
        ...(d.sku ? { sku: d.sku } : {}),
      },
      { at: event.time },
    );
    await queueAudienceChange(tx, event.tenant, buyers, this.clock.now());
  }

  @EventPattern(
    [
      OpportunityOpened.type,
      OpportunityStageChanged.type,
      OpportunityWon.type,
      OpportunityLost.type,
      OpportunityReopened.type,
      OpportunityDetailsChanged.type,
      OpportunityLineItemsSet.type,
    ],
    AUDIENCE_CONSUMER,
  )
  async deal(event: ReceivedIntegrationEvent<{ opportunityId: string }>, tx: PoolClient) {
    const contacts = await applyDeal(
      tx,
      event.tenant,
      event.data.opportunityId,
      dealPatchOf(event.type, event.data),
      { at: event.time },
    );
    await queueAudienceChange(tx, event.tenant, contacts, this.clock.now());
  }

  private async summarize(
    tx: PoolClient,
    tenant: string,
    contactIds: (string | null | undefined)[],
  ) {
    const ids = [...new Set(contactIds.filter((id): id is string => !!id))];
    for (const id of ids) await recomputePurchaseSummary(tx, tenant, id);
    await queueAudienceChange(tx, tenant, ids, this.clock.now());
  }
}

/** What each opportunity event says about the deal (v1 decimal amounts when the minor ones are absent). */
export function dealPatchOf(type: string, data: unknown): DealPatch {
  switch (type) {
    case OpportunityOpened.type: {
      const d = data as OpportunityOpenedV1;
      return {
        contactId: d.contactId ?? null,
        stageId: d.stageId,
        status: 'open',
        amountMinor: d.amountMinor ?? minorUnitsOfDecimal(d.amount.amount, d.amount.currency),
        currency: d.currency ?? d.amount.currency,
      };
    }
    case OpportunityStageChanged.type:
      return { stageId: (data as OpportunityStageChangedV1).toStageId };
    case OpportunityWon.type: {
      const d = data as OpportunityWonV1;
      return {
        status: 'won',
        ...(d.stageId ? { stageId: d.stageId } : {}),
        amountMinor: d.amountMinor ?? minorUnitsOfDecimal(d.amount.amount, d.amount.currency),
        currency: d.currency ?? d.amount.currency,
      };
    }
    case OpportunityLost.type: {
      const d = data as OpportunityLostV1;
      return { status: 'lost', ...(d.stageId ? { stageId: d.stageId } : {}) };
    }
    case OpportunityReopened.type:
      return { status: 'open', stageId: (data as OpportunityReopenedV1).stageId };
    case OpportunityDetailsChanged.type: {
      const d = data as OpportunityDetailsChangedV1;
      return {
        ...(d.changed.includes('amountMinor') && d.amountMinor != null
          ? { amountMinor: d.amountMinor }
          : {}),
        ...(d.changed.includes('currency') && d.currency ? { currency: d.currency } : {}),
      };
    }
    case OpportunityLineItemsSet.type:
      return { amountMinor: (data as OpportunityLineItemsSetV1).amountMinor };
    default:
      return {};
  }
}
