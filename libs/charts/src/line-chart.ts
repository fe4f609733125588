/** Time series: one line per series over UTC dates. */
import type { CategoryField, QuantityField, TimeField } from './chart-fields';
import {
  categoryTooltip,
  quantityChannel,
  quantityTooltip,
  seriesColour,
  timeChannel,
  timeTooltip,
} from './chart-channels';
import { chartFrame, type ChartFrame, type ChartSpec, vegaLite } from './chart-frame';

/** Beyond this many rows the points would blur the line. */
const MAX_POINTS = 60;

export interface LineChartOptions<R> extends ChartFrame {
  readonly time: TimeField<R>;
  readonly value: QuantityField<R>;
  /** One line per value of this field, told apart by colour. */
  readonly series?: CategoryField<R>;
}

export function lineChart<R extends object>(
  rows: readonly R[],
  options: LineChartOptions<R>,
): ChartSpec {
  const { time, value, series } = options;
  return vegaLite({
    ...chartFrame(options, rows),
    mark: { type: 'line', point: rows.length <= MAX_POINTS, strokeWidth: 2 },
    encoding: {
      x: timeChannel(time),
      y: quantityChannel(value),
      ...(series ? { color: seriesColour(rows, series) } : {}),
      tooltip: [
        timeTooltip(time),
        ...(series ? [categoryTooltip(series)] : []),
        quantityTooltip(value),
      ],
    },
  });
}
