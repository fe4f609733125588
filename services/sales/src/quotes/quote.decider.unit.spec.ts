import { deciderSpec } from '@crm/event-sourcing/testing';
import { carForSale } from '../cpq/car.fixture';
import { computeTotals } from '../shared/totals';
import type { QuoteEvent, QuoteLine } from './quote.events';
import { quoteDecider, quoteTotals } from './quote.decider';

const given = deciderSpec(quoteDecider);
const at = '2026-11-23T10:00:00Z';
const rep = ['sales-rep'];
const manager = ['sales-manager'];
const car = carForSale;

const drafted: QuoteEvent = {
  type: 'QuoteDrafted',
  data: {
    quoteId: 'q1',
    opportunityId: 'o1',
    contactId: 'c1',
    ownerId: 'rep-1',
    currency: 'EUR',
    taxRateBps: 1900,
    validUntil: '2026-12-01',
    at,
  },
};
const redAuto: QuoteLine = {
  lineId: 'l1',
  productId: 'car',
  sku: 'RDST-2026',
  name: 'Roadster',
  options: [
    {
      groupId: 'paint',
      optionId: 'paint-red',
      name: 'Racing red',
      priceDeltaMinor: 80_000,
      defaulted: false,
    },
    {
      groupId: 'interior',
      optionId: 'trim-cloth',
      name: 'Cloth',
      priceDeltaMinor: 0,
      defaulted: true,
    },
    {
      groupId: 'transmission',
      optionId: 'gear-auto',
      name: 'Automatic',
      priceDeltaMinor: 200_000,
      defaulted: false,
    },
  ],
  quantity: 2,
  unitPriceMinor: 3_280_000,
  discountBps: 500,
};
const lineAdded: QuoteEvent = { type: 'QuoteLineAdded', data: { quoteId: 'q1', line: redAuto } };
const baseCar: QuoteLine = {
  ...redAuto,
  lineId: 'l2',
  options: [],
  quantity: 1,
  unitPriceMinor: 3_000_000,
  discountBps: 0,
};
const twoLines = [
  drafted,
  lineAdded,
  { type: 'QuoteLineAdded', data: { quoteId: 'q1', line: baseCar } } as QuoteEvent,
];
const withDiscount = [
  ...twoLines,
  { type: 'QuoteDiscountSet', data: { quoteId: 'q1', discountBps: 250 } } as QuoteEvent,
];
const expectedTotals = {
  lines: [
    { lineId: 'l1', grossMinor: 6_560_000, discountMinor: 328_000, netMinor: 6_232_000 },
    { lineId: 'l2', grossMinor: 3_000_000, discountMinor: 0, netMinor: 3_000_000 },
  ],
  subtotalMinor: 9_232_000,
  discountMinor: 230_800,
  taxMinor: 1_710_228,
  totalMinor: 10_711_428,
};
const sent: QuoteEvent = {
  type: 'QuoteSent',
  data: {
    quoteId: 'q1',
    opportunityId: 'o1',
    totals: expectedTotals,
    currency: 'EUR',
    validUntil: '2026-12-01',
    at,
  },
};

