/**
 * The funnel of a cohort of leads, step by step: leads -> qualified -> converted -> each deal
 * stage reached -> won, with each step's share of the step before and of the leads. Pure: the
 * rows come from funnel.queries.ts.
 */

/** What one lead of the cohort reached. */
export interface LeadJourney {
  /** The groupBy value (source, owner or pipeline); null when the lead has none. */
  readonly group: string | null;
  readonly qualified: boolean;
  readonly converted: boolean;
  /** The deal it converted into: its open stages entered (with the first entry) and status. */
  readonly deal?: {
    readonly status: string;
    readonly stages: readonly { readonly stageId: string; readonly firstEnteredAt: string }[];
  };
}

export interface FunnelStep {
  readonly group: string | null;
  readonly position: number;
  readonly step: string;
  readonly count: number;
  /** count / the previous step's count; null for the first step or after an empty one. */
  readonly conversionFromPrevious: number | null;
  /** count / the leads of the group; null when there are none. */
  readonly conversionFromLeads: number | null;
}

/**
 * Stages in the order deals go through them: most deals first (every deal enters the first
 * stage, fewer reach the later ones), ties by the earliest entry. The tables hold no pipeline
 * layout, so this is the order the deals themselves show.
 */
export function stageOrder(journeys: readonly LeadJourney[]): string[] {
  const seen = new Map<string, { deals: number; first: string }>();
  for (const { deal } of journeys)
    for (const { stageId, firstEnteredAt } of deal?.stages ?? []) {
      const s = seen.get(stageId);
      if (!s) seen.set(stageId, { deals: 1, first: firstEnteredAt });
      else {
        s.deals += 1;
        if (firstEnteredAt < s.first) s.first = firstEnteredAt;
      }
    }
  return [...seen.entries()]
    .sort(
      ([a, x], [b, y]) => y.deals - x.deals || x.first.localeCompare(y.first) || a.localeCompare(b),
    )
    .map(([stageId]) => stageId);
}

const ratio = (n: number, d: number | undefined) => (d ? n / d : null);

/**
 * The steps of every group (groups sorted, null last), stages in one order for all groups.
 * Ungrouped, an empty cohort still answers its one funnel of zeros.
 */
export function funnelSteps(
  journeys: readonly LeadJourney[],
  options: { grouped: boolean } = { grouped: false },
): FunnelStep[] {
  const stages = stageOrder(journeys);
  const groups = new Map<string | null, LeadJourney[]>(options.grouped ? [] : [[null, []]]);
  for (const j of journeys) groups.set(j.group, [...(groups.get(j.group) ?? []), j]);
  const keys = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  return keys.flatMap((group) => {
    const of = groups.get(group)!;
    const counts: [string, number][] = [
      ['Leads', of.length],
      ['Qualified', of.filter((j) => j.qualified).length],
      ['Converted', of.filter((j) => j.converted).length],
      ...stages.map((stageId): [string, number] => [
        `Stage ${stageId}`,
        of.filter((j) => j.deal?.stages.some((s) => s.stageId === stageId)).length,
      ]),
      ['Won', of.filter((j) => j.deal?.status === 'won').length],
    ];
    return counts.map(([step, count], position) => ({
      group,
      position,
      step,
      count,
      conversionFromPrevious: position === 0 ? null : ratio(count, counts[position - 1][1]),
      conversionFromLeads: ratio(count, counts[0][1]),
    }));
  });
}
