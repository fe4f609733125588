/**
 * A campaign's stats from its state and the per-variant counts, pure. The A/B decision is
 * decideAbTest on the chosen metric, each variant's messages sent as the trials. With no
 * message sent yet the answer says exactly that, with zero counts and no rates.
 */
import { decideAbTest } from './ab-test';
import type { CampaignState } from './campaign.decider';
import type { AbTestStatsDto, CampaignStatsDto, VariantStatsDto } from './campaign.dto';

export interface VariantCountsRow {
  readonly variantId: string;
  readonly sent: number;
  readonly delivered: number;
  readonly opened: number;
  readonly clicked: number;
  readonly converted: number;
}

const ZERO = { sent: 0, delivered: 0, opened: 0, clicked: 0, converted: 0 };

export function campaignStats(
  state: CampaignState,
  counts: readonly VariantCountsRow[],
): CampaignStatsDto {
  const definition = state.definition!;
  const metric = definition.abTest?.metric ?? 'clicked';
  const variants: VariantStatsDto[] = definition.variants.map((v) => {
    const c = counts.find((row) => row.variantId === v.id) ?? ZERO;
    return {
      variant: v.id,
      templateId: v.templateId,
      templateVersion: v.templateVersion,
      sharePercent: v.sharePercent,
      sent: c.sent,
      delivered: c.delivered,
      opened: c.opened,
      clicked: c.clicked,
      converted: c.converted,
      rate: c.sent > 0 ? c[metric] / c.sent : null,
    };
  });
  const sent = variants.reduce((sum, v) => sum + v.sent, 0);
  return {
    campaignId: state.campaignId,
    status: state.status,
    sent,
    note:
      sent === 0 ? 'no sends yet' : `${sent} messages sent; rates are ${metric} per message sent`,
    variants,
    abTest: abTestStats(state, variants, sent),
  };
}

function abTestStats(
  state: CampaignState,
  variants: readonly VariantStatsDto[],
  sent: number,
): AbTestStatsDto | null {
  const plan = state.definition!.abTest;
  if (!plan) return null;
  const settings = {
    metric: plan.metric,
    significance: plan.significance,
    minimumSamplePerVariant: plan.minimumSamplePerVariant,
  };
  const concluded = state.winner === undefined ? {} : { concludedWinner: state.winner };
  const decision = decideAbTest(
    variants.map((v) => ({ variant: v.variant, trials: v.sent, successes: v[plan.metric] })),
    plan,
  );
  if (decision.outcome === 'not-enough-data')
    return {
      ...settings,
      outcome: decision.outcome,
      summary:
        sent === 0
          ? 'no sends yet'
          : `not enough data: ${decision.waitingFor.join(', ')} below ${plan.minimumSamplePerVariant} messages`,
      waitingFor: [...decision.waitingFor],
      ...concluded,
    };
  const best = decision.comparisons.length === 1 ? decision.comparisons[0] : undefined;
  return {
    ...settings,
    outcome: decision.outcome,
    summary:
      decision.outcome === 'winner'
        ? `${decision.best} wins on ${plan.metric}${best ? ` (p = ${best.pValue.toPrecision(3)})` : ''}`
        : `no significant difference on ${plan.metric} at ${plan.significance}: no winner`,
    best: decision.best,
    comparisons: decision.comparisons.map((c) => ({ ...c })),
    perComparisonSignificance: decision.perComparisonSignificance,
    chiSquared: { ...decision.chiSquared },
    ...concluded,
  };
}
