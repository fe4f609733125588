import { attribute, returnOnInvestment, type Touch } from './attribution-rule';

const placedAt = new Date('2030-06-15T12:00:00Z');
const hoursBefore = (h: number) => new Date(placedAt.getTime() - h * 3_600_000);
const touch = (over: Partial<Touch> & Pick<Touch, 'kind' | 'at'>): Touch => ({
  messageId: 'm1',
  campaignId: 'c1',
  variantId: 'a',
  human: true,
  ...over,
});

describe('attribution rule', () => {
  it('credits the last click within 7 days, over a newer open', () => {
    const credit = attribute(
      [
        touch({ messageId: 'old-click', kind: 'click', at: hoursBefore(6 * 24) }),
        touch({ messageId: 'new-click', campaignId: 'c2', kind: 'click', at: hoursBefore(48) }),
        touch({ messageId: 'open', kind: 'open', at: hoursBefore(1) }),
      ],
      placedAt,
    );
    expect(credit).toEqual({
      rule: 'last-click',
      touch: expect.objectContaining({ messageId: 'new-click', campaignId: 'c2' }),
    });
  });

  it('falls back to the last open within 1 day when no click qualifies', () => {
    const credit = attribute(
      [
        touch({ messageId: 'stale-click', kind: 'click', at: hoursBefore(7 * 24 + 1) }),
        touch({ messageId: 'open', kind: 'open', at: hoursBefore(23) }),
      ],
      placedAt,
    );
    expect(credit).toEqual({
      rule: 'last-open',
      touch: expect.objectContaining({ messageId: 'open' }),
    });
  });

  it('credits nothing outside the windows, after the order, or for machine traffic', () => {
    expect(attribute([touch({ kind: 'open', at: hoursBefore(25) })], placedAt)).toBeUndefined();
    expect(attribute([touch({ kind: 'click', at: hoursBefore(-1) })], placedAt)).toBeUndefined();
    expect(
      attribute([touch({ kind: 'click', at: hoursBefore(1), human: false })], placedAt),
    ).toBeUndefined();
    expect(attribute([], placedAt)).toBeUndefined();
  });

  it('keeps the window edges inclusive and the answer independent of input order', () => {
    const edge = touch({ messageId: 'edge', kind: 'click', at: hoursBefore(7 * 24) });
    expect(attribute([edge], placedAt)?.touch.messageId).toBe('edge');
    const tieA = touch({ messageId: 'b', kind: 'click', at: hoursBefore(2) });
    const tieB = touch({ messageId: 'a', kind: 'click', at: hoursBefore(2) });
    expect(attribute([tieA, tieB], placedAt)?.touch.messageId).toBe('a');
    expect(attribute([tieB, tieA], placedAt)?.touch.messageId).toBe('a');
  });

  it('honours tenant windows', () => {
    const open = touch({ kind: 'open', at: hoursBefore(40) });
    expect(attribute([open], placedAt)).toBeUndefined();
    expect(attribute([open], placedAt, { clickWindowDays: 7, openWindowDays: 2 })?.rule).toBe(
      'last-open',
    );
  });

  it('computes ROI as (revenue - cost) / cost, and none for a free campaign', () => {
    expect(returnOnInvestment(150_00, 50_00)).toBe(2);
    expect(returnOnInvestment(25_00, 50_00)).toBe(-0.5);
    expect(returnOnInvestment(10_00, 0)).toBeNull();
  });
});
