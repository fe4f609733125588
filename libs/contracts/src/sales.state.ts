/**
 * State topics of the sales service (see state-topic.ts): key = the record's id, value = its
 * current public state as its REST `GET` answers it (the schemas are in sales.schemas.ts and
 * the same documents the "created" events carry as `state`).
 *
 * - lead: `GET /leads/{id}`; a tombstone once its personal data is erased (the lead itself
 *   lives on without a profile: its status and score stay on the event topic).
 * - opportunity, quote, order, product: their `GET`.
 * - activity: `GET /activities/{id}` without `dueStatus` (it depends on the reader's clock) and
 *   `contactName` (join the contacts service's contact state by `contactId`).
 * - pipeline: `GET /pipelines/{id}`, so the stage ids of deals can be named from the start.
 * - price_book: the book and its list prices; the product columns `GET /price-books/{id}` joins
 *   in (sku, name, family, active) are on the product state topic under each entry's productId.
 */
import { defineStateTopic, type StateTopicDefinition } from './state-topic';
import {
  activityState,
  leadState,
  opportunityState,
  orderState,
  pipelineState,
  priceBookState,
  productState,
  quoteState,
} from './sales.schemas';

export const LeadStateTopic = defineStateTopic({
  service: 'sales',
  aggregate: 'lead',
  summary:
    'A lead as GET /leads/{id} answers it (with its personal profile); a tombstone once its ' +
    'personal data is erased.',
  schema: leadState,
});

export const OpportunityStateTopic = defineStateTopic({
  service: 'sales',
  aggregate: 'opportunity',
  summary: 'A deal as GET /opportunities/{id} answers it.',
  schema: opportunityState,
});

export const ActivityStateTopic = defineStateTopic({
  service: 'sales',
  aggregate: 'activity',
  summary:
    'A call, meeting or task as GET /activities/{id} answers it, without the reader-dependent ' +
    'dueStatus and contactName.',
  schema: activityState,
});

export const QuoteStateTopic = defineStateTopic({
  service: 'sales',
  aggregate: 'quote',
  summary: 'A quote with its priced lines and totals, as GET /quotes/{id} answers it.',
  schema: quoteState,
});

export const OrderStateTopic = defineStateTopic({
  service: 'sales',
  aggregate: 'order',
  summary: 'An order with its lines, options and totals, as GET /orders/{id} answers it.',
  schema: orderState,
});

export const ProductStateTopic = defineStateTopic({
  service: 'sales',
  aggregate: 'product',
  summary: 'A product and its configuration model, as GET /products/{id} answers it.',
  schema: productState,
});

export const PriceBookStateTopic = defineStateTopic({
  service: 'sales',
  aggregate: 'price_book',
  summary:
    'A price book and its list prices (productId, currency, amountMinor); the product columns ' +
    'of GET /price-books/{id} are on crm.sales.product.state.v1.',
  schema: priceBookState,
});

export const PipelineStateTopic = defineStateTopic({
  service: 'sales',
  aggregate: 'pipeline',
  summary:
    'A pipeline and its stages (names, kinds, default probabilities), as GET /pipelines/{id} answers it.',
  schema: pipelineState,
});

export const SALES_STATE_TOPICS: readonly StateTopicDefinition[] = [
  LeadStateTopic,
  OpportunityStateTopic,
  ActivityStateTopic,
  QuoteStateTopic,
  OrderStateTopic,
  ProductStateTopic,
  PriceBookStateTopic,
  PipelineStateTopic,
];
