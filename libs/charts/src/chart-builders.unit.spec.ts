import { compile } from 'vega-lite';
import { barChart } from './bar-chart';
import type { ChartSpec } from './chart-frame';
import { forecastChart } from './forecast-chart';
import { funnelChart } from './funnel-chart';
import { heatmapChart } from './heatmap-chart';
import { histogramChart } from './histogram-chart';
import { lineChart } from './line-chart';
import { scatterChart } from './scatter-chart';
import {
  calibration,
  demandForecast,
  monthlyOrders,
  orderValues,
  revenueByRegion,
  rfmMovement,
  salesFunnel,
  SAMPLE_CHARTS,
} from './sample-charts';

// The specs are plain objects; reading them back needs a loose view.
type Loose = Record<string, any>;
const loose = (spec: ChartSpec) => spec as unknown as Loose;

function compileWarnings(spec: ChartSpec): string[] {
  const warnings: string[] = [];
  const logger: any = {
    level: () => logger,
    warn: (...args: unknown[]) => (warnings.push(args.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => (warnings.push(args.join(' ')), logger),
  };
  compile(spec, { logger });
  return warnings;
}

describe('every chart builder', () => {
  it.each(Object.keys(SAMPLE_CHARTS))('%s compiles with Vega-Lite without a warning', (name) => {
    expect(compileWarnings(SAMPLE_CHARTS[name])).toEqual([]);
  });

  it.each(Object.keys(SAMPLE_CHARTS))(
    '%s is a v5 spec with a title, a size and its rows inline',
    (name) => {
      const spec = loose(SAMPLE_CHARTS[name]);
      expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
      expect(spec.title.text).toEqual(expect.any(String));
      expect(spec.width).toBeGreaterThan(0);
      expect(spec.height).toBeGreaterThan(0);
      expect(spec.data.values.length).toBeGreaterThan(0);
    },
  );

  it('copies the rows, so changing them later does not change a spec handed out', () => {
    const rows = [{ stage: 'Leads', n: 10 }];
    const spec = loose(
      funnelChart(rows, {
        title: 'F',
        stage: { field: 'stage', title: 'Stage' },
        value: { field: 'n', title: 'N' },
      }),
    );
    rows[0].n = 99;
    expect(spec.data.values).toEqual([{ stage: 'Leads', n: 10 }]);
  });

  it('breaks a title longer than the plot is wide into lines at spaces', () => {
    const text =
      'Revenue by product for the whole of the financial year across all regions and channels';
    const spec = loose(
      histogramChart(orderValues, {
        title: text,
        value: { field: 'orderValue', title: 'V' },
        width: 400,
      }),
    );
    expect(Array.isArray(spec.title.text)).toBe(true);
    expect(spec.title.text.join(' ')).toBe(text);
    for (const line of spec.title.text)
      expect(line.length).toBeLessThanOrEqual(Math.floor(400 / 9.5));
  });

  it('takes a subtitle and a size', () => {
    const spec = loose(
      histogramChart(orderValues, {
        title: { text: 'Orders', subtitle: 'June' },
        value: { field: 'orderValue', title: 'Value' },
        width: 300,
        height: 200,
      }),
    );
    expect(spec.title).toEqual({ text: 'Orders', subtitle: 'June' });
    expect([spec.width, spec.height]).toEqual([300, 200]);
  });
});

describe('barChart', () => {
  const options = {
    title: 'Revenue',
    category: { field: 'region', title: 'Region' },
    value: { field: 'revenue', title: 'Revenue', unit: 'EUR', format: 'money' },
    series: { field: 'channel', title: 'Channel' },
  } as const;

  it('puts categories on x, the value with its unit on y, series side by side', () => {
    const { encoding } = loose(barChart(revenueByRegion, options));
    expect(encoding.x).toMatchObject({ field: 'region', type: 'nominal', title: 'Region' });
    expect(encoding.x.sort).toEqual(['North', 'South', 'East & Islands', 'West']);
    expect(encoding.y).toMatchObject({ field: 'revenue', title: 'Revenue (EUR)', stack: null });
    expect(encoding.y.axis.format).toBe(',.0f');
    expect(encoding.color).toMatchObject({ field: 'channel', title: 'Channel' });
    expect(encoding.xOffset).toMatchObject({ field: 'channel' });
    expect(encoding.tooltip.map((t: Loose) => t.title)).toEqual([
      'Region',
      'Channel',
      'Revenue (EUR)',
    ]);
    expect(encoding.tooltip[2].format).toBe(',.2f');
  });

  it('stacks horizontally in series order', () => {
    const spec = loose(
      barChart(revenueByRegion, { ...options, orientation: 'horizontal', arrangement: 'stacked' }),
    );
    expect(spec.encoding.y.field).toBe('region');
    expect(spec.encoding.x).toMatchObject({ field: 'revenue', stack: 'zero' });
    expect(spec.encoding.xOffset).toBeUndefined();
    expect(spec.encoding.yOffset).toBeUndefined();
    expect(spec.encoding.order.field).toBe('__series_rank');
  });

  it('draws one plain bar per category without a series', () => {
    const { encoding } = loose(barChart(revenueByRegion, { ...options, series: undefined }));
    expect(encoding.color).toBeUndefined();
    expect(encoding.y.stack).toBeNull();
  });

  it('slants category names that do not fit under their bars, keeps short ones level', () => {
    const long = Array.from({ length: 14 }, (_, i) => ({
      name: `Premium bundle ${i} (annual)`,
      n: i,
    }));
    const short = [
      { name: 'A', n: 1 },
      { name: 'B', n: 2 },
    ];
    const build = (rows: readonly { name: string; n: number }[]) =>
      loose(
        barChart(rows, {
          title: 'T',
          category: { field: 'name', title: 'Name' },
          value: { field: 'n', title: 'N' },
        }),
      );
    expect(build(long).encoding.x.axis).toMatchObject({ labelAngle: -40, labelOverlap: false });
    expect(build(short).encoding.x.axis).toEqual({ labelAngle: 0 });
  });

  it('follows a given category order', () => {
    const { encoding } = loose(
      barChart(revenueByRegion, {
        ...options,
        category: { ...options.category, order: ['West', 'North'] },
      }),
    );
    expect(encoding.x.sort).toEqual(['West', 'North']);
  });
});

describe('lineChart', () => {
  it('draws a UTC time axis by month and one coloured line per series', () => {
    const { encoding, mark } = loose(
      lineChart(monthlyOrders, {
        title: 'Orders',
        time: { field: 'month', title: 'Month', step: 'month' },
        value: { field: 'orders', title: 'Orders', unit: 'count', format: 'integer' },
        series: { field: 'plan', title: 'Plan' },
      }),
    );
    expect(mark.type).toBe('line');
    expect(encoding.x).toMatchObject({
      field: 'month',
      type: 'temporal',
      title: 'Month',
      scale: { type: 'utc' },
    });
    expect(encoding.x.axis).toMatchObject({
      format: '%b %Y',
      tickCount: { interval: 'month', step: 1 },
    });
    expect(encoding.y.title).toBe('Orders (count)');
    expect(encoding.color.sort).toEqual(['Basic', 'Pro', 'Enterprise']);
    expect(encoding.tooltip[0]).toMatchObject({ timeUnit: 'utcyearmonth', format: '%b %Y' });
  });
});

describe('forecastChart', () => {
  const spec = loose(
    forecastChart(demandForecast, {
      title: 'Demand',
      time: { field: 'month', title: 'Month', step: 'month' },
      measure: { title: 'Units sold', unit: 'units', format: 'integer' },
      actual: 'actual',
      forecast: 'forecast',
      interval: { lower: 'lower', upper: 'upper', level: 0.8 },
    }),
  );

  it('layers the interval band under the actual and forecast lines', () => {
    const [band, lines] = spec.layer;
    expect(band.mark.type).toBe('area');
    expect(band.encoding.y.field).toBe('lower');
    expect(band.encoding.y2.field).toBe('upper');
    expect(band.encoding.color.datum).toBe('80% prediction interval');
    expect(lines.mark.type).toBe('line');
    expect(lines.transform[0]).toEqual({
      fold: ['actual', 'forecast'],
      as: ['__series_field', '__value'],
    });
    expect(lines.encoding.y.title).toBe('Units sold (units)');
  });

  it('tells actuals from forecast by colour and dash, all three named in one legend', () => {
    const [band, lines] = spec.layer;
    expect(band.encoding.color.scale.domain).toEqual([
      'Actual',
      'Forecast',
      '80% prediction interval',
    ]);
    expect(lines.encoding.color.scale.domain).toEqual(band.encoding.color.scale.domain);
    expect(lines.encoding.strokeDash.scale).toEqual({
      domain: ['Actual', 'Forecast'],
      range: [
        [1, 0],
        [6, 4],
      ],
    });
  });
});

describe('funnelChart', () => {
  it('orders stages top down and labels each with its step conversion', () => {
    const spec = loose(
      funnelChart(salesFunnel, {
        title: 'Funnel',
        stage: { field: 'stage', title: 'Stage' },
        value: { field: 'contacts', title: 'Contacts', unit: 'count', format: 'integer' },
      }),
    );
    expect(spec.encoding.y.sort).toEqual(salesFunnel.map((row) => row.stage));
    expect(spec.encoding.x.title).toBe('Contacts (count)');
    // Room for the widest bar's label.
    expect(spec.encoding.x.scale.domain).toEqual([0, 4820 * 1.45]);
    expect(spec.layer.map((layer: Loose) => layer.mark.type)).toEqual(['bar', 'text']);
    expect(spec.layer[1].encoding.text.field).toBe('__label');
  });
});

describe('heatmapChart', () => {
  it('colours cells by count and writes the count in each', () => {
    const spec = loose(
      heatmapChart(rfmMovement, {
        title: 'Movement',
        x: { field: 'to', title: 'To' },
        y: { field: 'from', title: 'From', order: ['Loyal', 'Champions'] },
        value: { field: 'customers', title: 'Customers', unit: 'count', format: 'integer' },
      }),
    );
    expect(spec.encoding.x).toMatchObject({ field: 'to', title: 'To' });
    expect(spec.encoding.y.sort).toEqual(['Loyal', 'Champions']);
    const [cells, labels] = spec.layer;
    expect(cells.mark.type).toBe('rect');
    expect(cells.encoding.color).toMatchObject({ field: 'customers', title: 'Customers (count)' });
    expect(labels.encoding.text).toMatchObject({ field: 'customers', format: ',.0f' });
  });
});

describe('scatterChart', () => {
  const options = {
    title: 'Calibration',
    x: { field: 'expected', title: 'Expected', unit: 'purchases' },
    y: { field: 'actual', title: 'Actual', unit: 'purchases' },
  } as const;

  it('draws points alone without a reference line', () => {
    const spec = loose(scatterChart(calibration, options));
    expect(spec.mark.type).toBe('point');
    expect(spec.encoding.x.title).toBe('Expected (purchases)');
    expect(spec.encoding.y.title).toBe('Actual (purchases)');
  });

  it('adds y = x across the data range, both axes on the same domain', () => {
    const spec = loose(scatterChart(calibration, { ...options, identityLine: 'perfect' }));
    const [line, caption, points] = spec.layer;
    const all = calibration.flatMap((row) => [row.expected, row.actual]);
    expect(line.data.values).toEqual([{ __v: 0 }, { __v: Math.max(...all) }]);
    expect(line.encoding.x.scale).toEqual(line.encoding.y.scale);
    expect(caption.data.values[0].__caption).toContain('perfect');
    expect(points.mark.type).toBe('point');
  });
});

describe('histogramChart', () => {
  it('bins the value and counts rows', () => {
    const { encoding } = loose(
      histogramChart(orderValues, {
        title: 'Orders',
        value: { field: 'orderValue', title: 'Order value', unit: 'EUR', format: 'money' },
        countTitle: 'Orders',
        maxBins: 12,
      }),
    );
    expect(encoding.x).toMatchObject({
      field: 'orderValue',
      bin: { maxbins: 12 },
      title: 'Order value (EUR)',
    });
    expect(encoding.y).toMatchObject({ aggregate: 'count', title: 'Orders (count)' });
  });
});
