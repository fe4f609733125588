/**
 * Bootstraps the purchase history, the product families and the deals from sales' state topics
 * (`crm.sales.order.state.v1`, `crm.sales.product.state.v1`, `crm.sales.opportunity.state.v1`):
 * read from offset 0 they hold every current record, also those whose events crm.sales.v1 no
 * longer has. Same group as the event path, other topics, so a record's state and its events
 * arrive in either order: a state applies only if its version is not below the last state's and
 * its time not before the newest fact applied; events the applied state holds are skipped.
 * A state also carries what has no event of its own: an order or deal sales re-pointed to a
 * merge's survivor comes back here with the survivor's id.
 */
import { OpportunityStateTopic, OrderStateTopic, ProductStateTopic } from '@crm/contracts';
import type { ReceivedIntegrationEvent } from '@crm/messaging';
import { CLOCK, type Clock } from '@crm/platform';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import type { PoolClient } from 'pg';
import { S } from '../infrastructure/read-model-part';
import { queueAudienceChange } from './audience-changes';
import { AUDIENCE_CONSUMER } from './audience-consumer';
import { applyDeal } from './audience-deals';
import { lockRecords } from './audience-locks';
import { applyProduct } from './audience-products';
import { ownerOf } from './contact-marks';
import { orderOfState, type OrderStateV1 } from './order-rows';
import { deleteOrder, orderMark, recomputePurchaseSummary, writeOrder } from './purchase-history';

interface ProductState {
  id: string;
  version: number;
  sku: string;
  name: string;
  family?: string;
}

interface OpportunityState {
  id: string;
  version: number;
  stageId: string;
  status: 'open' | 'won' | 'lost';
  amountMinor: number;
  currency: string;
  contactId?: string;
}

@Controller()
export class SalesStateAudienceConsumer {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @EventPattern(OrderStateTopic.type, AUDIENCE_CONSUMER)
  async orderState(event: ReceivedIntegrationEvent<OrderStateV1 | null>, tx: PoolClient) {
    const tenant = event.tenant;
    const state = event.data;
    const orderId = state?.id ?? event.subject;
    await lockRecords(tx, 'order', tenant, [orderId]);
    const known = await orderMark(tx, tenant, orderId);
    const at = new Date(event.time).getTime();
    if (
      state &&
      ((known?.stateVersion != null && state.version < known.stateVersion) ||
        (known?.factAt && at < known.factAt.getTime()))
    )
      return;
    await lockRecords(tx, 'contact', tenant, [state?.contactId, known?.contactId]);
    const buyer = state?.contactId ? await ownerOf(tx, tenant, state.contactId) : undefined;
    await lockRecords(tx, 'contact', tenant, [buyer]);
    if (state && buyer)
      await writeOrder(tx, tenant, orderOfState(state), buyer, {
        at: event.time,
        stateVersion: state.version,
      });
    else await deleteOrder(tx, tenant, orderId);
    const touched = [...new Set([buyer, known?.contactId].filter((id): id is string => !!id))];
    for (const id of touched) await recomputePurchaseSummary(tx, tenant, id);
    await queueAudienceChange(tx, tenant, touched, this.clock.now());
  }

  @EventPattern(ProductStateTopic.type, AUDIENCE_CONSUMER)
  async productState(event: ReceivedIntegrationEvent<ProductState | null>, tx: PoolClient) {
    const state = event.data;
    // A product is never tombstoned (it is deactivated); its lines keep the last family known.
    if (state === null) return;
    const buyers = await applyProduct(
      tx,
      event.tenant,
      { productId: state.id, family: state.family ?? null, name: state.name, sku: state.sku },
      { at: event.time, stateVersion: state.version },
    );
    await queueAudienceChange(tx, event.tenant, buyers, this.clock.now());
  }

  @EventPattern(OpportunityStateTopic.type, AUDIENCE_CONSUMER)
  async opportunityState(event: ReceivedIntegrationEvent<OpportunityState | null>, tx: PoolClient) {
    const state = event.data;
    const tenant = event.tenant;
    if (state === null) {
      const { rows } = await tx.query<{ contact_id: string | null }>(
        `DELETE FROM ${S}.audience_deals WHERE tenant = $1 AND opportunity_id = $2 RETURNING contact_id`,
        [tenant, event.subject],
      );
      const contacts = rows.flatMap((r) => (r.contact_id ? [r.contact_id] : []));
      await queueAudienceChange(tx, tenant, contacts, this.clock.now());
      return;
    }
    const contacts = await applyDeal(
      tx,
      tenant,
      state.id,
      {
        contactId: state.contactId ?? null,
        stageId: state.stageId,
        status: state.status,
        amountMinor: state.amountMinor,
        currency: state.currency,
      },
      { at: event.time, stateVersion: state.version },
    );
    await queueAudienceChange(tx, tenant, contacts, this.clock.now());
  }
}
