/** Time series: one line per series over UTC dates. */
import {
  axisFormat,
  exactFormat,
  timeFormatOf,
  titleWithUnit,
  type CategoryField,
  type QuantityField,
  type TimeField,
  type TimeStep,
} from './chart-fields';
import {
  categoryOrder,
  chartFrame,
  type ChartFrame,
  type ChartSpec,
  vegaLite,
} from './chart-frame';

export interface LineChartOptions<R> extends ChartFrame {
  readonly time: TimeField<R>;
  readonly value: QuantityField<R>;
  /** One line per value of this field, told apart by colour. */
  readonly series?: CategoryField<R>;
}

const TOOLTIP_TIME_UNIT: Readonly<Record<TimeStep, string>> = {
  day: 'utcyearmonthdate',
  week: 'utcyearmonthdate',
  month: 'utcyearmonth',
  quarter: 'utcyearquarter',
  year: 'utcyear',
};

const MAX_POINTS = 60;

/** Ticks on the steps themselves (not mid-month weeks); days and weeks let the scale choose. */
const TICK_INTERVAL: Readonly<Partial<Record<TimeStep, { interval: string; step: number }>>> = {
  month: { interval: 'month', step: 1 },
  quarter: { interval: 'month', step: 3 },
  year: { interval: 'year', step: 1 },
};

/** The x channel of every time chart: UTC scale, axis and tooltip formats by step. */
export function timeChannel<R>(time: TimeField<R>) {
  return {
    field: time.field,
    type: 'temporal',
    title: time.title,
    scale: { type: 'utc' },
    // A UTC scale formats its axis labels in UTC too.
    axis: {
      format: timeFormatOf(time.step),
      labelAngle: 0,
      ...(TICK_INTERVAL[time.step] ? { tickCount: TICK_INTERVAL[time.step] } : {}),
    },
  };
}

export function timeTooltip<R>(time: TimeField<R>) {
  return {
    field: time.field,
    type: 'temporal',
    title: time.title,
    // A UTC time unit makes Vega-Lite format the tooltip in UTC; a week shows its first day.
    timeUnit: TOOLTIP_TIME_UNIT[time.step],
    format: timeFormatOf(time.step),
  };
}

export function quantityTooltip<R>(value: QuantityField<R>) {
  return {
    field: value.field,
    type: 'quantitative',
    title: titleWithUnit(value),
    format: exactFormat(value.format),
  };
}

export function lineChart<R extends object>(
  rows: readonly R[],
  options: LineChartOptions<R>,
): ChartSpec {
  const { time, value, series } = options;
  return vegaLite({
    ...chartFrame(options, rows),
    // Points mark each value while they stay apart; on a long series they would blur the line.
    mark: { type: 'line', point: rows.length <= MAX_POINTS, strokeWidth: 2 },
    encoding: {
      x: timeChannel(time),
      y: {
        field: value.field,
        type: 'quantitative',
        title: titleWithUnit(value),
        axis: { format: axisFormat(value.format) },
      },
      ...(series
        ? {
            color: {
              field: series.field,
              type: 'nominal',
              title: series.title,
              sort: categoryOrder(rows, series.field, series.order),
            },
          }
        : {}),
      tooltip: [
        timeTooltip(time),
        ...(series ? [{ field: series.field, type: 'nominal', title: series.title }] : []),
        quantityTooltip(value),
      ],
    },
  });
}
