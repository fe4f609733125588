/**
 * Server-side SVG: Vega-Lite compiles the spec to Vega, Vega's headless View draws it with no
 * renderer and serialises the scene to SVG. Vega escapes every text it writes (titles, labels,
 * tooltips are not rendered), the spec loads nothing from outside, and the ids Vega numbers from
 * process-wide counters are renumbered per document so the same spec always gives the same bytes.
 */
import { parse, View, type Loader } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { DomainError } from '@crm/event-sourcing';
import { ChartErrors } from './chart.errors';

/** Limits that keep a render on the request path small: rows drawn and plot size in pixels. */
export const SVG_LIMITS = { rows: 5000, width: 2000, height: 2000 } as const;

export interface RenderedSvg {
  readonly svg: string;
  /** What Vega-Lite warned about while compiling (an unknown channel, a dropped encoding). */
  readonly warnings: readonly string[];
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  return (await renderSvgWithWarnings(spec)).svg;
}

export async function renderSvgWithWarnings(spec: TopLevelSpec): Promise<RenderedSvg> {
  checkSize(spec);
  const warnings: string[] = [];
  const errors: string[] = [];
  const logger = collectingLogger(warnings, errors);
  let view: View | undefined;
  try {
    const vega = compile(spec, { logger }).spec;
    view = new View(parse(vega), { renderer: 'none', loader: refusingLoader(errors), logger });
    const svg = await view.toSVG();
    // Vega logs (does not throw) a dataset it could not load or an expression that failed.
    if (errors.length > 0) throw ChartErrors.chartNotRenderable(errors.join('; '));
    return { svg: renumberIds(svg), warnings };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw ChartErrors.chartNotRenderable(error instanceof Error ? error.message : String(error));
  } finally {
    view?.finalize();
  }
}

function checkSize(spec: TopLevelSpec): void {
  const top = spec as { width?: unknown; height?: unknown; data?: { values?: unknown } };
  const rows = Array.isArray(top.data?.values) ? top.data.values.length : 0;
  if (rows > SVG_LIMITS.rows) throw ChartErrors.chartTooLarge('rows', rows, SVG_LIMITS.rows);
  for (const side of ['width', 'height'] as const) {
    const pixels = top[side];
    if (typeof pixels === 'number' && pixels > SVG_LIMITS[side]) {
      throw ChartErrors.chartTooLarge(`pixels of ${side}`, pixels, SVG_LIMITS[side]);
    }
  }
}

/**
 * Charts carry their data inline; a spec naming a URL or file gets nothing, and the render fails
 * (Vega only logs a failed load and would draw an empty chart).
 */
function refusingLoader(errors: string[]): Loader {
  const refuse = (uri: unknown) => {
    errors.push(`charts load no external data (${String(uri)})`);
    return Promise.reject(new Error('charts load no external data'));
  };
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse } as unknown as Loader;
}

/** Vega ids (`clip3`, `gradient_7`) count across the process; number them per document instead. */
function renumberIds(svg: string): string {
  const renamed = new Map<string, string>();
  const rename = (id: string) => {
    let name = renamed.get(id);
    if (!name) {
      name = `chart-def-${renamed.size + 1}`;
      renamed.set(id, name);
    }
    return name;
  };
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${rename(id)}"`);
}

function collectingLogger(warnings: string[], errors: string[]) {
  let level = 2;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
    error(...args: readonly unknown[]) {
      errors.push(args.map(String).join(' '));
      return logger;
    },
  };
  return logger as never;
}
