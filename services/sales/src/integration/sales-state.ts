/**
 * The sales service's state topics as StateSources (`@crm/messaging`): which records an event
 * touched, and each record's current public state folded from its stream with the deciders and
 * the REST view functions (sales-state-views), so a state message equals what `GET` answers.
 *
 * Every sales view is folded from the record's own stream only (a price book's products and an
 * activity's contact name live on other topics), so an event touches exactly its own aggregate.
 * Tombstones: a lead whose personal data was erased; a stream with no record (never created).
 */
import {
  ActivityStateTopic,
  LeadStateTopic,
  OpportunityStateTopic,
  OrderStateTopic,
  PipelineStateTopic,
  PriceBookStateTopic,
  ProductStateTopic,
  QuoteStateTopic,
} from '@crm/contracts';
import { categoryOf, idOfStream, type RecordedEvent } from '@crm/event-sourcing';
import type { StateSource } from '@crm/messaging';
import { STREAM } from '../infrastructure/streams';
import {
  activityState,
  leadState,
  opportunityState,
  orderState,
  pipelineState,
  priceBookState,
  productState,
  quoteState,
  type PublicState,
} from './sales-state-views';

function streamStateSource(
  stateType: string,
  streamOf: (id: string) => string,
  view: (events: readonly RecordedEvent[]) => PublicState | null,
): StateSource {
  const category = categoryOf(streamOf('x'));
  return {
    stateType,
    categories: [category],
    subjectsOf: (event) =>
      categoryOf(event.streamId) === category ? [idOfStream(event.streamId)] : [],
    async load(store, tenant, subject) {
      const { events } = await store.readStream({ tenant, id: streamOf(subject) });
      return view(events);
    },
  };
}

export const leadStateSource = streamStateSource(LeadStateTopic.type, STREAM.lead, leadState);
export const opportunityStateSource = streamStateSource(
  OpportunityStateTopic.type,
  STREAM.opportunity,
  opportunityState,
);
export const activityStateSource = streamStateSource(
  ActivityStateTopic.type,
  STREAM.activity,
  activityState,
);
export const quoteStateSource = streamStateSource(QuoteStateTopic.type, STREAM.quote, quoteState);
export const orderStateSource = streamStateSource(OrderStateTopic.type, STREAM.order, orderState);
export const productStateSource = streamStateSource(
  ProductStateTopic.type,
  STREAM.product,
  productState,
);
export const priceBookStateSource = streamStateSource(
  PriceBookStateTopic.type,
  STREAM.priceBook,
  priceBookState,
);
export const pipelineStateSource = streamStateSource(
  PipelineStateTopic.type,
  STREAM.pipeline,
  pipelineState,
);

/** What the sales service publishes on state topics; the state publisher takes this array. */
export const salesStateSources: readonly StateSource[] = [
  leadStateSource,
  opportunityStateSource,
  activityStateSource,
  quoteStateSource,
  orderStateSource,
  productStateSource,
  priceBookStateSource,
  pipelineStateSource,
];
