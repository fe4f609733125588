/**
 * A campaign's stats from its state, the per-variant counts and the orders attribution credited
 * (attribution/), pure. The A/B decision is decideAbTest on the chosen metric, each variant's
 * messages sent as the trials. With no message sent yet the answer says exactly that, with zero
 * counts and no rates. Revenue is kept per currency; ROI is computed in the cost's currency only.
 */
import { returnOnInvestment } from '../attribution/attribution-rule';
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

/** Orders credited to one variant in one currency (campaign_conversions). */
export interface VariantConversionsRow {
  readonly variantId: string;
  readonly currency: string;
  readonly conversions: number;
  readonly revenueMinor: number;
}

const ZERO = { sent: 0, delivered: 0, opened: 0, clicked: 0, converted: 0 };

export const ATTRIBUTION_RULE_TEXT =
  "an order is credited to the buyer's last campaign click within the click window (default 7 days), else the last open within the open window (default 1 day); machine traffic never counts; a cancelled or returned order is taken back";

export function campaignStats(
  state: CampaignState,
  counts: readonly VariantCountsRow[],
  conversions: readonly VariantConversionsRow[] = [],
): CampaignStatsDto {
  const definition = state.definition!;
  const metric = definition.abTest?.metric ?? 'clicked';
  const variants: VariantStatsDto[] = definition.variants.map((v) => {
    const counted = counts.find((row) => row.variantId === v.id) ?? ZERO;
    const credited = conversions.filter((row) => row.variantId === v.id);
    const c = { ...counted, converted: sum(credited.map((row) => row.conversions)) };
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
      revenue: revenueByCurrency(credited),
      rate: c.sent > 0 ? c[metric] / c.sent : null,
    };
  });
  const cost = definition.cost ?? null;
  const revenue = revenueByCurrency(conversions);
  const revenueInCostCurrency = cost
    ? (revenue.find((r) => r.currency === cost.currency)?.amountMinor ?? 0)
    : 0;
  const sent = variants.reduce((sum, v) => sum + v.sent, 0);
  return {
    campaignId: state.campaignId,
    status: state.status,
    sent,
    note:
      sent === 0 ? 'no sends yet' : `${sent} messages sent; rates are ${metric} per message sent`,
    variants,
    abTest: abTestStats(state, variants, sent),
    conversions: {
      orders: sum(conversions.map((row) => row.conversions)),
      revenue,
      cost,
      roi: cost ? returnOnInvestment(revenueInCostCurrency, cost.amountMinor) : null,
      rule: ATTRIBUTION_RULE_TEXT,
    },
  };
}

const sum = (values: readonly number[]) => values.reduce((total, v) => total + v, 0);

function revenueByCurrency(
  rows: readonly VariantConversionsRow[],
): { currency: string; amountMinor: number }[] {
  const byCurrency = new Map<string, number>();
  for (const row of rows)
    if (row.currency)
      byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0) + row.revenueMinor);
  return [...byCurrency]
    .filter(([, amountMinor]) => amountMinor !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amountMinor]) => ({ currency, amountMinor }));
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
