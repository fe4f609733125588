/**
 * The encodings several charts share: a quantity on an axis, a series told apart by colour, the
 * UTC time axis, and the tooltip entries of each, so all charts read one way.
 */
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
import { categoryOrder } from './chart-frame';

/** A quantity on an axis: its title with unit and the axis number format. */
export function quantityChannel<R>(value: QuantityField<R>) {
  return {
    field: value.field,
    type: 'quantitative',
    title: titleWithUnit(value),
    axis: { format: axisFormat(value.format) },
  };
}

/** Colour by series, the legend in the series' order. */
export function seriesColour<R>(rows: readonly object[], series: CategoryField<R>) {
  return {
    field: series.field,
    type: 'nominal',
    title: series.title,
    sort: categoryOrder(rows, series.field, series.order),
  };
}

export function categoryTooltip<R>(category: CategoryField<R>) {
  return { field: category.field, type: 'nominal', title: category.title };
}

const TOOLTIP_TIME_UNIT: Readonly<Record<TimeStep, string>> = {
  day: 'utcyearmonthdate',
  week: 'utcyearmonthdate',
  month: 'utcyearmonth',
  quarter: 'utcyearquarter',
  year: 'utcyear',
};

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
