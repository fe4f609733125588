/**
 * The service KPIs' charts: cases per group and measure over the window, or cases opened per
 * period stacked by group, every period of the window on the axis (a quiet month shows as an
 * empty slot, not as a missing one). Counts get whole-number ticks.
 */
import { barChart, type ChartSpec } from '@crm/charts';
import type { Interval } from './service-kpis.dto';
import type { ServiceKpiRow } from './service-kpis.queries';

const MEASURES = ['Opened', 'Resolved', 'SLA breached', 'Reopened'] as const;

export function serviceKpisChart(
  rows: readonly ServiceKpiRow[],
  o: { from: string; to: string; interval: Interval; groupBy: string; groupTitle: string },
): ChartSpec {
  const subtitle = `cases opened ${o.from} to ${o.to}`;
  if (o.interval === 'all') {
    return wholeTicks(
      barChart(rows.flatMap(measuresOf), {
        title: { text: `Service cases by ${o.groupBy}`, subtitle },
        category: { field: 'group', title: o.groupTitle },
        value: { field: 'cases', title: 'Cases', unit: 'count', format: 'integer' },
        series: { field: 'measure', title: 'Cases', order: [...MEASURES] },
      }),
    );
  }
  const periods = periodStarts(o.from, o.to, o.interval);
  const label = rows[0]?.label ?? '';
  const filled = [
    ...rows.map((r) => ({ period: r.period, group: r.label, opened: r.opened })),
    ...periods
      .filter((p) => !rows.some((r) => r.period === p))
      .map((period) => ({ period, group: label, opened: 0 })),
  ];
  return wholeTicks(
    barChart(filled, {
      title: { text: `Service cases opened per ${o.interval} by ${o.groupBy}`, subtitle },
      category: { field: 'period', title: `${o.interval} starting (UTC)`, order: periods },
      value: { field: 'opened', title: 'Cases opened', unit: 'count', format: 'integer' },
      series: { field: 'group', title: o.groupTitle },
      arrangement: 'stacked',
    }),
  );
}

function measuresOf(row: ServiceKpiRow) {
  const cases = [row.opened, row.resolved, row.breachedCases, row.reopened];
  return MEASURES.map((measure, i) => ({ group: row.label, measure, cases: cases[i] }));
}

/** First UTC day of every week (Monday), month or quarter that overlaps [from, to]. */
export function periodStarts(from: string, to: string, interval: Exclude<Interval, 'all'>) {
  const d = new Date(`${from}T00:00:00Z`);
  if (interval === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  else {
    d.setUTCDate(1);
    if (interval === 'quarter') d.setUTCMonth(d.getUTCMonth() - (d.getUTCMonth() % 3));
  }
  const starts: string[] = [];
  while (d.toISOString().slice(0, 10) <= to) {
    starts.push(d.toISOString().slice(0, 10));
    if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + (interval === 'month' ? 1 : 3));
  }
  return starts;
}

/** Counts of a few cases: no 0.5 ticks printed as "1" next to "1". */
function wholeTicks(spec: ChartSpec): ChartSpec {
  const y = (spec as { encoding?: { y?: { axis?: object } } }).encoding?.y;
  // Vega-Lite drops an explicit tickMinStep here, so the tick count is capped by the domain's span.
  if (y)
    y.axis = {
      ...y.axis,
      tickCount: { signal: `min(ceil(height/40), max(1, span(domain('y'))))` },
    };
  return spec;
}
