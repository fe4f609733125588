/**
 * Actuals and a forecast on one time axis: actuals a solid line, the forecast a dashed one, its
 * prediction interval a shaded band, each named in the legend so nobody reads a forecast as data.
 */
import {
  axisFormat,
  exactFormat,
  titleWithUnit,
  type FieldOf,
  type NumberFormat,
  type TimeField,
} from './chart-fields';
import {
  chartFrame,
  SERIES_COLOURS,
  type ChartFrame,
  type ChartSpec,
  vegaLite,
} from './chart-frame';
import { timeChannel, timeTooltip } from './chart-channels';

export interface ForecastChartOptions<R> extends ChartFrame {
  readonly time: TimeField<R>;
  /** What is measured: the y axis title, unit and format of both lines. */
  readonly measure: {
    readonly title: string;
    readonly unit?: string;
    readonly format?: NumberFormat;
  };
  /** The observed value; null/absent in rows of the future. */
  readonly actual: FieldOf<R>;
  /** The model's value; null/absent where there is no forecast. */
  readonly forecast: FieldOf<R>;
  /** The prediction interval around the forecast. */
  readonly interval: {
    readonly lower: FieldOf<R>;
    readonly upper: FieldOf<R>;
    /** The interval's coverage, e.g. 0.95; named in the legend. */
    readonly level: number;
  };
}

const ACTUAL = 'Actual';
const FORECAST = 'Forecast';

export function forecastChart<R extends object>(
  rows: readonly R[],
  options: ForecastChartOptions<R>,
): ChartSpec {
  const { time, measure, actual, forecast, interval } = options;
  const band = `${formatLevel(interval.level)} prediction interval`;
  const valueTitle = titleWithUnit(measure);
  const format = exactFormat(measure.format);
  const colour = {
    type: 'nominal',
    title: null,
    scale: {
      domain: [ACTUAL, FORECAST, band],
      range: [SERIES_COLOURS[0], SERIES_COLOURS[1], '#f9c898'],
    },
    legend: { orient: 'top', direction: 'horizontal', labelLimit: 260, columnPadding: 16 },
  };
  return vegaLite({
    ...chartFrame(options, rows),
    encoding: { x: timeChannel(time) },
    layer: [
      {
        transform: [
          {
            filter: `isValid(datum[${json(interval.lower)}]) && isValid(datum[${json(interval.upper)}])`,
          },
        ],
        mark: { type: 'area', opacity: 0.45 },
        encoding: {
          y: { field: interval.lower, type: 'quantitative', title: valueTitle },
          y2: { field: interval.upper },
          color: { ...colour, datum: band },
          tooltip: [
            timeTooltip(time),
            { field: interval.lower, type: 'quantitative', title: `${band}: low`, format },
            { field: interval.upper, type: 'quantitative', title: `${band}: high`, format },
          ],
        },
      },
      {
        transform: [
          { fold: [actual, forecast], as: ['__series_field', '__value'] },
          { filter: 'isValid(datum.__value)' },
          {
            calculate: `datum.__series_field === ${json(actual)} ? ${json(ACTUAL)} : ${json(FORECAST)}`,
            as: '__series',
          },
        ],
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          y: {
            field: '__value',
            type: 'quantitative',
            title: valueTitle,
            axis: { format: axisFormat(measure.format) },
          },
          color: { ...colour, field: '__series' },
          strokeDash: {
            field: '__series',
            type: 'nominal',
            scale: {
              domain: [ACTUAL, FORECAST],
              range: [
                [1, 0],
                [6, 4],
              ],
            },
            legend: null,
          },
          tooltip: [
            timeTooltip(time),
            { field: '__series', type: 'nominal', title: 'Series' },
            { field: '__value', type: 'quantitative', title: valueTitle, format },
          ],
        },
      },
    ],
  });
}

/** 0.95 -> "95%", 0.8 -> "80%", 0.975 -> "97.5%". */
function formatLevel(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}

/** A field name or label as a string literal inside a Vega expression. */
function json(text: string): string {
  return JSON.stringify(text);
}
