import { deciderSpec } from '@crm/event-sourcing/testing';
import type { Stage } from '../pipelines/pipeline.events';
import type { PipelineSnapshot } from './opportunity.commands';
import type { OpportunityEvent } from './opportunity.events';
import {
  effectiveProbability,
  forecastCategoryOf,
  opportunityDecider,
} from './opportunity.decider';

const given = deciderSpec(opportunityDecider);
const at = '2026-11-23T10:00:00Z';
const stages: Stage[] = [
  { stageId: 'prospect', name: 'Prospecting', kind: 'open', probability: 10 },
  { stageId: 'demo', name: 'Test drive', kind: 'open', probability: 40 },
  { stageId: 'negotiation', name: 'Negotiation', kind: 'open', probability: 70 },
  { stageId: 'won', name: 'Won', kind: 'won', probability: 100 },
  { stageId: 'lost', name: 'Lost', kind: 'lost', probability: 0 },
];
const pipeline: PipelineSnapshot = { pipelineId: 'p1', stages };

const opened: OpportunityEvent = {
  type: 'OpportunityOpened',
  data: {
    opportunityId: 'o1',
    name: 'Roadster for Ada',
    pipelineId: 'p1',
    stageId: 'prospect',
    stageProbability: 10,
    amountMinor: 4_500_000,
    currency: 'EUR',
    expectedCloseDate: '2026-12-15',
    ownerId: 'rep-1',
    contactId: 'c1',
    at,
  },
};
const moved = (
  from: string,
  to: string,
  probability: number,
  reason?: string,
): OpportunityEvent => ({
  type: 'OpportunityStageChanged',
  data: {
    opportunityId: 'o1',
    pipelineId: 'p1',
    fromStageId: from,
    toStageId: to,
    stageProbability: probability,
    ...(reason ? { reason } : {}),
    at,
  },
});
const inNegotiation = [opened, moved('prospect', 'demo', 40), moved('demo', 'negotiation', 70)];
const won: OpportunityEvent = {
  type: 'OpportunityWon',
  data: {
    opportunityId: 'o1',
    fromStageId: 'negotiation',
    stageId: 'won',
    amountMinor: 4_500_000,
    currency: 'EUR',
    at,
  },
};

