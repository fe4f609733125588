/**
 * What every chart shares: the title block, a size, one look (fonts, grid, label limits) and the
 * rows inlined as the chart's data, so a spec is complete on its own for a front-end to embed.
 */
import type { TopLevelSpec } from 'vega-lite';

/** A Vega-Lite v5 top-level spec (what `?format=vega-lite` answers). */
export type ChartSpec = TopLevelSpec;

export interface ChartTitle {
  readonly text: string;
  /** A second, smaller line: the period, the population, the model version. */
  readonly subtitle?: string;
}

/** Options every builder takes. */
export interface ChartFrame {
  readonly title: string | ChartTitle;
  /** Plot width in pixels, default 640 (axes, legend and title add to it). */
  readonly width?: number;
  /** Plot height in pixels, default 320. */
  readonly height?: number;
}

export const DEFAULT_WIDTH = 640;
export const DEFAULT_HEIGHT = 320;
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Colour-blind-safe categorical palette (Tableau 10). */
export const SERIES_COLOURS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
] as const;

const CHART_CONFIG = {
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  view: { stroke: null },
  title: { anchor: 'start', fontSize: 16, subtitleFontSize: 12, subtitleColor: '#555', offset: 12 },
  axis: {
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: 'bold',
    titleColor: '#333',
    labelColor: '#333',
    // Long category names end in an ellipsis instead of running into the plot or each other.
    labelLimit: 160,
    labelOverlap: true,
    gridColor: '#e6e6e6',
    domainColor: '#888',
    tickColor: '#888',
  },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 200, symbolType: 'square' },
  range: { category: [...SERIES_COLOURS] },
} as const;

/**
 * The parts of a spec every builder starts from. `data` holds the rows as they are (copied, so a
 * later change to the caller's array cannot alter a spec already handed out).
 */
export function chartFrame(frame: ChartFrame, rows: readonly object[]) {
  const title = typeof frame.title === 'string' ? { text: frame.title } : frame.title;
  const width = frame.width ?? DEFAULT_WIDTH;
  return {
    $schema: VEGA_LITE_SCHEMA,
    // Vega never wraps a title: a long one would widen the picture, so it is broken into lines.
    title: {
      text: wrapLines(title.text, width, TITLE_CHAR_WIDTH),
      ...(title.subtitle
        ? { subtitle: wrapLines(title.subtitle, width, SUBTITLE_CHAR_WIDTH) }
        : {}),
    },
    width,
    height: frame.height ?? DEFAULT_HEIGHT,
    background: 'white',
    padding: 16,
    data: { values: rows.map((row) => ({ ...row })) },
    config: CHART_CONFIG,
  };
}

/** The category order for a sort: the given order, else first appearance in the rows. */
export function categoryOrder(
  rows: readonly object[],
  field: string,
  order?: readonly string[],
): string[] {
  if (order) return [...order];
  const seen = new Set<string>();
  for (const row of rows) seen.add(String((row as Record<string, unknown>)[field]));
  return [...seen];
}

/**
 * Builders assemble plain objects (Vega-Lite's own types reject the generic field names): what
 * checks a spec is Vega-Lite compiling it, which the specs do with its warnings collected.
 */
export function vegaLite(spec: object): ChartSpec {
  return spec as ChartSpec;
}

/** Average glyph widths (px) of the title fonts, to guess where a line must break. */
const TITLE_CHAR_WIDTH = 9.5;
const SUBTITLE_CHAR_WIDTH = 6.8;

/** The text as one string when it fits the width, else as lines broken at spaces. */
export function wrapLines(text: string, width: number, charWidth: number): string | string[] {
  const perLine = Math.max(20, Math.floor(width / charWidth));
  if (text.length <= perLine) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > perLine) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
