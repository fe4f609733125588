/**
 * A grid of counts between two categories (RFM segment movement: from -> to), each cell coloured
 * by its value and labelled with it, so the largest flows stand out and every number is readable.
 */
import { exactFormat, titleWithUnit, type CategoryField, type QuantityField } from './chart-fields';
import { categoryTooltip, quantityTooltip } from './chart-channels';
import {
  categoryOrder,
  chartFrame,
  type ChartFrame,
  type ChartSpec,
  vegaLite,
} from './chart-frame';

export interface HeatmapChartOptions<R> extends ChartFrame {
  readonly x: CategoryField<R>;
  readonly y: CategoryField<R>;
  readonly value: QuantityField<R>;
}

export function heatmapChart<R extends object>(
  rows: readonly R[],
  options: HeatmapChartOptions<R>,
): ChartSpec {
  const { x, y, value } = options;
  const number = exactFormat(value.format);
  const field = JSON.stringify(value.field);
  return vegaLite({
    ...chartFrame(options, rows),
    transform: [{ joinaggregate: [{ op: 'max', field: value.field, as: '__max' }] }],
    encoding: {
      x: {
        field: x.field,
        type: 'nominal',
        title: x.title,
        sort: categoryOrder(rows, x.field, x.order),
        axis: { orient: 'top', labelAngle: -30, labelAlign: 'left' },
      },
      y: {
        field: y.field,
        type: 'nominal',
        title: y.title,
        sort: categoryOrder(rows, y.field, y.order),
      },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: value.field,
            type: 'quantitative',
            title: titleWithUnit(value),
            scale: { scheme: 'blues' },
            legend: { format: number, gradientLength: 160 },
          },
          tooltip: [categoryTooltip(y), categoryTooltip(x), quantityTooltip(value)],
        },
      },
      {
        mark: { type: 'text', baseline: 'middle', fontSize: 11 },
        encoding: {
          text: { field: value.field, type: 'quantitative', format: number },
          // Dark cells get white text, light cells black: readable at both ends of the scheme.
          color: {
            condition: { test: `datum[${field}] > datum.__max * 0.55`, value: 'white' },
            value: '#222',
          },
        },
      },
    ],
  });
}
