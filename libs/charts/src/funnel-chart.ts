/**
 * A funnel: stages top to bottom in their order, one bar each, labelled with the count and the
 * step conversion (share of the stage before), so the drop between two stages reads at a glance.
 */
import { exactFormat, type CategoryField, type QuantityField } from './chart-fields';
import { categoryTooltip, quantityChannel, quantityTooltip } from './chart-channels';
import {
  categoryOrder,
  chartFrame,
  type ChartFrame,
  type ChartSpec,
  vegaLite,
} from './chart-frame';

export interface FunnelChartOptions<R> extends ChartFrame {
  /** The stages; drawn in `stage.order`, else in row order (first stage first). */
  readonly stage: CategoryField<R>;
  readonly value: QuantityField<R>;
}

/** Room to the right of the widest bar for its label, as a share of the widest value. */
const LABEL_ROOM = 0.45;

export function funnelChart<R extends object>(
  rows: readonly R[],
  options: FunnelChartOptions<R>,
): ChartSpec {
  const { stage, value } = options;
  const order = categoryOrder(rows, stage.field, stage.order);
  const widest = Math.max(0, ...rows.map((row) => Number(row[value.field]) || 0));
  const number = exactFormat(value.format);
  const stageRank = `indexof(${JSON.stringify(order)}, datum[${JSON.stringify(stage.field)}])`;
  return vegaLite({
    ...chartFrame(options, rows),
    transform: [
      { calculate: stageRank, as: '__stage_rank' },
      {
        window: [{ op: 'lag', field: value.field, as: '__previous' }],
        sort: [{ field: '__stage_rank', order: 'ascending' }],
      },
      {
        calculate: `isValid(datum.__previous) && datum.__previous > 0 ? datum[${JSON.stringify(value.field)}] / datum.__previous : null`,
        as: '__step_conversion',
      },
      {
        calculate:
          `format(datum[${JSON.stringify(value.field)}], ${JSON.stringify(number)})` +
          ` + (isValid(datum.__step_conversion) ? ' · ' + format(datum.__step_conversion, '.1%') + ' of previous' : '')`,
        as: '__label',
      },
    ],
    encoding: {
      y: { field: stage.field, type: 'nominal', title: stage.title, sort: order },
      x: {
        ...quantityChannel(value),
        scale: { domain: [0, widest > 0 ? widest * (1 + LABEL_ROOM) : 1], nice: false },
      },
      tooltip: [
        categoryTooltip(stage),
        quantityTooltip(value),
        {
          field: '__step_conversion',
          type: 'quantitative',
          title: 'Step conversion',
          format: '.1%',
        },
      ],
    },
    layer: [
      { mark: { type: 'bar', color: '#4e79a7' } },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: 11 },
        encoding: { text: { field: '__label', type: 'nominal' } },
      },
    ],
  });
}
