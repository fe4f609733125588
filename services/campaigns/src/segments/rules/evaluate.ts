/**
 * In-memory evaluation of a validated rule against one contact, with exactly the semantics of
 * compile-sql.ts (predicate.ts says which): the live membership engine re-evaluates one contact
 * after an event for every live segment, so a rule is compiled once to closures and each call
 * only reads the record. Relative windows are resolved per `now`, memoised per condition.
 */
import type { AudienceContact, AudienceRecord } from './audience-record';
import {
  toPredicate,
  type Comparison,
  type Predicate,
  type Scalar,
  type ValueSource,
} from './predicate';
import { anniversaryMonthDays, utcDay, windowStart, type Duration } from './relative-time';
import { topLevelParts, type Rule } from './rule';

type Test = (record: AudienceRecord, nowMs: number) => boolean;
type Read = (contact: AudienceContact) => Scalar | null;

export interface RuleEvaluator {
  /** Whether the contact matches the rule at `now`. */
  matches(record: AudienceRecord, now: Date): boolean;
  /** Per top-level part of the rule (topLevelParts), whether it holds: "why this member matches". */
  explain(record: AudienceRecord, now: Date): { path: string; matched: boolean }[];
}

/** Compiles a rule that validateRule accepted. */
export function compileEvaluator(rule: Rule): RuleEvaluator {
  const test = compile(toPredicate(rule));
  const parts = topLevelParts(rule).map(({ path, rule: part }) => ({
    path,
    test: compile(toPredicate(part)),
  }));
  return {
    matches: (record, now) => test(record, now.getTime()),
    explain: (record, now) =>
      parts.map((p) => ({ path: p.path, matched: p.test(record, now.getTime()) })),
  };
}

/** Own properties only: a custom field called `constructor` must not find Object's. */
function own(object: Readonly<Record<string, unknown>> | null | undefined, key: string): unknown {
  return object !== null &&
    typeof object === 'object' &&
    !Array.isArray(object) &&
    Object.hasOwn(object, key)
    ? object[key]
    : undefined;
}

function toMs(value: unknown): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string') return Date.parse(value);
  return null;
}

function reader(source: ValueSource): Read {
  switch (source.kind) {
    case 'column': {
      const prop = source.prop;
      if (source.type === 'instant') return (c) => toMs(c[prop]);
      return (c) => (c[prop] ?? null) as Scalar | null;
    }
    case 'is-set': {
      const prop = source.prop;
      return (c) => c[prop] !== null && c[prop] !== undefined;
    }
    case 'consent': {
      const channel = source.channel;
      return (c) => {
        const state = own(c.consent, channel);
        return typeof state === 'string' ? state : 'unknown';
      };
    }
    case 'json': {
      const { prop, key } = source;
      const jsType = source.type === 'number' ? 'number' : 'string';
      return (c) => {
        const v = own(c[prop], key);
        return typeof v === jsType ? (v as Scalar) : null;
      };
    }
  }
}

function comparator(op: Comparison, b: Scalar): (a: Scalar) => boolean {
  switch (op) {
    case 'eq':
      return (a) => a === b;
    case 'ne':
      return (a) => a !== b;
    case 'gt':
      return (a) => a > b;
    case 'gte':
      return (a) => a >= b;
    case 'lt':
      return (a) => a < b;
    case 'lte':
      return (a) => a <= b;
  }
}

/** Per-condition memo of what depends on `now` alone (cut-offs, anniversary days). */
function perNow<T>(compute: (nowMs: number) => T): (nowMs: number) => T {
  let lastMs = Number.NaN;
  let last: T;
  return (nowMs) => {
    if (nowMs !== lastMs) {
      last = compute(nowMs);
      lastMs = nowMs;
    }
    return last;
  };
}

function windowFrom(duration: Duration): (nowMs: number) => number {
  return perNow((nowMs) => windowStart(new Date(nowMs), duration).getTime());
}

function inWindow(
  at: number | null,
  window: Duration | null,
  from: ((nowMs: number) => number) | null,
  nowMs: number,
): boolean {
  if (!window || !from) return true;
  return at !== null && at >= from(nowMs) && at <= nowMs;
}

