/**
 * How sales' records read in their history and as of an instant: each decider's fold and the
 * view its GET answers, from the state alone (what the read models add, an activity's contact
 * name, is today's and left out of the past).
 */
import { recordHistoryOf } from '@crm/platform';
import { toActivityView } from '../activities/activity.queries';
import { activityDecider } from '../activities/activity.decider';
import { toLeadView } from '../leads/lead-list.query';
import { leadDecider } from '../leads/lead.decider';
import { toDto as toOpportunityView } from '../opportunities/opportunity.queries';
import { opportunityDecider } from '../opportunities/opportunity.decider';
import { toDto as toQuoteView } from '../quotes/quote.queries';
import { quoteDecider } from '../quotes/quote.decider';
import { evolveOrder, initialOrderState, type OrderState } from '../orders/order.decider';
import type { OrderEvent, OrderPlaced } from '../orders/order.events';
import { toOrderView } from '../orders/order.queries';

export const leadRecord = () =>
  recordHistoryOf(leadDecider, (state, version, { firstAt, lastAt }) =>
    state.exists
      ? toLeadView(state, version, { capturedAt: firstAt, updatedAt: lastAt })
      : undefined,
  );

export const opportunityRecord = () =>
  recordHistoryOf(opportunityDecider, (state, version) =>
    state.exists ? toOpportunityView(state, version) : undefined,
  );

export const quoteRecord = () =>
  recordHistoryOf(quoteDecider, (state, version) =>
    state.exists ? toQuoteView(state, version) : undefined,
  );

/**
 * `dueAt`: the instant the due status is judged at; by default the change's own time, so each
 * history entry shows the status as it stood right after it.
 */
export const activityRecord = (dueAt?: Date) =>
  recordHistoryOf(activityDecider, (state, version, { lastAt }) =>
    state.exists ? toActivityView(state, version, dueAt ?? new Date(lastAt)) : undefined,
  );

/**
 * An order's view needs the placed facts (source, lines, placedAt) its decider state does not
 * keep: the fold keeps them beside the decider's own state.
 */
interface OrderRecordState {
  readonly order: OrderState;
  readonly placed?: OrderPlaced['data'];
}

export const orderRecord = () =>
  recordHistoryOf(
    {
      initialState: (): OrderRecordState => ({ order: initialOrderState() }),
      evolve: (s: OrderRecordState, e: OrderEvent): OrderRecordState => ({
        order: evolveOrder(s.order, e),
        placed: e.type === 'OrderPlaced' ? e.data : s.placed,
      }),
    },
    ({ order, placed }, version) =>
      order.exists && placed
        ? toOrderView(
            { ...placed, status: order.status, contactId: order.contactId, placedAt: placed.at },
            version,
          )
        : undefined,
  );
