/** Bars per category, optionally split by a series: side by side (grouped) or on top (stacked). */
import type { CategoryField, QuantityField } from './chart-fields';
import { categoryTooltip, quantityChannel, quantityTooltip, seriesColour } from './chart-channels';
import {
  categoryOrder,
  chartFrame,
  DEFAULT_WIDTH,
  type ChartFrame,
  type ChartSpec,
  vegaLite,
} from './chart-frame';

export interface BarChartOptions<R> extends ChartFrame {
  readonly category: CategoryField<R>;
  readonly value: QuantityField<R>;
  /** A second category: one bar per series inside each category, told apart by colour. */
  readonly series?: CategoryField<R>;
  /** Default 'vertical' (categories along x); 'horizontal' suits long category names. */
  readonly orientation?: 'vertical' | 'horizontal';
  /** With a series: default 'grouped'. */
  readonly arrangement?: 'grouped' | 'stacked';
}

export function barChart<R extends object>(
  rows: readonly R[],
  options: BarChartOptions<R>,
): ChartSpec {
  const { category, value, series } = options;
  const horizontal = options.orientation === 'horizontal';
  const stacked = options.arrangement === 'stacked';
  const seriesOrder = series ? categoryOrder(rows, series.field, series.order) : [];
  const categoryChannel = {
    field: category.field,
    type: 'nominal',
    title: category.title,
    sort: categoryOrder(rows, category.field, category.order),
    axis: horizontal ? {} : verticalLabels(rows, category.field, options.width ?? DEFAULT_WIDTH),
  };
  const valueChannel = { ...quantityChannel(value), stack: series && stacked ? 'zero' : null };
  const seriesEncoding = series
    ? {
        color: seriesColour(rows, series),
        ...(stacked
          ? // Stack in legend order, first series nearest the axis.
            { order: { field: '__series_rank', type: 'quantitative' } }
          : {
              [horizontal ? 'yOffset' : 'xOffset']: {
                field: series.field,
                sort: seriesOrder,
              },
            }),
      }
    : {};
  return vegaLite({
    ...chartFrame(options, rows),
    ...(series && stacked
      ? {
          transform: [
            {
              calculate: `indexof(${JSON.stringify(seriesOrder)}, datum[${JSON.stringify(series.field)}])`,
              as: '__series_rank',
            },
          ],
        }
      : {}),
    mark: { type: 'bar' },
    encoding: {
      [horizontal ? 'y' : 'x']: categoryChannel,
      [horizontal ? 'x' : 'y']: valueChannel,
      ...seriesEncoding,
      tooltip: [
        categoryTooltip(category),
        ...(series ? [categoryTooltip(series)] : []),
        quantityTooltip(value),
      ],
    },
  });
}

/** Average axis-label glyph width (px), to tell whether category names fit under their bars. */
const LABEL_CHAR_WIDTH = 6.5;

/**
 * Category names level when they fit under their bars, else slanted so each keeps its own slot
 * (level names that do not fit are dropped by Vega's overlap rule, leaving bars unnamed).
 */
function verticalLabels(rows: readonly object[], field: string, width: number) {
  const names = categoryOrder(rows, field);
  const widest = Math.max(0, ...names.map((name) => name.length)) * LABEL_CHAR_WIDTH;
  if (names.length === 0 || widest <= (width / names.length) * 0.9) return { labelAngle: 0 };
  // Slanted parallel lines never touch once a slot is taller than a line (11 px / sin 40deg), but
  // Vega's overlap rule compares their bounding boxes and would drop most of them.
  const roomy = width / names.length >= 18;
  return {
    labelAngle: -40,
    labelAlign: 'right',
    labelBaseline: 'top',
    labelLimit: 200,
    labelOverlap: !roomy,
  };
}