describe('Quote decider', () => {
  describe('drafting and lines', () => {
    it('drafts a quote for an opportunity with currency, tax rate and validity', () => {
      given([])
        .when({
          type: 'DraftQuote',
          data: {
            quoteId: 'q1',
            opportunityId: 'o1',
            contactId: 'c1',
            ownerId: 'rep-1',
            currency: 'EUR',
            taxRateBps: 1900,
            validUntil: '2026-12-01',
            at,
          },
        })
        .then([drafted]);
    });

    it.each([
      [{ taxRateBps: 10_001 }, 'InvalidRate'],
      [{ taxRateBps: 19.5 }, 'InvalidRate'],
      [{ validUntil: '2026-11-22' }, 'ValidityInPast'],
      [{ validUntil: '01.12.2026' }, 'InvalidDate'],
      [{ currency: 'Euro' }, 'InvalidCurrency'],
    ])('rejects a draft with %j', (override, code) => {
      given([])
        .when({
          type: 'DraftQuote',
          data: {
            quoteId: 'q1',
            opportunityId: 'o1',
            ownerId: 'rep-1',
            currency: 'EUR',
            taxRateBps: 1900,
            validUntil: '2026-12-01',
            at,
            ...override,
          },
        })
        .thenThrows(code);
    });

    it('puts a configured car on the quote at its configured price', () => {
      given([drafted])
        .when({
          type: 'AddQuoteLine',
          data: {
            lineId: 'l1',
            product: car,
            optionIds: ['paint-red', 'gear-auto'],
            quantity: 2,
            discountBps: 500,
            actorRoles: rep,
          },
        })
        .then([lineAdded]);
    });

    it('refuses a configuration that breaks a rule, listing every broken rule', () => {
      given([drafted])
        .when({
          type: 'AddQuoteLine',
          data: {
            lineId: 'l1',
            product: car,
            optionIds: ['sport-pack', 'tow-hitch', 'trim-leather'],
            quantity: 1,
            actorRoles: rep,
          },
        })
        .thenThrows(
          (e: any) =>
            e.code === 'ConfigurationRuleBroken' &&
            e.kind === 'invalid' &&
            e.details.violations.map((v: any) => v.code).join() === 'Requires,Excludes',
        );
    });

    it('refuses inactive products, products without a price in the quote currency and bad quantities', () => {
      const line = { lineId: 'l1', optionIds: [], quantity: 1, actorRoles: rep };
      given([drafted])
        .when({ type: 'AddQuoteLine', data: { ...line, product: { ...car, active: false } } })
        .thenThrows('ProductInactive');
      given([drafted])
        .when({
          type: 'AddQuoteLine',
          data: { ...line, product: { ...car, listPriceMinor: undefined } },
        })
        .thenThrows('NoListPrice');
      given([drafted])
        .when({ type: 'AddQuoteLine', data: { ...line, quantity: 0, product: car } })
        .thenThrows('InvalidQuantity');
      given([drafted])
        .when({ type: 'AddQuoteLine', data: { ...line, quantity: 1.5, product: car } })
        .thenThrows('InvalidQuantity');
      given([drafted, lineAdded])
        .when({ type: 'AddQuoteLine', data: { ...line, product: car } })
        .thenThrows('DuplicateQuoteLine');
    });

    it('changes and removes lines', () => {
      given([drafted, lineAdded])
        .when({ type: 'ChangeQuoteLine', data: { lineId: 'l1', quantity: 3, actorRoles: rep } })
        .then([
          {
            type: 'QuoteLineChanged',
            data: { quoteId: 'q1', lineId: 'l1', quantity: 3, discountBps: 500 },
          },
        ]);
      given([drafted, lineAdded])
        .when({ type: 'RemoveQuoteLine', data: { lineId: 'l1' } })
        .thenState((s) => expect(s.lines).toEqual([]));
      given([drafted])
        .when({ type: 'RemoveQuoteLine', data: { lineId: 'l1' } })
        .thenThrows('QuoteLineNotFound');
    });
  });

  describe('discount limits per role', () => {
    it('a rep may give up to 10 % per line and overall', () => {
      given([drafted])
        .when({
          type: 'AddQuoteLine',
          data: {
            lineId: 'l1',
            product: car,
            optionIds: [],
            quantity: 1,
            discountBps: 1000,
            actorRoles: rep,
          },
        })
        .thenState((s) => expect(s.lines[0].discountBps).toBe(1000));
      given(twoLines)
        .when({ type: 'SetQuoteDiscount', data: { discountBps: 1000, actorRoles: rep } })
        .then([{ type: 'QuoteDiscountSet', data: { quoteId: 'q1', discountBps: 1000 } }]);
    });

    it('above the limit is forbidden, and the problem says the limit', () => {
      given([drafted])
        .when({
          type: 'AddQuoteLine',
          data: {
            lineId: 'l1',
            product: car,
            optionIds: [],
            quantity: 1,
            discountBps: 1001,
            actorRoles: rep,
          },
        })
        .thenThrows(
          (e: any) =>
            e.code === 'DiscountAboveRoleLimit' &&
            e.kind === 'forbidden' &&
            e.details.limitBps === 1000,
        );
      given(twoLines)
        .when({ type: 'SetQuoteDiscount', data: { discountBps: 1500, actorRoles: rep } })
        .thenThrows('DiscountAboveRoleLimit');
      given(twoLines)
        .when({
          type: 'ChangeQuoteLine',
          data: { lineId: 'l1', discountBps: 1200, actorRoles: rep },
        })
        .thenThrows('DiscountAboveRoleLimit');
    });

    it('a manager may give 25 %, the most generous role counts, other roles none', () => {
      given(twoLines)
        .when({ type: 'SetQuoteDiscount', data: { discountBps: 2500, actorRoles: manager } })
        .then([{ type: 'QuoteDiscountSet', data: { quoteId: 'q1', discountBps: 2500 } }]);
      given(twoLines)
        .when({
          type: 'SetQuoteDiscount',
          data: { discountBps: 2500, actorRoles: ['sales-rep', 'sales-manager'] },
        })
        .then([{ type: 'QuoteDiscountSet', data: { quoteId: 'q1', discountBps: 2500 } }]);
      given(twoLines)
        .when({ type: 'SetQuoteDiscount', data: { discountBps: 2501, actorRoles: manager } })
        .thenThrows('DiscountAboveRoleLimit');
      given(twoLines)
        .when({ type: 'SetQuoteDiscount', data: { discountBps: 1, actorRoles: ['marketer'] } })
        .thenThrows('DiscountAboveRoleLimit');
    });

    it('a rep may lower a discount a manager gave', () => {
      const managerDiscount: QuoteEvent = {
        type: 'QuoteDiscountSet',
        data: { quoteId: 'q1', discountBps: 2000 },
      };
      given([...twoLines, managerDiscount])
        .when({ type: 'SetQuoteDiscount', data: { discountBps: 1500, actorRoles: rep } })
        .then([{ type: 'QuoteDiscountSet', data: { quoteId: 'q1', discountBps: 1500 } }]);
    });
  });

  describe('totals', () => {
    it('line discounts, overall discount and tax, to the cent', () => {
      given(twoLines)
        .when({ type: 'SetQuoteDiscount', data: { discountBps: 250, actorRoles: rep } })
        .thenState((s) => expect(quoteTotals(s)).toEqual(expectedTotals));
    });

    it('rounds each step half up, never accumulating float error', () => {
      // 3 x 0.33 with 33.33 % off, then 7.7 % tax
      const totals = computeTotals(
        [{ lineId: 'a', quantity: 3, unitPriceMinor: 33, discountBps: 3333 }],
        0,
        770,
      );
      expect(totals).toEqual({
        lines: [{ lineId: 'a', grossMinor: 99, discountMinor: 33, netMinor: 66 }],
        subtotalMinor: 66,
        discountMinor: 0,
        taxMinor: 5,
        totalMinor: 71,
      });
    });

    it('an empty quote totals zero', () => {
      expect(computeTotals([], 1000, 1900)).toEqual({
        lines: [],
        subtotalMinor: 0,
        discountMinor: 0,
        taxMinor: 0,
        totalMinor: 0,
      });
    });
  });

  describe('state machine and validity', () => {
    it('sends a quote with lines, carrying its totals', () => {
      given(withDiscount).when({ type: 'SendQuote', data: { at } }).then([sent]);
      given([drafted]).when({ type: 'SendQuote', data: { at } }).thenThrows('QuoteEmpty');
    });

    it('a sent quote can no longer be edited', () => {
      given([...withDiscount, sent])
        .when({ type: 'SetQuoteDiscount', data: { discountBps: 0, actorRoles: rep } })
        .thenThrows('QuoteNotEditable');
      given([...withDiscount, sent])
        .when({ type: 'RemoveQuoteLine', data: { lineId: 'l1' } })
        .thenThrows('QuoteNotEditable');
    });

    it('accepting names the order, carries the lines and totals', () => {
      given([...withDiscount, sent])
        .when({ type: 'AcceptQuote', data: { orderId: 'ord1', at: '2026-12-01T23:59:59Z' } })
        .then([
          {
            type: 'QuoteAccepted',
            data: {
              quoteId: 'q1',
              opportunityId: 'o1',
              orderId: 'ord1',
              contactId: 'c1',
              currency: 'EUR',
              taxRateBps: 1900,
              discountBps: 250,
              lines: [redAuto, baseCar],
              totals: expectedTotals,
              at: '2026-12-01T23:59:59Z',
            },
          },
        ]);
    });

    it('accepting again with the same order is a no-op; a different one is a conflict', () => {
      const accepted: QuoteEvent = {
        type: 'QuoteAccepted',
        data: {
          quoteId: 'q1',
          opportunityId: 'o1',
          orderId: 'ord1',
          currency: 'EUR',
          taxRateBps: 1900,
          discountBps: 250,
          lines: [],
          totals: expectedTotals,
          at,
        },
      };
      given([...withDiscount, sent, accepted])
        .when({ type: 'AcceptQuote', data: { orderId: 'ord1', at } })
        .thenNothingHappened();
      given([...withDiscount, sent, accepted])
        .when({ type: 'AcceptQuote', data: { orderId: 'ord2', at } })
        .thenThrows('InvalidQuoteTransition');
    });

    it('an expired quote cannot be accepted (the day after validUntil)', () => {
      given([...withDiscount, sent])
        .when({ type: 'AcceptQuote', data: { orderId: 'ord1', at: '2026-12-02T00:00:00Z' } })
        .thenThrows((e: any) => e.code === 'QuoteExpired' && e.details.validUntil === '2026-12-01');
    });

    it('a draft cannot be accepted; a sent quote can be rejected', () => {
      given(withDiscount)
        .when({ type: 'AcceptQuote', data: { orderId: 'ord1', at } })
        .thenThrows('InvalidQuoteTransition');
      given([...withDiscount, sent])
        .when({ type: 'RejectQuote', data: { reason: 'too expensive', at } })
        .then([{ type: 'QuoteRejected', data: { quoteId: 'q1', reason: 'too expensive', at } }]);
    });

    it('expires only after its validity date', () => {
      given([...withDiscount, sent])
        .when({ type: 'ExpireQuote', data: { at: '2026-12-01T12:00:00Z' } })
        .thenThrows('QuoteStillValid');
      given([...withDiscount, sent])
        .when({ type: 'ExpireQuote', data: { at: '2026-12-02T00:00:00Z' } })
        .then([
          {
            type: 'QuoteExpired',
            data: { quoteId: 'q1', validUntil: '2026-12-01', at: '2026-12-02T00:00:00Z' },
          },
        ]);
    });

    it('cannot send a quote whose validity has passed', () => {
      given(withDiscount)
        .when({ type: 'SendQuote', data: { at: '2026-12-05T00:00:00Z' } })
        .thenThrows('QuoteExpired');
    });
  });
});
