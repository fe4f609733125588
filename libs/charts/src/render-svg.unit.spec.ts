import { DomainError } from '@crm/event-sourcing';
import { barChart } from './bar-chart';
import type { ChartSpec } from './chart-frame';
import { renderSvg, renderSvgWithWarnings, SVG_LIMITS } from './render-svg';
import { demandForecast, rfmMovement, salesFunnel, SAMPLE_CHARTS } from './sample-charts';

/** Every text Vega wrote (titles, axis and legend labels, mark labels), unescaped. */
function textsOf(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** The items of each mark group of that type (`mark-rect role-mark`): one entry per group. */
function markItems(svg: string, mark: string): number[] {
  const groups = [
    ...svg.matchAll(new RegExp(`<g class="mark-${mark} role-mark[^"]*"[^>]*>(.*?)</g>`, 'g')),
  ];
  return groups.map((g) => (g[1].match(/<(path|text|line)\b/g) ?? []).length);
}

describe('renderSvg', () => {
  it('draws a bar chart with its title, axis titles with units, labels and one rect per row', async () => {
    const svg = await renderSvg(SAMPLE_CHARTS['bar-grouped']);
    expect(svg.startsWith('<svg')).toBe(true);
    const texts = textsOf(svg);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Revenue by region and channel',
        'H1 2026',
        'Revenue (EUR)',
        'Region',
        'Channel',
        'North',
        'East & Islands',
        'Web',
        'Store',
        '100,000',
      ]),
    );
    expect(markItems(svg, 'rect')).toEqual([8]);
  });

  it('draws the funnel with one bar and one conversion label per stage', async () => {
    const svg = await renderSvg(SAMPLE_CHARTS.funnel);
    expect(markItems(svg, 'rect')).toEqual([salesFunnel.length]);
    const labels = textsOf(svg);
    // 2113 / 4820 = 43.8%, 187 / 412 = 45.4%: each stage against the one before it.
    expect(labels).toEqual(
      expect.arrayContaining(['4,820', '2,113 · 43.8% of previous', '187 · 45.4% of previous']),
    );
  });

  it('draws the forecast: a band, the actual and forecast lines, a point per value, named in the legend', async () => {
    const svg = await renderSvg(SAMPLE_CHARTS.forecast);
    expect(markItems(svg, 'area')).toEqual([1]);
    expect(markItems(svg, 'line')).toEqual([1, 1]);
    const values = demandForecast.flatMap((r) => [r.actual, r.forecast]).filter((v) => v !== null);
    expect(markItems(svg, 'symbol')).toEqual([values.length]);
    expect(textsOf(svg)).toEqual(
      expect.arrayContaining([
        'Actual',
        'Forecast',
        '95% prediction interval',
        'Units sold (units)',
        'Jan 2026',
      ]),
    );
    // The forecast line is dashed, the actual one is not.
    const lines = [...svg.matchAll(/<g class="mark-line role-mark[^"]*"[^>]*>(.*?)<\/g>/g)];
    expect(lines.map((line) => line[1].includes('stroke-dasharray="6,4"'))).toEqual([false, true]);
  });

  it('draws a cell and a count per pair in the heatmap', async () => {
    const svg = await renderSvg(SAMPLE_CHARTS.heatmap);
    expect(markItems(svg, 'rect')).toEqual([rfmMovement.length]);
    expect(markItems(svg, 'text')).toEqual([rfmMovement.length]);
    expect(textsOf(svg)).toEqual(
      expect.arrayContaining(['Segment on 1 Jan 2026', 'Champions', '300']),
    );
  });

  it('draws one line per series, a point per row, month labels in UTC', async () => {
    const svg = await renderSvg(SAMPLE_CHARTS.line);
    expect(markItems(svg, 'line')).toEqual([1, 1, 1]);
    expect(markItems(svg, 'symbol')).toEqual([18]);
    expect(textsOf(svg)).toEqual(
      expect.arrayContaining(['Jan 2026', 'Jun 2026', 'Orders (count)']),
    );
  });

  it('draws the histogram bins, the scatter points and its reference line', async () => {
    const histogram = await renderSvg(SAMPLE_CHARTS.histogram);
    expect(markItems(histogram, 'rect')[0]).toBeGreaterThan(5);
    expect(textsOf(histogram)).toEqual(
      expect.arrayContaining(['Order value (EUR)', 'Orders (count)']),
    );
    const scatter = await renderSvg(SAMPLE_CHARTS.scatter);
    expect(markItems(scatter, 'symbol')).toEqual([10]);
    expect(markItems(scatter, 'line')).toEqual([1]);
    expect(textsOf(scatter)).toContain('- - - perfect calibration (y = x)');
  });

  it('escapes markup in titles and labels instead of writing it', async () => {
    const hostile = '<script>alert("x")</script> & \'q\'';
    const svg = await renderSvg(
      barChart(
        [
          { name: hostile, n: 1 },
          { name: 'a<b', n: 2 },
        ],
        {
          title: { text: hostile, subtitle: '"><img src=x onerror=alert(1)>' },
          category: { field: 'name', title: 'Name <i>' },
          value: { field: 'n', title: 'N & co' },
        },
      ),
    );
    expect(svg).not.toMatch(/<script|<img|<i>|<b\b/);
    expect(svg).toContain('&lt;script&gt;');
    expect(textsOf(svg)).toEqual(expect.arrayContaining([hostile, 'Name <i>', 'N & co']));
  });

  it('gives the same bytes for the same spec, whatever was drawn before', async () => {
    // A clipped mark makes Vega number a clipPath from a process-wide counter.
    const clipped = { ...SAMPLE_CHARTS.line, mark: { type: 'line', clip: true } } as ChartSpec;
    const first = await renderSvg(clipped);
    expect(first).toContain('clip-path="url(#chart-def-1)"');
    await Promise.all([renderSvg(clipped), renderSvg(SAMPLE_CHARTS.forecast)]);
    expect(await renderSvg(clipped)).toBe(first);
  });

  it('draws the same months wherever the server runs', async () => {
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Honolulu';
      const west = await renderSvg(SAMPLE_CHARTS.forecast);
      process.env.TZ = 'Pacific/Kiritimati';
      const east = await renderSvg(SAMPLE_CHARTS.forecast);
      expect(east).toBe(west);
      expect(textsOf(east)).toContain('Jan 2026');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('compiles every sample without a Vega-Lite warning', async () => {
    for (const spec of Object.values(SAMPLE_CHARTS)) {
      expect((await renderSvgWithWarnings(spec)).warnings).toEqual([]);
    }
  });

  it('refuses more rows than it draws, naming format so the caller can ask for csv', async () => {
    const rows = Array.from({ length: SVG_LIMITS.rows + 1 }, (_, i) => ({ k: `k${i}`, n: i }));
    const spec = barChart(rows, {
      title: 'Big',
      category: { field: 'k', title: 'K' },
      value: { field: 'n', title: 'N' },
    });
    await expect(renderSvg(spec)).rejects.toMatchObject({
      code: 'ChartTooLarge',
      kind: 'invalid',
      details: { field: 'format', actual: SVG_LIMITS.rows + 1 },
    });
  });

  it('refuses a plot wider than the limit and draws one at the limit', async () => {
    const options = {
      title: 'Wide',
      category: { field: 'k', title: 'K' },
      value: { field: 'n', title: 'N' },
    } as const;
    const rows = [{ k: 'a', n: 1 }];
    await expect(
      renderSvg(barChart(rows, { ...options, width: SVG_LIMITS.width + 1 })),
    ).rejects.toMatchObject({
      code: 'ChartTooLarge',
    });
    await expect(
      renderSvg(barChart(rows, { ...options, width: SVG_LIMITS.width })),
    ).resolves.toContain('<svg');
  });

  it('loads nothing from outside: a spec naming a URL is refused, not fetched', async () => {
    const error = await renderSvg({
      data: { url: 'http://127.0.0.1:9/secret.json' },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' } },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'ChartNotRenderable' });
    expect((error as Error).message).toContain('charts load no external data');
  });
});
