/**
 * A cancelled order is no sale: the deal it was won with is lost (see OpportunityOrderCancelled),
 * so forecast, board and `crm.sales.v1` stop counting the win. Runs after the order's own
 * cancellation and reads the order from the log; every step is a no-op when already done, so
 * retrying the cancellation after a crash between the two writes completes it.
 */
import { Injectable } from '@nestjs/common';
import { AggregateCommands, type CommandCaller } from '@crm/platform';
import { STREAM } from '../infrastructure/streams';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import { loadPipelineSnapshot } from '../pipelines/pipeline-snapshot';
import { orderDecider } from './order.decider';

@Injectable()
export class CancelledOrderDeal {
  constructor(private readonly commands: AggregateCommands) {}

  async settle(caller: CommandCaller, orderId: string, at: string): Promise<void> {
    const { tenant, actor } = caller;
    const { state: order } = await this.commands.load(orderDecider, tenant, STREAM.order(orderId));
    if (order.status !== 'cancelled' || !order.opportunityId) return;
    const { state: deal } = await this.commands.load(
      opportunityDecider,
      tenant,
      STREAM.opportunity(order.opportunityId),
    );
    if (!deal.exists || deal.status !== 'won' || deal.orderId !== orderId) return;
    const pipeline = await loadPipelineSnapshot(this.commands, tenant, deal.pipelineId);
    // The caller's If-Match was for the order; the deal is written at its current version.
    await this.commands.execute(
      opportunityDecider,
      STREAM.opportunity(order.opportunityId),
      { type: 'RecordOrderCancelled', data: { pipeline, orderId, reason: order.reason!, at } },
      { tenant, actor },
    );
  }
}
