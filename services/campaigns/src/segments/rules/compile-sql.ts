/**
 * Renders a validated rule as a WHERE clause over `<schema>.audience_contacts c`, for previews,
 * member lists and full re-evaluation. Every value is a bind parameter; column names come only
 * from the field catalogue. Relative windows are resolved here against the `now` passed in (the
 * injectable clock), never SQL now(), and bound, so the database and the in-memory evaluator use
 * the very same cut-offs. Every condition is COALESCE-d to a non-null boolean, which makes SQL's
 * three-valued logic the two-valued logic evaluate.ts implements.
 */
import { CAMPAIGNS_SCHEMA } from '../../infrastructure/schema';
import {
  toPredicate,
  type Comparison,
  type Predicate,
  type ValueKind,
  type ValueSource,
} from './predicate';
import { anniversaryMonthDays, utcDay, windowStart, type Duration } from './relative-time';
import { isAll, isAny, topLevelParts, type Rule } from './rule';

export interface CompileOptions {
  /** The 1-based placeholder the caller binds the tenant to (`1` for `$1`). */
  readonly tenantParam: number;
  /** "Now" from the injectable clock: relative windows end here. */
  readonly now: Date;
  /** The first placeholder number the rule's own parameters take; default tenantParam + 1. */
  readonly firstParam?: number;
  /** Schema of the audience tables; default `campaigns` (tests use a throw-away one). */
  readonly schema?: string;
}

export interface CompiledRule {
  /** `c.tenant = $<tenantParam> AND (...)`, over `<schema>.audience_contacts c`. */
  readonly where: string;
  /** The rule's parameters, to append after the caller's own (`$<firstParam>` onwards). */
  readonly params: unknown[];
  /**
   * "Why each member matches": one boolean SQL expression per top-level part of the rule
   * (topLevelParts: the children of a top-level all/any, else the whole rule), using the same
   * parameters as `where`, for the select list of a member query.
   */
  readonly parts: { readonly path: string; readonly sql: string }[];
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const SQL_OP: Record<Comparison, string> = {
  eq: '=',
  ne: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};
const CAST: Record<ValueKind, string> = {
  text: 'text',
  number: 'numeric',
  date: 'date',
  instant: 'timestamptz',
  boolean: 'boolean',
};

class Params {
  readonly values: unknown[] = [];
  constructor(private readonly first: number) {}

