/** How a quantity is distributed: rows counted into equal-width bins. */
import { axisFormat, titleWithUnit, type QuantityField } from './chart-fields';
import { chartFrame, type ChartFrame, type ChartSpec, vegaLite } from './chart-frame';

export interface HistogramChartOptions<R> extends ChartFrame {
  readonly value: QuantityField<R>;
  /** What one row is, for the y axis: "Customers" reads "Customers (count)". Default "Rows". */
  readonly countTitle?: string;
  /** Upper bound on the number of bins (Vega picks nice boundaries); default 20. */
  readonly maxBins?: number;
}

export function histogramChart<R extends object>(
  rows: readonly R[],
  options: HistogramChartOptions<R>,
): ChartSpec {
  const { value } = options;
  const countTitle = `${options.countTitle ?? 'Rows'} (count)`;
  const valueTitle = titleWithUnit(value);
  const format = axisFormat(value.format);
  return vegaLite({
    ...chartFrame(options, rows),
    mark: { type: 'bar', binSpacing: 1 },
    encoding: {
      x: {
        field: value.field,
        type: 'quantitative',
        bin: { maxbins: options.maxBins ?? 20 },
        title: valueTitle,
        axis: { format },
      },
      y: { aggregate: 'count', type: 'quantitative', title: countTitle, axis: { format: ',.0f' } },
      tooltip: [
        {
          field: value.field,
          bin: { maxbins: options.maxBins ?? 20 },
          type: 'quantitative',
          title: valueTitle,
          format,
        },
        { aggregate: 'count', type: 'quantitative', title: countTitle, format: ',.0f' },
      ],
    },
  });
}
