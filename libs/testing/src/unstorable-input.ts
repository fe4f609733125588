/**
 * Hostile input for the services' fuzzers: text PostgreSQL refuses (a NUL, lone UTF-16
 * surrogates), as fast-check arbitraries and as one probe request per operation of a service's
 * OpenAPI document, so an endpoint added later is probed without editing any test.
 */
import fc from 'fast-check';

/** Code units PostgreSQL cannot store: NUL, lone high and lone low surrogates. */
export const UNSTORABLE_UNITS = ['\u0000', '\ud800', '\udbff', '\udc00', '\udfff'] as const;

/** Fixed samples: at the start, the end, alone, and a low surrogate before its high one. */
export const UNSTORABLE_SAMPLES: readonly string[] = [
  '\u0000',
  'A\u0000',
  'a\u0000b',
  '\ud800',
  '\ud800x',
  'x\ud83d',
  '\udc00',
  '\ude00\ud83d',
];

/** Any text with at least one unstorable code unit somewhere in it. */
export const unstorableText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...UNSTORABLE_SAMPLES),
  fc
    .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...UNSTORABLE_UNITS), fc.string())
    .map(([before, unit, after]) => before + unit + after),
);

/**
 * A valid body with some of its strings, at any depth, replaced by unstorable text, and the
 * dotted paths (`lines.0.productId`) of those it replaced; a body without strings gets a `probe`.
 */
export function withUnstorableStrings(
  valid: unknown,
): fc.Arbitrary<{ body: unknown; fields: string[] }> {
  return fc
    .tuple(poisoned(valid, ''), unstorableText)
    .map(([tree, text]) =>
      tree.fields.length || !isRecord(tree.body)
        ? tree
        : { body: { ...tree.body, probe: text }, fields: ['probe'] },
    );
}

type Poisoned = { body: unknown; fields: string[] };

function poisoned(value: unknown, path: string): fc.Arbitrary<Poisoned> {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  if (typeof value === 'string')
    return fc.oneof(
      fc.constant<Poisoned>({ body: value, fields: [] }),
      unstorableText.map((text) => ({ body: text, fields: [path] })),
    );
  if (Array.isArray(value))
    return fc
      .tuple(...value.map((item, i) => poisoned(item, at(String(i)))))
      .map((items) => ({ body: items.map((i) => i.body), fields: items.flatMap((i) => i.fields) }));
  if (isRecord(value)) {
    const keys = Object.keys(value);
    return fc.tuple(...keys.map((key) => poisoned(value[key], at(key)))).map((children) => ({
      body: Object.fromEntries(children.map((c, i) => [keys[i], c.body])),
      fields: children.flatMap((c) => c.fields),
    }));
  }
  return fc.constant<Poisoned>({ body: value, fields: [] });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface OpenApiDocumentLike {
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components?: { readonly schemas?: Record<string, unknown> };
}

export type ProbeMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request carrying unstorable text in one place, and the field a 400 must name. */
export interface UnstorableProbe {
  readonly operation: string;
  readonly method: ProbeMethod;
  readonly url: string;
  readonly where: 'path' | 'query' | 'body';
  readonly body?: unknown;
  readonly contentType?: string;
  /** Field names a 400 must include; empty when the service answers per row (CSV upload). */
  readonly fields: readonly string[];
}

interface Parameter {
  readonly name: string;
  readonly in: string;
}

const METHODS: readonly ProbeMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** A filler for path parameters the probe does not aim at: plain, valid-looking text. */
const FILLER = 'probe-1';
/** What path and query probes carry: URL-encodable, unlike a lone surrogate. */
const URL_TEXT = 'A\u0000';

/**
 * For every operation: one probe per path parameter, one per query parameter (a made-up one
 * when it declares none) and one JSON body when it takes a body (CSV bodies get a CSV with a
 * NUL in a cell). Path and query values are URL-encoded, so they can carry a NUL but no lone
 * surrogate (which has no UTF-8 form); bodies carry `text`.
 */
export function unstorableProbes(
  document: OpenApiDocumentLike,
  text = 'A\u0000',
): UnstorableProbe[] {
  const probes: UnstorableProbe[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method.toLowerCase()] as
        | { parameters?: Parameter[]; requestBody?: { content?: Record<string, unknown> } }
        | undefined;
      if (!operation) continue;
      const name = `${method} ${template}`;
      const parameters = [
        ...((item.parameters as Parameter[] | undefined) ?? []),
        ...(operation.parameters ?? []),
      ];
      const pathParams = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      const urlWith = (hostile?: string) =>
        template.replace(/\{([^}]+)\}/g, (_, param: string) =>
          encodeURIComponent(param === hostile ? URL_TEXT : FILLER),
        );
      const base = { operation: name, method };
      for (const param of pathParams)
        probes.push({ ...base, where: 'path', url: urlWith(param), fields: [param] });

      const queryParams = parameters.filter((p) => p.in === 'query').map((p) => p.name);
      for (const param of queryParams.length ? queryParams : ['probe'])
        probes.push({
          ...base,
          where: 'query',
          url: `${urlWith()}?${new URLSearchParams({ [param]: URL_TEXT })}`,
          fields: [param],
        });

      const content = operation.requestBody?.content ?? {};
      if (content['application/json']) {
        const field = firstProperty(document, content['application/json']) ?? 'probe';
        probes.push({
          ...base,
          where: 'body',
          url: urlWith(),
          body: { [field]: text, [`${field}Extra`]: { list: ['ok', text] } },
          fields: [field, `${field}Extra.list.1`],
        });
      } else if (content['text/csv']) {
        probes.push({
          ...base,
          where: 'body',
          url: urlWith(),
          contentType: 'text/csv',
          body: `email,phone,name,given_name\nprobe@example.com,+4930123456,${text},${text}\n`,
          fields: [],
        });
      }
    }
  }
  return probes;
}

/** The first property of a JSON body's schema (following one $ref), for a realistic probe. */
function firstProperty(document: OpenApiDocumentLike, media: unknown): string | undefined {
  let schema = (media as { schema?: Record<string, unknown> }).schema;
  const ref = schema?.$ref;
  if (typeof ref === 'string')
    schema = document.components?.schemas?.[ref.split('/').pop()!] as typeof schema;
  const properties = schema?.properties as Record<string, unknown> | undefined;
  return properties ? Object.keys(properties)[0] : undefined;
}
