/**
 * Points of two quantities (model calibration: expected vs actual), optionally with the y = x line
 * a perfect model would lie on, drawn dashed across the data's range and named on the chart.
 */
import type { CategoryField, QuantityField } from './chart-fields';
import { categoryTooltip, quantityChannel, quantityTooltip, seriesColour } from './chart-channels';
import { chartFrame, type ChartFrame, type ChartSpec, vegaLite } from './chart-frame';

export interface ScatterChartOptions<R> extends ChartFrame {
  readonly x: QuantityField<R>;
  readonly y: QuantityField<R>;
  readonly series?: CategoryField<R>;
  /** Shown in the tooltip: what a point is (a customer id, a decile). */
  readonly label?: CategoryField<R>;
  /** A dashed y = x line with this caption, e.g. 'perfect calibration'. */
  readonly identityLine?: string;
}

export function scatterChart<R extends object>(
  rows: readonly R[],
  options: ScatterChartOptions<R>,
): ChartSpec {
  const { x, y, series, label } = options;
  const xChannel = quantityChannel(x);
  const yChannel = quantityChannel(y);
  const points = {
    mark: { type: 'point', filled: true, size: 60, opacity: 0.8 },
    encoding: {
      x: xChannel,
      y: yChannel,
      ...(series ? { color: seriesColour(rows, series) } : {}),
      tooltip: [
        ...(label ? [categoryTooltip(label)] : []),
        ...(series ? [categoryTooltip(series)] : []),
        quantityTooltip(x),
        quantityTooltip(y),
      ],
    },
  };
  const frame = chartFrame(options, rows);
  if (options.identityLine === undefined) return vegaLite({ ...frame, ...points });
  // Both axes over the same range, so the y = x line is the diagonal and deviations read true.
  const [low, high] = extent(rows, [x.field, y.field]);
  const domain = [Math.min(0, low), high];
  const scale = { domain, nice: true };
  const square = (channel: typeof xChannel) => ({ ...channel, field: '__v', scale });
  return vegaLite({
    ...frame,
    encoding: { x: { ...xChannel, scale }, y: { ...yChannel, scale } },
    layer: [
      {
        data: { values: [{ __v: domain[0] }, { __v: domain[1] }] },
        mark: { type: 'line', color: '#888', strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { x: square(xChannel), y: square(yChannel) },
      },
      {
        // Bottom right: the corner farthest from the diagonal, where no caption hides a point.
        data: {
          values: [{ __x: domain[1], __y: domain[0], __caption: `- - - ${options.identityLine}` }],
        },
        mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -6, dy: -6, color: '#555' },
        encoding: {
          x: { ...xChannel, field: '__x', scale },
          y: { ...yChannel, field: '__y', scale },
          text: { field: '__caption', type: 'nominal' },
        },
      },
      points,
    ],
  });
}

/** The smallest and largest finite value over the given fields (0..1 when there is none). */
function extent(rows: readonly object[], fields: readonly string[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const row of rows) {
    for (const field of fields) {
      const value = (row as Record<string, unknown>)[field];
      if (typeof value === 'number' && Number.isFinite(value)) {
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
    }
  }
  return low <= high ? [low, high] : [0, 1];
}
