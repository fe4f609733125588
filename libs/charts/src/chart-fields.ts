/**
 * What a chart builder is told about the columns of its rows: which field, its human title, its
 * unit and how its numbers read. Axis titles, tooltips and number formats all come from here, so
 * every chart says "Revenue (EUR)" the same way.
 */

/** A key of the row type, as a string (Vega-Lite names fields by string). */
export type FieldOf<R> = Extract<keyof R, string>;

/** How a quantity's numbers read: d3-format patterns behind friendly names. */
export type NumberFormat = 'integer' | 'decimal' | 'money' | 'percent';

/** A number per row: a measured value such as revenue or a count. */
export interface QuantityField<R> {
  readonly field: FieldOf<R>;
  readonly title: string;
  /** Shown in brackets after the title: "EUR", "contacts", "%". */
  readonly unit?: string;
  /** Default 'decimal'. 'percent' expects a ratio (0.25 reads as 25%). */
  readonly format?: NumberFormat;
}

/** A label per row: a stage, a segment, a product. */
export interface CategoryField<R> {
  readonly field: FieldOf<R>;
  readonly title: string;
  /** The order categories are drawn in; default: the order they first appear in the rows. */
  readonly order?: readonly string[];
}

/** How far apart the points of a time series are; the axis labels and tooltips follow it. */
export type TimeStep = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A date per row (`YYYY-MM-DD` or an ISO instant), read as UTC so no server zone moves it. */
export interface TimeField<R> {
  readonly field: FieldOf<R>;
  readonly title: string;
  readonly step: TimeStep;
}

/** "Revenue (EUR)", or only the title when there is no unit. */
export function titleWithUnit(field: { readonly title: string; readonly unit?: string }): string {
  return field.unit ? `${field.title} (${field.unit})` : field.title;
}

/** Exact numbers for tooltips and labels. */
const EXACT_FORMAT: Readonly<Record<NumberFormat, string>> = {
  integer: ',.0f',
  decimal: ',.2~f',
  money: ',.2f',
  percent: '.1~%',
};

/** Rounder numbers for axes, where ticks are chosen by the scale anyway. */
const AXIS_FORMAT: Readonly<Record<NumberFormat, string>> = {
  integer: ',.0f',
  decimal: ',.4~r',
  money: ',.0f',
  percent: '.0%',
};

export function exactFormat(format: NumberFormat | undefined): string {
  return EXACT_FORMAT[format ?? 'decimal'];
}

export function axisFormat(format: NumberFormat | undefined): string {
  return AXIS_FORMAT[format ?? 'decimal'];
}

const TIME_FORMAT: Readonly<Record<TimeStep, string>> = {
  day: '%-d %b %Y',
  week: '%-d %b %Y',
  month: '%b %Y',
  quarter: 'Q%q %Y',
  year: '%Y',
};

/** The d3 time format for a step; charts apply it in UTC (`formatType: 'utc'`). */
export function timeFormatOf(step: TimeStep): string {
  return TIME_FORMAT[step];
}
