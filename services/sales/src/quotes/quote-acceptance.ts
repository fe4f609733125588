/**
 * The customer accepted a quote: the quote is accepted, its order placed and its opportunity won.
 * All three decisions are dry-run on the states just read before anything is written, then
 * appended in that order. The order id is derived from the quote id and every step is idempotent,
 * so retrying after a crash between steps completes the acceptance instead of repeating it.
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  AggregateCommands,
  CLOCK,
  isoNow,
  requireRecordAccess,
  type Clock,
  type CommandCaller,
} from '@crm/platform';
import { STREAM } from '../infrastructure/streams';
import type { OpportunityCommand } from '../opportunities/opportunity.commands';
import { decideOpportunity, opportunityDecider } from '../opportunities/opportunity.decider';
import type { OrderCommand } from '../orders/order.commands';
import { decideOrder, initialOrderState, orderDecider } from '../orders/order.decider';
import { loadPipelineSnapshot } from '../pipelines/pipeline-snapshot';
import { derivedId } from '../shared/derived-id';
import type { QuoteCommand } from './quote.commands';
import { decideQuote, quoteDecider, quoteTotals } from './quote.decider';
import { QuoteErrors } from './quote.errors';

export interface AcceptanceResult {
  readonly orderId: string;
  readonly opportunityId: string;
  /** The quote stream's version after the acceptance. */
  readonly version: number;
}

@Injectable()
export class QuoteAcceptance {
  constructor(
    private readonly commands: AggregateCommands,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async accept(quoteId: string, caller: CommandCaller): Promise<AcceptanceResult> {
    const at = isoNow(this.clock);
    const orderId = derivedId('order-of-quote', `${caller.tenant}/${quoteId}`);
    const { state: quote } = await this.commands.load(
      quoteDecider,
      caller.tenant,
      STREAM.quote(quoteId),
    );
    if (!quote.exists) throw QuoteErrors.quoteNotFound();
    // The same rule resourceCommands applies to every other quote command (record-access.ts).
    if (caller.user) requireRecordAccess(caller.user, 'quote', [quote.ownerId]);
    const { state: deal } = await this.commands.load(
      opportunityDecider,
      caller.tenant,
      STREAM.opportunity(quote.opportunityId),
    );
    const pipeline = await loadPipelineSnapshot(this.commands, caller.tenant, deal.pipelineId);
    const totals = quoteTotals(quote);

    const acceptQuote: QuoteCommand = { type: 'AcceptQuote', data: { orderId, at } };
    const placeOrder: OrderCommand = {
      type: 'PlaceOrder',
      data: {
        orderId,
        source: 'quote',
        contactId: quote.contactId,
        companyId: quote.companyId,
        quoteId,
        opportunityId: quote.opportunityId,
        ownerId: quote.ownerId,
        currency: quote.currency,
        taxRateBps: quote.taxRateBps,
        discountBps: quote.discountBps,
        lines: quote.lines.map(
          ({ lineId, productId, sku, name, options, quantity, unitPriceMinor, discountBps }) => ({
            lineId,
            productId,
            sku,
            name,
            options,
            quantity,
            unitPriceMinor,
            discountBps,
          }),
        ),
        at,
      },
    };
    // The deal is won at the net amount the customer pays before tax.
    const winDeal: OpportunityCommand = {
      type: 'WinOpportunity',
      data: {
        pipeline,
        quoteId,
        orderId,
        amountMinor: totals.subtotalMinor - totals.discountMinor,
        at,
      },
    };
    decideQuote(acceptQuote, quote);
    decideOrder(placeOrder, initialOrderState());
    decideOpportunity(winDeal, deal);

    const others = { tenant: caller.tenant, actor: caller.actor };
    const accepted = await this.commands.execute(
      quoteDecider,
      STREAM.quote(quoteId),
      acceptQuote,
      caller,
    );
    await this.commands.execute(orderDecider, STREAM.order(orderId), placeOrder, others);
    await this.commands.execute(
      opportunityDecider,
      STREAM.opportunity(quote.opportunityId),
      winDeal,
      others,
    );
    return { orderId, opportunityId: quote.opportunityId, version: accepted.nextExpectedVersion };
  }
}