/** JSON scalar equality as jsonb has it: same type and value (1 is not "1"). */
function jsonScalarIn(values: readonly Scalar[], v: unknown): boolean {
  return (
    (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && values.includes(v)
  );
}

function compile(p: Predicate): Test {
  switch (p.kind) {
    case 'const': {
      const value = p.value;
      return () => value;
    }
    case 'and': {
      const items = p.items.map(compile);
      return (r, now) => items.every((t) => t(r, now));
    }
    case 'or': {
      const items = p.items.map(compile);
      return (r, now) => items.some((t) => t(r, now));
    }
    case 'not': {
      const item = compile(p.item);
      return (r, now) => !item(r, now);
    }
    case 'compare': {
      const read = reader(p.source);
      const holds = comparator(p.op, p.operand);
      return (r) => {
        const v = read(r.contact);
        return v !== null && holds(v);
      };
    }
    case 'between': {
      const read = reader(p.source);
      const { low, high } = p;
      return (r) => {
        const v = read(r.contact);
        return v !== null && v >= low && v <= high;
      };
    }
    case 'in': {
      const read = reader(p.source);
      const values = new Set<Scalar>(p.values);
      const negated = p.negated;
      return (r) => {
        const v = read(r.contact);
        return v !== null && values.has(v) !== negated;
      };
    }
    case 'text-contains': {
      const read = reader(p.source);
      const needle = p.needle.toLowerCase();
      return (r) => {
        const v = read(r.contact);
        return typeof v === 'string' && v.toLowerCase().includes(needle);
      };
    }
    case 'exists': {
      const read = reader(p.source);
      const present = p.present;
      return (r) => (read(r.contact) !== null) === present;
    }
    case 'within': {
      const read = reader(p.source);
      if (p.source.type === 'date') {
        const duration = p.duration;
        const bounds = perNow((nowMs) => {
          const now = new Date(nowMs);
          return [utcDay(windowStart(now, duration)), utcDay(now)] as const;
        });
        return (r, nowMs) => {
          const v = read(r.contact);
          const [from, to] = bounds(nowMs);
          return typeof v === 'string' && v >= from && v <= to;
        };
      }
      const from = windowFrom(p.duration);
      return (r, nowMs) => {
        const v = read(r.contact);
        return typeof v === 'number' && v >= from(nowMs) && v <= nowMs;
      };
    }
    case 'anniversary': {
      const read = reader(p.source);
      const duration = p.duration;
      const days = perNow((nowMs) => new Set(anniversaryMonthDays(new Date(nowMs), duration)));
      const isDate = p.source.type === 'date';
      return (r, nowMs) => {
        const v = read(r.contact);
        if (v === null) return false;
        const monthDay = isDate
          ? (v as string).slice(5)
          : new Date(v as number).toISOString().slice(5, 10);
        return days(nowMs).has(monthDay);
      };
    }
    case 'tags': {
      const values = p.values;
      if (p.mode === 'all') return (r) => values.every((t) => r.contact.tags.includes(t));
      return (r) => values.some((t) => r.contact.tags.includes(t));
    }
    case 'tags-exist': {
      const present = p.present;
      return (r) => r.contact.tags.length > 0 === present;
    }
    case 'custom-in': {
      const { key, values, negated } = p;
      return (r) => {
        const v = own(r.contact.customFields, key);
        if (v === undefined || v === null) return false;
        return jsonScalarIn(values, v) !== negated;
      };
    }
    case 'custom-contains': {
      const key = p.key;
      const needle = p.needle;
      const lowerNeedle = needle.toLowerCase();
      return (r) => {
        const v = own(r.contact.customFields, key);
        if (typeof v === 'string') return v.toLowerCase().includes(lowerNeedle);
        return Array.isArray(v) && v.includes(needle);
      };
    }
    case 'custom-exists': {
      const { key, present } = p;
      return (r) => {
        const v = own(r.contact.customFields, key);
        return (v !== undefined && v !== null) === present;
      };
    }
    case 'bought': {
      const ids = new Set(p.ids);
      const { window, negated } = p;
      const from = window ? windowFrom(window) : null;
      const dimension = p.dimension;
      const matchesLine =
        dimension === 'option'
          ? (l: AudienceRecord['lines'][number]) => l.options.some((o) => ids.has(o))
          : (l: AudienceRecord['lines'][number]) => {
              const v =
                dimension === 'product'
                  ? l.productId
                  : dimension === 'family'
                    ? l.productFamily
                    : l.sku;
              return v !== null && ids.has(v);
            };
      return (r, nowMs) =>
        r.lines.some(
          (l) =>
            l.status === 'placed' &&
            matchesLine(l) &&
            inWindow(toMs(l.orderedAt), window, from, nowMs),
        ) !== negated;
    }
    case 'order-count':
    case 'spend': {
      const { window, op, operands } = p;
      const from = window ? windowFrom(window) : null;
      const currency = p.kind === 'spend' ? p.currency : null;
      const holds = measureTest(op, operands);
      return (r, nowMs) => {
        let measure = 0;
        for (const o of r.orders) {
          if (o.status !== 'placed' || !inWindow(toMs(o.placedAt), window, from, nowMs)) continue;
          if (currency === null) measure += 1;
          else if (o.currency === currency && o.totalMinor !== null) measure += o.totalMinor;
        }
        return holds(measure);
      };
    }
    case 'deals': {
      const { status, window, amountIn } = p;
      const from = window ? windowFrom(window) : null;
      const stages = p.stages ? new Set(p.stages) : null;
      const holds = measureTest(p.op, p.operands);
      return (r, nowMs) => {
        let measure = 0;
        for (const d of r.deals) {
          if (d.status !== status) continue;
          if (stages && (d.stageId === null || !stages.has(d.stageId))) continue;
          if (!inWindow(toMs(d.updatedAt), window, from, nowMs)) continue;
          if (amountIn === null) measure += 1;
          else if (d.currency === amountIn && d.amountMinor !== null) measure += d.amountMinor;
        }
        return holds(measure);
      };
    }
  }
}

/** The comparison of an aggregate (a count, a sum) with the rule's operands. */
function measureTest(
  op: Comparison | 'between',
  operands: readonly number[],
): (n: number) => boolean {
  return op === 'between'
    ? (n) => n >= operands[0] && n <= operands[1]
    : (comparator(op, operands[0]) as (n: number) => boolean);
}