describe('Opportunity decider', () => {
  describe('open', () => {
    it('opens in the first open stage with that stage default probability', () => {
      given([])
        .when({
          type: 'OpenOpportunity',
          data: {
            opportunityId: 'o1',
            name: 'Roadster for Ada',
            pipeline,
            amountMinor: 4_500_000,
            currency: 'EUR',
            expectedCloseDate: '2026-12-15',
            ownerId: 'rep-1',
            contactId: 'c1',
            at,
          },
        })
        .then([opened]);
    });

    it.each([
      [{ stageId: 'won' }, 'InvalidStageMove'],
      [{ stageId: 'nope' }, 'UnknownStage'],
      [{ amountMinor: 12.5 }, 'InvalidAmount'],
      [{ amountMinor: -1 }, 'InvalidAmount'],
      [{ currency: 'euro' }, 'InvalidCurrency'],
      [{ expectedCloseDate: '2026-02-30' }, 'InvalidDate'],
    ])('rejects %j with %s', (override, code) => {
      given([])
        .when({
          type: 'OpenOpportunity',
          data: {
            opportunityId: 'o1',
            name: 'x',
            pipeline,
            amountMinor: 100,
            currency: 'EUR',
            expectedCloseDate: '2026-12-15',
            ownerId: 'rep-1',
            at,
            ...override,
          },
        })
        .thenThrows(code);
    });
  });

  describe('stage moves', () => {
    it('moves one stage forward and takes the new stage probability', () => {
      given([opened])
        .when({ type: 'ChangeOpportunityStage', data: { pipeline, stageId: 'demo', at } })
        .then([moved('prospect', 'demo', 40)]);
    });

    it('refuses to skip a stage without a reason, and names the skipped stages', () => {
      given([opened])
        .when({ type: 'ChangeOpportunityStage', data: { pipeline, stageId: 'negotiation', at } })
        .thenThrows(
          (e: any) =>
            e.code === 'StageSkipRequiresReason' && e.details.skippedStageIds.join() === 'demo',
        );
    });

    it('skips a stage when a reason is given', () => {
      given([opened])
        .when({
          type: 'ChangeOpportunityStage',
          data: { pipeline, stageId: 'negotiation', reason: 'drove it at the fair', at },
        })
        .then([moved('prospect', 'negotiation', 70, 'drove it at the fair')]);
    });

    it('moves back without a reason', () => {
      given(inNegotiation)
        .when({ type: 'ChangeOpportunityStage', data: { pipeline, stageId: 'prospect', at } })
        .then([moved('negotiation', 'prospect', 10)]);
    });

    it('never moves into won or lost: that is what win and lose are for', () => {
      given(inNegotiation)
        .when({
          type: 'ChangeOpportunityStage',
          data: { pipeline, stageId: 'won', reason: 'because', at },
        })
        .thenThrows('InvalidStageMove');
      given(inNegotiation)
        .when({ type: 'ChangeOpportunityStage', data: { pipeline, stageId: 'lost', at } })
        .thenThrows('InvalidStageMove');
    });

    it('moving to the current stage is a no-op', () => {
      given([opened])
        .when({ type: 'ChangeOpportunityStage', data: { pipeline, stageId: 'prospect', at } })
        .thenNothingHappened();
    });

    it('checks the move against the deal own pipeline', () => {
      given([opened])
        .when({
          type: 'ChangeOpportunityStage',
          data: { pipeline: { ...pipeline, pipelineId: 'p2' }, stageId: 'demo', at },
        })
        .thenThrows('PipelineMismatch');
    });

    it('keeps a stage history with timestamps', () => {
      given(inNegotiation)
        .when({
          type: 'ChangeOpportunityStage',
          data: { pipeline, stageId: 'demo', at: '2026-11-24T08:00:00Z' },
        })
        .thenState((s) =>
          expect(s.stageHistory).toEqual([
            { stageId: 'prospect', enteredAt: at },
            { stageId: 'demo', enteredAt: at },
            { stageId: 'negotiation', enteredAt: at },
            { stageId: 'demo', enteredAt: '2026-11-24T08:00:00Z' },
          ]),
        );
    });
  });

  describe('probability and forecast category', () => {
    it('an override replaces the stage default until the next stage move', () => {
      const overridden: OpportunityEvent = {
        type: 'OpportunityProbabilityOverridden',
        data: { opportunityId: 'o1', probability: 55 },
      };
      given([opened])
        .when({ type: 'OverrideOpportunityProbability', data: { probability: 55 } })
        .then([overridden]);
      given([opened, overridden])
        .when({ type: 'ChangeOpportunityStage', data: { pipeline, stageId: 'demo', at } })
        .thenState((s) => {
          expect(s.probabilityOverride).toBeNull();
          expect(effectiveProbability(s)).toBe(40);
        });
      given([opened])
        .when({ type: 'OverrideOpportunityProbability', data: { probability: 101 } })
        .thenThrows('InvalidProbability');
    });

    it('derives commit / best case / pipeline from the probability unless the rep sets one', () => {
      const base = {
        status: 'open' as const,
        probabilityOverride: null,
        forecastCategoryOverride: null,
      };
      expect(forecastCategoryOf({ ...base, stageProbability: 70 })).toBe('commit');
      expect(forecastCategoryOf({ ...base, stageProbability: 40 })).toBe('best-case');
      expect(forecastCategoryOf({ ...base, stageProbability: 39 })).toBe('pipeline');
      expect(
        forecastCategoryOf({ ...base, stageProbability: 10, forecastCategoryOverride: 'commit' }),
      ).toBe('commit');
      expect(forecastCategoryOf({ ...base, status: 'won', stageProbability: 100 })).toBe('closed');
      given([opened])
        .when({ type: 'UpdateOpportunity', data: { forecastCategory: 'best-case' } })
        .then([
          {
            type: 'OpportunityDetailsChanged',
            data: { opportunityId: 'o1', forecastCategory: 'best-case' },
          },
        ]);
    });
  });

  describe('details and line items', () => {
    it('records only what changed', () => {
      given([opened])
        .when({
          type: 'UpdateOpportunity',
          data: {
            name: 'Roadster for Ada',
            amountMinor: 5_000_000,
            expectedCloseDate: '2027-01-10',
          },
        })
        .then([
          {
            type: 'OpportunityDetailsChanged',
            data: { opportunityId: 'o1', amountMinor: 5_000_000, expectedCloseDate: '2027-01-10' },
          },
        ]);
      given([opened])
        .when({ type: 'UpdateOpportunity', data: { name: 'Roadster for Ada' } })
        .thenNothingHappened();
    });

    it('line items set the amount in cents, and then the amount cannot be typed over', () => {
      const items = [
        { productId: 'car', name: 'Roadster', quantity: 1, unitPriceMinor: 4_199_999 },
        { productId: 'mats', name: 'Floor mats', quantity: 3, unitPriceMinor: 3_333 },
      ];
      const set: OpportunityEvent = {
        type: 'OpportunityLineItemsSet',
        data: { opportunityId: 'o1', lineItems: items, amountMinor: 4_209_998 },
      };
      given([opened])
        .when({ type: 'SetOpportunityLineItems', data: { lineItems: items } })
        .then([set]);
      given([opened, set])
        .when({ type: 'UpdateOpportunity', data: { amountMinor: 1 } })
        .thenThrows('AmountFromLineItems');
      given([opened])
        .when({
          type: 'SetOpportunityLineItems',
          data: { lineItems: [{ ...items[0], quantity: 0 }] },
        })
        .thenThrows('InvalidQuantity');
    });
  });

  describe('won, lost, reopen', () => {
    it('wins from the last open stage without a reason, moving to the won stage', () => {
      given(inNegotiation).when({ type: 'WinOpportunity', data: { pipeline, at } }).then([won]);
    });

    it('winning from an earlier stage needs a reason; an accepted quote is one', () => {
      given([opened])
        .when({ type: 'WinOpportunity', data: { pipeline, at } })
        .thenThrows('WinRequiresReason');
      given([opened])
        .when({
          type: 'WinOpportunity',
          data: { pipeline, quoteId: 'q1', orderId: 'ord1', amountMinor: 4_400_000, at },
        })
        .then([
          {
            type: 'OpportunityWon',
            data: {
              opportunityId: 'o1',
              fromStageId: 'prospect',
              stageId: 'won',
              amountMinor: 4_400_000,
              currency: 'EUR',
              orderId: 'ord1',
              quoteId: 'q1',
              reason: 'quote q1 accepted',
              at,
            },
          },
        ]);
    });

    it('replaying the same quote acceptance on a won deal is a no-op', () => {
      const wonByQuote: OpportunityEvent = {
        type: 'OpportunityWon',
        data: { ...won.data, quoteId: 'q1', orderId: 'ord1' },
      } as OpportunityEvent;
      given([...inNegotiation, wonByQuote])
        .when({ type: 'WinOpportunity', data: { pipeline, quoteId: 'q1', orderId: 'ord1', at } })
        .thenNothingHappened();
      given([...inNegotiation, wonByQuote])
        .when({ type: 'WinOpportunity', data: { pipeline, at } })
        .thenThrows('OpportunityClosed');
    });

    it('loses with a reason and the competitor', () => {
      given(inNegotiation)
        .when({
          type: 'LoseOpportunity',
          data: { pipeline, reason: 'Price', competitor: 'Rival Motors', at },
        })
        .then([
          {
            type: 'OpportunityLost',
            data: {
              opportunityId: 'o1',
              fromStageId: 'negotiation',
              stageId: 'lost',
              reason: 'Price',
              competitor: 'Rival Motors',
              at,
            },
          },
        ]);
      given(inNegotiation)
        .when({ type: 'LoseOpportunity', data: { pipeline, reason: '', at } })
        .thenThrows('RequiredText');
    });

    it('a closed deal cannot move, be edited or be closed again', () => {
      given([...inNegotiation, won])
        .when({ type: 'ChangeOpportunityStage', data: { pipeline, stageId: 'demo', at } })
        .thenThrows('OpportunityClosed');
      given([...inNegotiation, won])
        .when({ type: 'UpdateOpportunity', data: { amountMinor: 1 } })
        .thenThrows('OpportunityClosed');
      given([...inNegotiation, won])
        .when({ type: 'LoseOpportunity', data: { pipeline, reason: 'x', at } })
        .thenThrows('OpportunityClosed');
    });

    it('reopens with a reason into the stage it closed from, or a chosen open stage', () => {
      given([...inNegotiation, won])
        .when({
          type: 'ReopenOpportunity',
          data: { pipeline, reason: 'financing fell through', at },
        })
        .then([
          {
            type: 'OpportunityReopened',
            data: {
              opportunityId: 'o1',
              stageId: 'negotiation',
              stageProbability: 70,
              reason: 'financing fell through',
              at,
            },
          },
        ]);
      given([...inNegotiation, won])
        .when({
          type: 'ReopenOpportunity',
          data: { pipeline, stageId: 'demo', reason: 'new test drive', at },
        })
        .thenState((s) => {
          expect(s.status).toBe('open');
          expect(effectiveProbability(s)).toBe(40);
        });
      given([...inNegotiation, won])
        .when({ type: 'ReopenOpportunity', data: { pipeline, stageId: 'lost', reason: 'x', at } })
        .thenThrows('InvalidStageMove');
      given(inNegotiation)
        .when({ type: 'ReopenOpportunity', data: { pipeline, reason: 'x', at } })
        .thenThrows('OpportunityNotClosed');
      given([...inNegotiation, won])
        .when({ type: 'ReopenOpportunity', data: { pipeline, reason: ' ', at } })
        .thenThrows('RequiredText');
    });
  });

  describe('the order it was won with is cancelled', () => {
    const wonWithOrder = {
      type: 'OpportunityWon',
      data: { ...won.data, quoteId: 'q1', orderId: 'ord1' },
    } as OpportunityEvent;
    const orderCancelled: OpportunityEvent = {
      type: 'OpportunityOrderCancelled',
      data: {
        opportunityId: 'o1',
        orderId: 'ord1',
        fromStageId: 'won',
        stageId: 'lost',
        reason: 'financing refused',
        at,
      },
    };
    const cancel = (orderId: string) =>
      ({
        type: 'RecordOrderCancelled',
        data: { pipeline, orderId, reason: 'financing refused', at },
      }) as const;

    it('undoes the win: the deal is lost, so forecast and board stop counting it', () => {
      given([...inNegotiation, wonWithOrder])
        .when(cancel('ord1'))
        .then([orderCancelled]);
      given([...inNegotiation, wonWithOrder])
        .when(cancel('ord1'))
        .thenState((s) => {
          expect(s).toMatchObject({ status: 'lost', stageId: 'lost', amountMinor: 4_500_000 });
          expect(s.lostReason).toBe('order ord1 cancelled: financing refused');
          expect(effectiveProbability(s)).toBe(0);
          expect(forecastCategoryOf(s)).toBe('omitted');
        });
    });

    it('leaves alone a deal another order won, one reopened since, and a repeat', () => {
      const reopened: OpportunityEvent = {
        type: 'OpportunityReopened',
        data: { opportunityId: 'o1', stageId: 'demo', stageProbability: 40, reason: 'x', at },
      };
      given([...inNegotiation, wonWithOrder])
        .when(cancel('ord2'))
        .thenNothingHappened();
      given([...inNegotiation, wonWithOrder, reopened])
        .when(cancel('ord1'))
        .thenNothingHappened();
      given([...inNegotiation, wonWithOrder, orderCancelled])
        .when(cancel('ord1'))
        .thenNothingHappened();
    });

    it('can be reopened into the stage it was won from and sold again', () => {
      given([...inNegotiation, wonWithOrder, orderCancelled])
        .when({ type: 'ReopenOpportunity', data: { pipeline, reason: 'new financing', at } })
        .thenState((s) => expect(s).toMatchObject({ status: 'open', stageId: 'negotiation' }));
    });
  });

  it('re-points a merged contact, and ignores merges of other contacts', () => {
    given([opened])
      .when({ type: 'RepointOpportunityContact', data: { fromContactId: 'c1', toContactId: 'c2' } })
      .then([
        {
          type: 'OpportunityContactRepointed',
          data: { opportunityId: 'o1', fromContactId: 'c1', toContactId: 'c2' },
        },
      ]);
    given([opened])
      .when({ type: 'RepointOpportunityContact', data: { fromContactId: 'cX', toContactId: 'c2' } })
      .thenNothingHappened();
  });
});
