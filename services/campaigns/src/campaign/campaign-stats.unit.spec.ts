import { fold } from '@crm/event-sourcing';
import { campaignDecider } from './campaign.decider';
import type { CampaignDefinition, CampaignEvent } from './campaign.events';
import { campaignStats } from './campaign-stats';

const definition: CampaignDefinition = {
  name: 'A/B',
  kind: { type: 'broadcast' },
  channel: 'email',
  audience: { segmentId: 's' },
  variants: [
    { id: 'A', templateId: 't1', templateVersion: 1, sharePercent: 50 },
    { id: 'B', templateId: 't2', templateVersion: 1, sharePercent: 50 },
  ],
  abTest: {
    testSharePercent: 20,
    metric: 'clicked',
    significance: 0.05,
    minimumSamplePerVariant: 100,
  },
  sender: { name: 'x', email: 'x@x.example' },
};
const created: CampaignEvent = { type: 'CampaignCreated', data: { campaignId: 'c1', definition } };
const counts = (a: [number, number], b: [number, number]) => [
  { variantId: 'A', sent: a[0], delivered: a[0], opened: a[0], clicked: a[1], converted: 0 },
  { variantId: 'B', sent: b[0], delivered: b[0], opened: b[0], clicked: b[1], converted: 0 },
];

describe('campaign stats', () => {
  it('says "no sends yet" with zero counts and no rates', () => {
    const stats = campaignStats(fold(campaignDecider, [created]), []);
    expect(stats).toMatchObject({
      sent: 0,
      note: 'no sends yet',
      abTest: { outcome: 'not-enough-data', summary: 'no sends yet' },
    });
    expect(stats.variants.map((v) => v.rate)).toEqual([null, null]);
  });

  it('names the winner on the plan metric, per message sent', () => {
    const stats = campaignStats(fold(campaignDecider, [created]), counts([1000, 100], [1000, 150]));
    expect(stats.variants.map((v) => v.rate)).toEqual([0.1, 0.15]);
    expect(stats.abTest).toMatchObject({ outcome: 'winner', best: 'B' });
    expect(stats.abTest?.summary).toMatch(/^B wins on clicked \(p = /);
  });

  it('says there is no winner when the difference is not significant, and waits below the minimum sample', () => {
    // R: prop.test(c(45, 65), c(100, 120), correct = FALSE) gives p = 0.1757.
    const none = campaignStats(fold(campaignDecider, [created]), counts([100, 45], [120, 65]));
    expect(none.abTest).toMatchObject({ outcome: 'no-significant-difference', best: 'B' });
    expect(none.abTest?.comparisons?.[0]).toMatchObject({ against: 'A' });
    expect((none.abTest?.comparisons?.[0] as { pValue: number }).pValue).toBeCloseTo(0.1757, 4);
    expect(none.abTest?.summary).toMatch(/no winner/);
    const early = campaignStats(fold(campaignDecider, [created]), counts([99, 45], [120, 65]));
    expect(early.abTest).toMatchObject({ outcome: 'not-enough-data', waitingFor: ['A'] });
  });

  it('counts attributed orders per variant, revenue per currency, ROI in the cost currency', () => {
    const withCost = fold(campaignDecider, [
      {
        type: 'CampaignCreated',
        data: {
          campaignId: 'c1',
          definition: { ...definition, cost: { amountMinor: 200_00, currency: 'EUR' } },
        },
      },
    ]);
    const stats = campaignStats(withCost, counts([1000, 100], [1000, 150]), [
      { variantId: 'A', currency: 'EUR', conversions: 2, revenueMinor: 300_00 },
      { variantId: 'B', currency: 'EUR', conversions: 1, revenueMinor: 100_00 },
      { variantId: 'B', currency: 'USD', conversions: 1, revenueMinor: 50_00 },
      // A reversal took everything back from this variant in CHF: no zero row is shown.
      { variantId: 'B', currency: 'CHF', conversions: 0, revenueMinor: 0 },
    ]);
    expect(stats.variants.map((v) => [v.variant, v.converted, v.revenue])).toEqual([
      ['A', 2, [{ currency: 'EUR', amountMinor: 300_00 }]],
      [
        'B',
        2,
        [
          { currency: 'EUR', amountMinor: 100_00 },
          { currency: 'USD', amountMinor: 50_00 },
        ],
      ],
    ]);
    expect(stats.conversions).toMatchObject({
      orders: 4,
      revenue: [
        { currency: 'EUR', amountMinor: 400_00 },
        { currency: 'USD', amountMinor: 50_00 },
      ],
      cost: { amountMinor: 200_00, currency: 'EUR' },
      roi: 1, // (400 - 200) / 200, the USD order is not converted
    });
    expect(campaignStats(fold(campaignDecider, [created]), []).conversions).toMatchObject({
      orders: 0,
      revenue: [],
      cost: null,
      roi: null,
    });
  });
});
