import { funnelSteps, stageOrder, type LeadJourney } from './funnel-steps';

const deal = (status: string, ...stages: [string, string][]) => ({
  status,
  stages: stages.map(([stageId, firstEnteredAt]) => ({ stageId, firstEnteredAt })),
});

describe('funnelSteps', () => {
  const journeys: LeadJourney[] = [
    {
      group: 'web',
      qualified: true,
      converted: true,
      deal: deal('won', ['qualify', '2026-01-02'], ['propose', '2026-01-05']),
    },
    {
      group: 'web',
      qualified: true,
      converted: true,
      deal: deal('open', ['qualify', '2026-01-03']),
    },
    { group: 'web', qualified: true, converted: false },
    { group: 'web', qualified: false, converted: false },
    { group: null, qualified: false, converted: false },
  ];

  it('orders stages by how many deals entered them, then by the first entry', () => {
    expect(stageOrder(journeys)).toEqual(['qualify', 'propose']);
    expect(
      stageOrder([
        {
          group: null,
          qualified: true,
          converted: true,
          deal: deal('open', ['b', '2026-01-02'], ['a', '2026-01-03']),
        },
      ]),
    ).toEqual(['b', 'a']);
  });

  it('counts each step per group with the share of the previous step and of the leads', () => {
    const web = funnelSteps(journeys, { grouped: true }).filter((s) => s.group === 'web');
    expect(web.map((s) => [s.step, s.count])).toEqual([
      ['Leads', 4],
      ['Qualified', 3],
      ['Converted', 2],
      ['Stage qualify', 2],
      ['Stage propose', 1],
      ['Won', 1],
    ]);
    // 3/4, 2/3, 2/2, 1/2, 1/1
    expect(web.map((s) => s.conversionFromPrevious)).toEqual([null, 0.75, 2 / 3, 1, 0.5, 1]);
    expect(web[5].conversionFromLeads).toBe(0.25);
  });

  it('puts the leads without a group last and never divides by an empty step', () => {
    const steps = funnelSteps(journeys, { grouped: true });
    expect(steps[steps.length - 1].group).toBeNull();
    const none = steps.filter((s) => s.group === null);
    expect(none.map((s) => s.count)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(none[2].conversionFromPrevious).toBeNull();
  });

  it('answers one funnel of zeros for an empty cohort unless grouped', () => {
    expect(funnelSteps([]).map((s) => [s.step, s.count, s.conversionFromPrevious])).toEqual([
      ['Leads', 0, null],
      ['Qualified', 0, null],
      ['Converted', 0, null],
      ['Won', 0, null],
    ]);
    expect(funnelSteps([], { grouped: true })).toEqual([]);
  });
});
