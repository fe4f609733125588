/**
 * The save-time check of a template's Liquid: each source must parse, and every variable it reads
 * from outside the template (liquidjs' static analysis: `globals`, so loop and `assign` locals are
 * the template's own) must be in the catalogue (template-variables.ts). Each problem names the
 * content field, and the variable or the line and column.
 */
import { Variable, type Template } from 'liquidjs';
import { ENGINES, type EngineName } from './template-engine';
import type { ContentField, TemplateContent } from './template-content';
import { sourcesOf } from './template-content';
import { CUSTOM_FIELD_KEY, TEMPLATE_VARIABLES, type VariableNode } from './template-variables';

export interface TemplateProblem {
  readonly field: ContentField;
  readonly message: string;
  /** The unknown variable as written (`contact.firstName`), for a variable problem. */
  readonly variable?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface CompiledSource {
  readonly templates: Template[];
  /** Catalogue paths the source reads (`contact.displayName`), distinct, in order of use. */
  readonly variables: readonly string[];
  /** Custom field keys it names (`loyalty` for contact.customFields.loyalty). */
  readonly customFieldKeys: readonly string[];
}

export type CompileResult =
  | { readonly ok: true; readonly compiled: CompiledSource }
  | { readonly ok: false; readonly problems: readonly TemplateProblem[] };

/** Names no custom field may take: they would reach the object's prototype. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Members a list has in Liquid (size, and first/last for its elements). */
const LIST_MEMBERS = new Set(['first', 'last', 'size']);

/** The HTML part is escaped on output; every other field is plain text. */
export const engineOf = (field: ContentField, content: TemplateContent): EngineName =>
  content.channel === 'email' && field === 'html' ? 'html' : 'plain';

/** Parsed sources kept, by their total length (every live template version fits many times). */
const CACHE_CHARACTERS = 20_000_000;
const compiledSources = new Map<string, CompiledSource>();
let cachedCharacters = 0;

/**
 * The source parsed and checked. Sound sources are cached by their text (a send of thousands of
 * messages, or a page of template views, parses each once); problems are found afresh.
 */
export function compileSource(
  field: ContentField,
  source: string,
  engine: EngineName,
): CompileResult {
  const key = `${engine}\u0000${source}`;
  const hit = compiledSources.get(key);
  if (hit) return { ok: true, compiled: hit };
  const result = compileUncached(field, source, engine);
  if (result.ok) {
    // The oldest go first: a send renders the same few versions over and over.
    for (const old of compiledSources.keys()) {
      if (cachedCharacters + key.length <= CACHE_CHARACTERS) break;
      compiledSources.delete(old);
      cachedCharacters -= old.length;
    }
    compiledSources.set(key, result.compiled);
    cachedCharacters += key.length;
  }
  return result;
}

function compileUncached(field: ContentField, source: string, engine: EngineName): CompileResult {
  const liquid = ENGINES[engine];
  let templates: Template[];
  try {
    templates = liquid.parse(source);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(field, error)] };
  }
  const globals = liquid.analyzeSync(templates, { partials: false }).globals;
  const problems: TemplateProblem[] = [];
  const variables = new Set<string>();
  const customFieldKeys = new Set<string>();
  for (const references of Object.values(globals)) {
    for (const reference of references) {
      const verdict = judge(reference);
      if (verdict.ok) {
        variables.add(verdict.path);
        if (verdict.customFieldKey) customFieldKeys.add(verdict.customFieldKey);
        continue;
      }
      const { row, col } = reference.location;
      problems.push({
        field,
        variable: String(reference),
        line: row,
        column: col,
        message: `${verdict.reason} (line ${row}, column ${col})`,
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    compiled: { templates, variables: [...variables], customFieldKeys: [...customFieldKeys] },
  };
}

/** Every problem of every field of the content; empty when it may be saved. */
export function checkContent(content: TemplateContent): TemplateProblem[] {
  return sourcesOf(content).flatMap(([field, source]) => {
    const result = compileSource(field, source, engineOf(field, content));
    return result.ok ? [] : result.problems;
  });
}

/** The catalogue paths the content reads, over all its fields. */
export function variablesOf(content: TemplateContent): string[] {
  const paths = new Set<string>();
  for (const [field, source] of sourcesOf(content)) {
    const result = compileSource(field, source, engineOf(field, content));
    if (result.ok) for (const path of result.compiled.variables) paths.add(path);
  }
  return [...paths];
}

type Verdict = { ok: true; path: string; customFieldKey?: string } | { ok: false; reason: string };

/** Walks the reference's segments down the catalogue. */
function judge(reference: Variable): Verdict {
  const [root, ...rest] = reference.segments;
  const written = String(reference);
  if (typeof root !== 'string' || !Object.hasOwn(TEMPLATE_VARIABLES, root))
    return { ok: false, reason: `unknown variable ${written}` };
  let node: VariableNode = TEMPLATE_VARIABLES[root];
  let path = root;
  let customFieldKey: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const segment = rest[i];
    if (node.kind === 'group') {
      if (typeof segment !== 'string' || !Object.hasOwn(node.members, segment))
        return {
          ok: false,
          reason: `unknown variable ${written}: ${path} has no member ${label(segment)}`,
        };
      node = node.members[segment];
      path = `${path}.${segment}`;
      continue;
    }
    if (node.kind === 'family') {
      if (segment instanceof Variable) return { ok: true, path: `${path}.<key>` };
      if (
        typeof segment !== 'string' ||
        !CUSTOM_FIELD_KEY.test(segment) ||
        UNSAFE_KEYS.has(segment)
      )
        return {
          ok: false,
          reason: `unknown variable ${written}: ${label(segment)} is not a custom field key`,
        };
      customFieldKey = segment;
      node = node.member;
      path = `${path}.${segment}`;
      continue;
    }
    // A leaf: a list takes an index or first/last/size; any value takes size, and nothing else.
    const tail = rest.slice(i);
    if (leafTailAllowed(node.type, tail)) break;
    return { ok: false, reason: `unknown variable ${written}: ${path} is a ${node.type} value` };
  }
  return { ok: true, path, ...(customFieldKey ? { customFieldKey } : {}) };
}

function leafTailAllowed(type: string, tail: readonly unknown[]): boolean {
  const [first, second, ...more] = tail;
  if (more.length > 0) return false;
  if (type === 'string[]') {
    const element =
      typeof first === 'number' || (first !== 'size' && LIST_MEMBERS.has(String(first)));
    if (second === undefined) return element || first === 'size';
    return element && second === 'size';
  }
  return second === undefined && first === 'size';
}

function label(segment: unknown): string {
  return segment instanceof Variable ? `[${String(segment)}]` : `'${String(segment)}'`;
}

function syntaxProblem(field: ContentField, error: unknown): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = (
    error as { token?: { getPosition?: () => [number, number] } }
  ).token?.getPosition?.();
  return {
    field,
    message: `invalid Liquid: ${message}`.slice(0, 500),
    ...(position ? { line: position[0], column: position[1] } : {}),
  };
}