  /** A placeholder for `value`, cast so the planner never has to guess its type. */
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.first + this.values.length - 1}::${cast}`;
  }
}

/** Compiles a rule that validateRule accepted. */
export function compileRule(rule: Rule, options: CompileOptions): CompiledRule {
  const schema = options.schema ?? CAMPAIGNS_SCHEMA;
  if (!SCHEMA_NAME.test(schema)) throw new Error(`compileRule: not a plain schema name: ${schema}`);
  if (!Number.isSafeInteger(options.tenantParam) || options.tenantParam < 1) {
    throw new Error('compileRule: tenantParam must be a placeholder number (1 for $1)');
  }
  const params = new Params(options.firstParam ?? options.tenantParam + 1);
  const context: SqlContext = { params, schema, now: options.now };
  const parts = topLevelParts(rule).map(({ path, rule: part }) => ({
    path,
    sql: render(toPredicate(part), context),
  }));
  // The same parts the explain columns use, joined as the top-level group joins them.
  const joiner = isAll(rule) ? ' AND ' : isAny(rule) ? ' OR ' : null;
  const body =
    joiner === null
      ? parts[0].sql
      : parts.length === 0
        ? isAll(rule)
          ? 'TRUE'
          : 'FALSE'
        : `(${parts.map((p) => p.sql).join(joiner)})`;
  return { where: `c.tenant = $${options.tenantParam} AND ${body}`, params: params.values, parts };
}

interface SqlContext {
  readonly params: Params;
  readonly schema: string;
  readonly now: Date;
}

/** Never NULL: the whole point of the COALESCE in every leaf. */
function orFalse(sql: string): string {
  return `COALESCE(${sql}, false)`;
}

function value(source: ValueSource, ctx: SqlContext): string {
  switch (source.kind) {
    case 'column':
      return `c.${source.column}`;
    case 'is-set':
      return `(c.${source.column} IS NOT NULL)`;
    case 'consent': {
      const channel = ctx.params.add(source.channel, 'text');
      return `(CASE WHEN jsonb_typeof(c.consent -> ${channel}) = 'string' THEN c.consent ->> ${channel} ELSE 'unknown' END)`;
    }
    case 'json': {
      const key = ctx.params.add(source.key, 'text');
      const col = `c.${source.column}`;
      return source.type === 'number'
        ? `(CASE WHEN jsonb_typeof(${col} -> ${key}) = 'number' THEN (${col} ->> ${key})::numeric END)`
        : `(CASE WHEN jsonb_typeof(${col} -> ${key}) = 'string' THEN ${col} ->> ${key} END)`;
    }
  }
}

/** An operand of `source`'s kind as a bound parameter (instants travel as ISO text). */
function operand(source: ValueSource, raw: unknown, ctx: SqlContext): string {
  const bound = source.type === 'instant' ? new Date(raw as number).toISOString() : raw;
  return ctx.params.add(bound, CAST[source.type]);
}

function windowBounds(source: ValueSource, duration: Duration, ctx: SqlContext): [string, string] {
  const start = windowStart(ctx.now, duration);
  if (source.type === 'date') {
    return [ctx.params.add(utcDay(start), 'date'), ctx.params.add(utcDay(ctx.now), 'date')];
  }
  return [
    ctx.params.add(start.toISOString(), 'timestamptz'),
    ctx.params.add(ctx.now.toISOString(), 'timestamptz'),
  ];
}

function render(p: Predicate, ctx: SqlContext): string {
  switch (p.kind) {
    case 'const':
      return p.value ? 'TRUE' : 'FALSE';
    case 'and':
      return `(${p.items.map((i) => render(i, ctx)).join(' AND ')})`;
    case 'or':
      return `(${p.items.map((i) => render(i, ctx)).join(' OR ')})`;
    case 'not':
      return `(NOT ${render(p.item, ctx)})`;
    case 'compare':
      return orFalse(
        `${value(p.source, ctx)} ${SQL_OP[p.op]} ${operand(p.source, p.operand, ctx)}`,
      );
    case 'between':
      return orFalse(
        `${value(p.source, ctx)} BETWEEN ${operand(p.source, p.low, ctx)} AND ${operand(p.source, p.high, ctx)}`,
      );
    case 'in': {
      const list = ctx.params.add(p.values, 'text[]');
      return orFalse(
        p.negated
          ? `${value(p.source, ctx)} <> ALL(${list})`
          : `${value(p.source, ctx)} = ANY(${list})`,
      );
    }
    case 'text-contains':
      return orFalse(
        `strpos(lower(${value(p.source, ctx)}), lower(${ctx.params.add(p.needle, 'text')})) > 0`,
      );
    case 'exists':
      return `(${value(p.source, ctx)} IS ${p.present ? 'NOT ' : ''}NULL)`;
    case 'within': {
      const x = value(p.source, ctx);
      const [from, to] = windowBounds(p.source, p.duration, ctx);
      return orFalse(`${x} >= ${from} AND ${x} <= ${to}`);
    }
    case 'anniversary': {
      const x = value(p.source, ctx);
      const day =
        p.source.type === 'date'
          ? `to_char(${x}, 'MM-DD')`
          : `to_char(${x} AT TIME ZONE 'UTC', 'MM-DD')`;
      return orFalse(
        `${day} = ANY(${ctx.params.add(anniversaryMonthDays(ctx.now, p.duration), 'text[]')})`,
      );
    }
    case 'tags':
      return orFalse(
        `c.tags ${p.mode === 'all' ? '@>' : '&&'} ${ctx.params.add(p.values, 'text[]')}`,
      );
    case 'tags-exist':
      return orFalse(`cardinality(c.tags) ${p.present ? '>' : '='} 0`);
    case 'custom-in': {
      const x = `(c.custom_fields -> ${ctx.params.add(p.key, 'text')})`;
      const member = `${ctx.params.add(JSON.stringify(p.values), 'jsonb')} @> jsonb_build_array(${x})`;
      return orFalse(p.negated ? `jsonb_typeof(${x}) <> 'null' AND NOT (${member})` : member);
    }
    case 'custom-contains': {
      const key = ctx.params.add(p.key, 'text');
      const x = `(c.custom_fields -> ${key})`;
      return orFalse(
        `CASE jsonb_typeof(${x}) WHEN 'string' THEN strpos(lower(c.custom_fields ->> ${key}), lower(${ctx.params.add(p.needle, 'text')})) > 0 ` +
          `WHEN 'array' THEN ${x} @> jsonb_build_array(${ctx.params.add(p.needle, 'text')}) ELSE false END`,
      );
    }
    case 'custom-exists': {
      const present = orFalse(
        `jsonb_typeof(c.custom_fields -> ${ctx.params.add(p.key, 'text')}) <> 'null'`,
      );
      return p.present ? present : `(NOT ${present})`;
    }
    case 'bought': {
      const match =
        p.dimension === 'option'
          ? `l.options && ${ctx.params.add(p.ids, 'text[]')}`
          : `l.${LINE_COLUMN[p.dimension]} = ANY(${ctx.params.add(p.ids, 'text[]')})`;
      const exists =
        `EXISTS (SELECT 1 FROM ${ctx.schema}.audience_order_lines l WHERE l.tenant = c.tenant AND l.contact_id = c.contact_id ` +
        `AND l.status = 'placed' AND ${match}${timeWindow('l.ordered_at', p.window, ctx)})`;
      return p.negated ? `(NOT ${exists})` : exists;
    }
    case 'order-count':
      return aggregate('count(*)', '', p.op, p.operands, p.window, ctx);
    case 'spend':
      return aggregate(
        'COALESCE(sum(o.total_minor), 0)',
        ` AND o.currency = ${ctx.params.add(p.currency, 'text')}`,
        p.op,
        p.operands,
        p.window,
        ctx,
      );
    case 'deals':
      return deals(p, ctx);
  }
}

/** The statuses as SQL literals: from the catalogue, never from a rule. */
const DEAL_STATUS_SQL = { open: "'open'", won: "'won'", lost: "'lost'" } as const;

function deals(p: Extract<Predicate, { kind: 'deals' }>, ctx: SqlContext): string {
  const measure = p.amountIn === null ? 'count(*)' : 'COALESCE(sum(d.amount_minor), 0)';
  const currency =
    p.amountIn === null ? '' : ` AND d.currency = ${ctx.params.add(p.amountIn, 'text')}`;
  const stages = p.stages ? ` AND d.stage_id = ANY(${ctx.params.add(p.stages, 'text[]')})` : '';
  const sub =
    `(SELECT ${measure} FROM ${ctx.schema}.audience_deals d WHERE d.tenant = c.tenant AND d.contact_id = c.contact_id ` +
    `AND d.status = ${DEAL_STATUS_SQL[p.status]}${currency}${stages}${timeWindow('d.updated_at', p.window, ctx)})`;
  return orFalse(`${sub} ${comparison(p.op, p.operands, ctx)}`);
}

/** `op operands` against a measure, the operands bound as numerics. */
function comparison(
  op: Comparison | 'between',
  operands: readonly number[],
  ctx: SqlContext,
): string {
  return op === 'between'
    ? `BETWEEN ${ctx.params.add(operands[0], 'numeric')} AND ${ctx.params.add(operands[1], 'numeric')}`
    : `${SQL_OP[op]} ${ctx.params.add(operands[0], 'numeric')}`;
}

const LINE_COLUMN = { product: 'product_id', family: 'product_family', sku: 'sku' } as const;

function timeWindow(column: string, window: Duration | null, ctx: SqlContext): string {
  if (!window) return '';
  const from = ctx.params.add(windowStart(ctx.now, window).toISOString(), 'timestamptz');
  const to = ctx.params.add(ctx.now.toISOString(), 'timestamptz');
  return ` AND ${column} >= ${from} AND ${column} <= ${to}`;
}

function aggregate(
  measure: string,
  filter: string,
  op: Comparison | 'between',
  operands: readonly number[],
  window: Duration | null,
  ctx: SqlContext,
): string {
  const sub =
    `(SELECT ${measure} FROM ${ctx.schema}.audience_orders o WHERE o.tenant = c.tenant AND o.contact_id = c.contact_id ` +
    `AND o.status = 'placed'${filter}${timeWindow('o.placed_at', window, ctx)})`;
  return orFalse(`${sub} ${comparison(op, operands, ctx)}`);
}
