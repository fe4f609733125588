/**
 * One small chart of each kind with data shaped like the analytics reports': what the examples
 * script draws into examples/ and what the rendering specs look at.
 */
import { barChart } from './bar-chart';
import type { ChartSpec } from './chart-frame';
import { forecastChart } from './forecast-chart';
import { funnelChart } from './funnel-chart';
import { heatmapChart } from './heatmap-chart';
import { histogramChart } from './histogram-chart';
import { lineChart } from './line-chart';
import { scatterChart } from './scatter-chart';

const MONTHS = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01'];

export const revenueByRegion = [
  { region: 'North', channel: 'Web', revenue: 182_400 },
  { region: 'North', channel: 'Store', revenue: 95_120 },
  { region: 'South', channel: 'Web', revenue: 141_050 },
  { region: 'South', channel: 'Store', revenue: 133_900 },
  { region: 'East & Islands', channel: 'Web', revenue: 64_300 },
  { region: 'East & Islands', channel: 'Store', revenue: 88_760 },
  { region: 'West', channel: 'Web', revenue: 120_000 },
  { region: 'West', channel: 'Store', revenue: 40_500 },
];

export const monthlyOrders = MONTHS.flatMap((month, i) => [
  { month, plan: 'Basic', orders: 120 + i * 14 },
  { month, plan: 'Pro', orders: 80 + ((i * 37) % 50) },
  { month, plan: 'Enterprise', orders: 20 + i * 3 },
]);

interface ForecastRow {
  readonly month: string;
  readonly actual: number | null;
  readonly forecast: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export const demandForecast: ForecastRow[] = [
  ...MONTHS.map((month, i) => ({
    month,
    actual: 1000 + i * 60 + (i % 2) * 45,
    forecast: null,
    lower: null,
    upper: null,
  })),
  ...['2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'].map(
    (month, i) => ({
      month,
      actual: null,
      forecast: 1390 + i * 55,
      lower: 1390 + i * 55 - 60 - i * 25,
      upper: 1390 + i * 55 + 60 + i * 25,
    }),
  ),
];
// The forecast starts where the actuals end, so the two lines join.
demandForecast[5] = {
  ...demandForecast[5],
  forecast: demandForecast[5].actual,
  lower: demandForecast[5].actual,
  upper: demandForecast[5].actual,
};

export const salesFunnel = [
  { stage: 'Leads', contacts: 4_820 },
  { stage: 'Qualified', contacts: 2_113 },
  { stage: 'Proposal sent', contacts: 904 },
  { stage: 'Negotiation', contacts: 412 },
  { stage: 'Won', contacts: 187 },
];

const SEGMENTS = ['Champions', 'Loyal', 'Potential', 'At risk', 'Hibernating'];
export const rfmMovement = SEGMENTS.flatMap((from, i) =>
  SEGMENTS.map((to, j) => ({
    from,
    to,
    customers:
      i === j ? 300 - i * 40 : Math.max(0, 60 - Math.abs(i - j) * 18 + ((i * 7 + j * 3) % 11)),
  })),
);

export const calibration = Array.from({ length: 10 }, (_, decile) => {
  const expected = 0.4 + decile * 0.55;
  return {
    decile: `Decile ${decile + 1}`,
    expected: Math.round(expected * 100) / 100,
    actual: Math.round(expected * (0.85 + ((decile * 13) % 7) / 20) * 100) / 100,
  };
});

/** A deterministic, roughly right-skewed spread of order values. */
export const orderValues = Array.from({ length: 400 }, (_, i) => {
  const u = ((i * 7919) % 400) / 400 + 0.00125;
  return { orderValue: Math.round(-Math.log(u) * 85 * 100) / 100 + 5 };
});

export const SAMPLE_CHARTS: Readonly<Record<string, ChartSpec>> = {
  'bar-grouped': barChart(revenueByRegion, {
    title: { text: 'Revenue by region and channel', subtitle: 'H1 2026' },
    category: { field: 'region', title: 'Region' },
    value: { field: 'revenue', title: 'Revenue', unit: 'EUR', format: 'money' },
    series: { field: 'channel', title: 'Channel' },
  }),
  'bar-stacked-horizontal': barChart(revenueByRegion, {
    title: 'Revenue by region, stacked by channel',
    category: { field: 'region', title: 'Region' },
    value: { field: 'revenue', title: 'Revenue', unit: 'EUR', format: 'money' },
    series: { field: 'channel', title: 'Channel' },
    orientation: 'horizontal',
    arrangement: 'stacked',
    height: 200,
  }),
  line: lineChart(monthlyOrders, {
    title: 'Orders per month by plan',
    time: { field: 'month', title: 'Month', step: 'month' },
    value: { field: 'orders', title: 'Orders', unit: 'count', format: 'integer' },
    series: { field: 'plan', title: 'Plan' },
  }),
  forecast: forecastChart(demandForecast, {
    title: { text: 'Demand forecast', subtitle: 'Holt-Winters, additive; 95% prediction interval' },
    time: { field: 'month', title: 'Month', step: 'month' },
    measure: { title: 'Units sold', unit: 'units', format: 'integer' },
    actual: 'actual',
    forecast: 'forecast',
    interval: { lower: 'lower', upper: 'upper', level: 0.95 },
  }),
  funnel: funnelChart(salesFunnel, {
    title: { text: 'Sales funnel', subtitle: 'Contacts reaching each stage, Q2 2026' },
    stage: { field: 'stage', title: 'Stage' },
    value: { field: 'contacts', title: 'Contacts', unit: 'count', format: 'integer' },
    height: 240,
  }),
  heatmap: heatmapChart(rfmMovement, {
    title: { text: 'RFM segment movement', subtitle: '1 Jan 2026 -> 1 Jul 2026' },
    x: { field: 'to', title: 'Segment on 1 Jul 2026', order: SEGMENTS },
    y: { field: 'from', title: 'Segment on 1 Jan 2026', order: SEGMENTS },
    value: { field: 'customers', title: 'Customers', unit: 'count', format: 'integer' },
    width: 480,
    height: 300,
  }),
  scatter: scatterChart(calibration, {
    title: {
      text: 'Purchase model calibration',
      subtitle: 'Holdout period, customers grouped by decile',
    },
    x: { field: 'expected', title: 'Expected purchases', unit: 'per customer', format: 'decimal' },
    y: { field: 'actual', title: 'Actual purchases', unit: 'per customer', format: 'decimal' },
    label: { field: 'decile', title: 'Decile' },
    identityLine: 'perfect calibration (y = x)',
    width: 420,
    height: 420,
  }),
  histogram: histogramChart(orderValues, {
    title: 'Order value distribution',
    value: { field: 'orderValue', title: 'Order value', unit: 'EUR', format: 'money' },
    countTitle: 'Orders',
  }),
};
