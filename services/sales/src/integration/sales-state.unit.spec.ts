import { findStateTopic, stateTopicsOfService } from '@crm/contracts';
import { recordedEvent } from '@crm/event-sourcing/testing';
import { ERASED } from '@crm/event-sourcing';
import { STREAM } from '../infrastructure/streams';
import { leadState } from './sales-state-views';
import {
  activityStateSource,
  leadStateSource,
  opportunityStateSource,
  orderStateSource,
  pipelineStateSource,
  priceBookStateSource,
  productStateSource,
  quoteStateSource,
  salesStateSources,
} from './sales-state';

const recorded = recordedEvent;

describe('sales state sources: which records an event touches', () => {
  it('publish every sales state topic of the catalogue, once', () => {
    const types = salesStateSources.map((s) => s.stateType);
    expect(types).toEqual(stateTopicsOfService('sales').map((d) => d.type));
    expect(types).toEqual([
      'crm.sales.lead.state.v1',
      'crm.sales.opportunity.state.v1',
      'crm.sales.activity.state.v1',
      'crm.sales.quote.state.v1',
      'crm.sales.order.state.v1',
      'crm.sales.product.state.v1',
      'crm.sales.price_book.state.v1',
      'crm.sales.pipeline.state.v1',
    ]);
    for (const source of salesStateSources) expect(findStateTopic(source.stateType)).toBeDefined();
  });

  it.each([
    [leadStateSource, STREAM.lead('l1'), 'LeadPersonalDataErased', 'lead'],
    [opportunityStateSource, STREAM.opportunity('o1'), 'OpportunityOrderCancelled', 'opportunity'],
    [activityStateSource, STREAM.activity('a1'), 'ActivityCancelled', 'activity'],
    [quoteStateSource, STREAM.quote('q1'), 'QuoteExpired', 'quote'],
    [orderStateSource, STREAM.order('ord1'), 'OrderCancelled', 'order'],
    [productStateSource, STREAM.product('p1'), 'ProductDeactivated', 'product'],
    [priceBookStateSource, STREAM.priceBook('pb1'), 'ListPriceSet', 'pricebook'],
    [pipelineStateSource, STREAM.pipeline('p1'), 'PipelineStagesRevised', 'pipeline'],
  ])('%# an event of its stream touches that record only', (source, streamId, type, category) => {
    expect(source.categories).toEqual([category]);
    const id = streamId.slice(category.length + 1);
    expect(source.subjectsOf(recorded(streamId, type))).toEqual([id]);
    // Another aggregate's events, even about this record's id, are someone else's.
    for (const other of salesStateSources.filter((s) => s !== source))
      expect(other.subjectsOf(recorded(streamId, type))).toEqual([]);
  });

  it('the SKU registry is no state topic', () => {
    for (const source of salesStateSources)
      expect(source.subjectsOf(recorded(STREAM.sku('RDST'), 'SkuReserved'))).toEqual([]);
  });

  it('a lead erased before the erasure fact existed (only its key shredded) is a tombstone too', () => {
    const captured = (profile: unknown) =>
      recorded(STREAM.lead('l9'), 'LeadCaptured', {
        leadId: 'l9',
        source: 'manual',
        profile,
        capturedAt: '2026-11-23T10:00:00.000Z',
      });
    expect(leadState([captured({ name: 'Eve' })])).toMatchObject({ id: 'l9', name: 'Eve' });
    expect(leadState([captured(ERASED)])).toBeNull();
  });
});
