/**
 * The two Liquid engines every template is parsed and rendered with. Both are strict (an unknown
 * variable or filter is an error, never an empty string), read own properties only (no
 * `constructor` or prototype walks), load no files (include, render and layout are removed) and
 * carry liquidjs' DoS limits, so a loop over a huge range or a string doubled in a loop stops
 * with an error instead of holding the process.
 * - `html`: every output is HTML-escaped (`outputEscape`), and `raw` is removed, so a contact
 *   named `<script>` is text in the email, whatever the template does.
 * - `plain`: subject, plain-text part and SMS: nothing to escape.
 * The `track` filter turns a URL into the sender's tracked link (the identity when none is given).
 */
import { Liquid } from 'liquidjs';

/** Characters one parse may take (the DTOs bound each field well below). */
export const PARSE_LIMIT = 1_000_000;
/** Milliseconds one render may take. */
export const RENDER_LIMIT_MS = 500;
/** liquidjs' allocation budget per render (array and string growth, roughly characters). */
export const MEMORY_LIMIT = 5_000_000;

/** Rendering globals (not template variables: a template cannot name them). */
export interface RenderGlobals {
  readonly trackLink?: (url: string) => string;
}

function track(this: { context: { globals: object } }, url: unknown): string {
  const globals = this.context.globals as RenderGlobals;
  const text = url === null || url === undefined ? '' : String(url);
  return globals.trackLink ? globals.trackLink(text) : text;
}

function engine(escapeHtml: boolean): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    // `{% if contact.customFields.x %}` and `| default:` on a member that is null are not errors.
    lenientIf: true,
    ...(escapeHtml ? { outputEscape: 'escape' as const } : {}),
    parseLimit: PARSE_LIMIT,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
    // `date` prints in UTC unless the template says otherwise: not the server's zone.
    timezoneOffset: 0,
    templates: {},
  });
  for (const tag of ['include', 'render', 'layout']) delete liquid.tags[tag];
  if (escapeHtml) delete liquid.filters.raw;
  liquid.registerFilter('track', track);
  return liquid;
}

export const ENGINES = { html: engine(true), plain: engine(false) } as const;
export type EngineName = keyof typeof ENGINES;
