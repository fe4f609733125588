/**
 * A validated rule lowered to typed predicates: what each condition means, decided once, so the
 * SQL compiler and the in-memory evaluator are two renderings of the same meaning (and the
 * property test can hold them to it). Relative windows stay durations here; both renderers
 * resolve them against the `now` they are given, with relative-time.ts.
 *
 * Semantics (both renderers): two-valued. A condition on a missing value is false, whatever the
 * operator (ne and not_in included); only `exists: false` is true for it; `not` is the plain
 * complement of its rule. SQL gets there by COALESCE-ing every condition to false.
 */
import {
  findField,
  type CatalogueField,
  type ContactProp,
  type DealStatus,
  type PurchaseDimension,
} from './field-catalogue';
import { instantMs, parseDuration, type Duration } from './relative-time';
import { isAll, isAny, isNot, type Condition, type Rule } from './rule';

export type Scalar = string | number | boolean;
export type Comparison = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
/** text: exact; number; date: `YYYY-MM-DD`; instant: epoch milliseconds; boolean. */
export type ValueKind = 'text' | 'number' | 'date' | 'instant' | 'boolean';

/** A typed, possibly missing value of the contact row. */
export type ValueSource =
  | {
      readonly kind: 'column';
      readonly column: string;
      readonly prop: ContactProp;
      readonly type: ValueKind;
    }
  | {
      readonly kind: 'is-set';
      readonly column: string;
      readonly prop: ContactProp;
      readonly type: 'boolean';
    }
  | { readonly kind: 'consent'; readonly channel: string; readonly type: 'text' }
  /** A key of a JSON column, missing unless its JSON type is `type`'s. */
  | {
      readonly kind: 'json';
      readonly column: 'scores' | 'custom_fields';
      readonly prop: 'scores' | 'customFields';
      readonly key: string;
      readonly type: 'number' | 'text';
    };

export type Predicate =
  | { readonly kind: 'const'; readonly value: boolean }
  | { readonly kind: 'and' | 'or'; readonly items: readonly Predicate[] }
  | { readonly kind: 'not'; readonly item: Predicate }
  | {
      readonly kind: 'compare';
      readonly source: ValueSource;
      readonly op: Comparison;
      readonly operand: Scalar;
    }
  | {
      readonly kind: 'between';
      readonly source: ValueSource;
      readonly low: Scalar;
      readonly high: Scalar;
    }
  | {
      readonly kind: 'in';
      readonly source: ValueSource;
      readonly values: readonly string[];
      readonly negated: boolean;
    }
  | { readonly kind: 'text-contains'; readonly source: ValueSource; readonly needle: string }
  | { readonly kind: 'exists'; readonly source: ValueSource; readonly present: boolean }
  | { readonly kind: 'within'; readonly source: ValueSource; readonly duration: Duration }
  | { readonly kind: 'anniversary'; readonly source: ValueSource; readonly duration: Duration }
  | { readonly kind: 'tags'; readonly mode: 'any' | 'all'; readonly values: readonly string[] }
  | { readonly kind: 'tags-exist'; readonly present: boolean }
  /** Custom field equal (JSON scalar equality, 1 is not "1") to one of `values`. */
  | {
      readonly kind: 'custom-in';
      readonly key: string;
      readonly values: readonly Scalar[];
      readonly negated: boolean;
    }
  | { readonly kind: 'custom-contains'; readonly key: string; readonly needle: string }
  | { readonly kind: 'custom-exists'; readonly key: string; readonly present: boolean }
  | {
      readonly kind: 'bought';
      readonly dimension: PurchaseDimension;
      readonly ids: readonly string[];
      readonly window: Duration | null;
      readonly negated: boolean;
    }
  | {
      readonly kind: 'order-count';
      readonly op: Comparison | 'between';
      readonly operands: readonly number[];
      readonly window: Duration | null;
    }
  | {
      readonly kind: 'spend';
      readonly op: Comparison | 'between';
      readonly operands: readonly number[];
      readonly currency: string;
      readonly window: Duration | null;
    }
  /**
   * The contact's deals of `status` (only those in `stages` when given, last changed within
   * `window` when given), counted, or with `amountIn` their amounts in that currency summed.
   */
  | {
      readonly kind: 'deals';
      readonly status: DealStatus;
      readonly op: Comparison | 'between';
      readonly operands: readonly number[];
      readonly amountIn: string | null;
      readonly stages: readonly string[] | null;
      readonly window: Duration | null;
    };

/** Lowers a rule `validateRule` accepted; anything else is a programming error and throws. */
export function toPredicate(rule: Rule): Predicate {
  if (isAll(rule))
    return rule.all.length
      ? { kind: 'and', items: rule.all.map(toPredicate) }
      : { kind: 'const', value: true };
  if (isAny(rule))
    return rule.any.length
      ? { kind: 'or', items: rule.any.map(toPredicate) }
      : { kind: 'const', value: false };
  if (isNot(rule)) return { kind: 'not', item: toPredicate(rule.not) };
  return conditionPredicate(rule);
}

function mustFind(key: string): CatalogueField {
  const field = findField(key);
  if (!field) throw new Error(`toPredicate: unknown field ${key} (validate the rule first)`);
  return field;
}

function duration(raw: unknown, forAnniversary = false): Duration {
  const parsed = parseDuration(raw, forAnniversary);
  if (!parsed)
    throw new Error(`toPredicate: bad duration ${String(raw)} (validate the rule first)`);
  return parsed;
}

function windowOf(value: { within?: unknown }): Duration | null {
  return value.within === undefined ? null : duration(value.within);
}

function aggregateOperands(op: string, amount: unknown): number[] {
  return op === 'between' ? (amount as number[]) : [amount as number];
}

function conditionPredicate(condition: Condition): Predicate {
  const field = mustFind(condition.field);
  const { op, value } = condition;
  const source = field.source;
  switch (source.kind) {
    case 'purchase-line': {
      const v = value as { anyOf: string[]; within?: string };
      return {
        kind: 'bought',
        dimension: source.dimension,
        ids: v.anyOf,
        window: windowOf(v),
        negated: op === 'not_bought',
      };
    }
    case 'order-count': {
      const v = value as { count: number | number[]; within?: string };
      return {
        kind: 'order-count',
        op: op as Comparison | 'between',
        operands: aggregateOperands(op, v.count),
        window: windowOf(v),
      };
    }
    case 'spend': {
      const v = value as { amountMinor: number | number[]; currency: string; within?: string };
      return {
        kind: 'spend',
        op: op as Comparison | 'between',
        operands: aggregateOperands(op, v.amountMinor),
        currency: v.currency,
        window: windowOf(v),
      };
    }
    case 'deals': {
      const v = value as {
        count?: number | number[];
        amountMinor?: number | number[];
        currency?: string;
        stageIn?: string[];
        within?: string;
      };
      const amount = source.measure === 'amount';
      return {
        kind: 'deals',
        status: source.status,
        op: op as Comparison | 'between',
        operands: aggregateOperands(op, amount ? v.amountMinor : v.count),
        amountIn: amount ? (v.currency as string) : null,
        stages: v.stageIn ?? null,
        window: windowOf(v),
      };
    }
    case 'tags':
      if (op === 'exists') return { kind: 'tags-exist', present: value as boolean };
      if (op === 'contains') return { kind: 'tags', mode: 'any', values: [value as string] };
      return {
        kind: 'tags',
        mode: op === 'contains_all' ? 'all' : 'any',
        values: value as string[],
      };
    case 'custom':
      return customPredicate(source.key, condition);
    case 'column':
      return scalarPredicate(
        { kind: 'column', column: source.column, prop: source.prop, type: kindOf(field) },
        condition,
      );
    case 'is-set':
      return scalarPredicate(
        { kind: 'is-set', column: source.column, prop: source.prop, type: 'boolean' },
        condition,
      );
    case 'consent':
      return scalarPredicate({ kind: 'consent', channel: source.channel, type: 'text' }, condition);
    case 'score':
      return scalarPredicate(
        {
          kind: 'json',
          column: 'scores',
          prop: 'scores',
          key: source.key,
          type: source.as === 'number' ? 'number' : 'text',
        },
        condition,
      );
  }
}

function kindOf(field: CatalogueField): ValueKind {
  switch (field.type) {
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'timestamp':
      return 'instant';
    case 'boolean':
      return 'boolean';
    default:
      return 'text';
  }
}

function operand(source: ValueSource, raw: unknown): Scalar {
  return source.type === 'instant' ? instantMs(raw as string) : (raw as Scalar);
}

function scalarPredicate(source: ValueSource, { op, value }: Condition): Predicate {
  switch (op) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { kind: 'compare', source, op, operand: operand(source, value) };
    case 'between': {
      const [low, high] = value as unknown[];
      return { kind: 'between', source, low: operand(source, low), high: operand(source, high) };
    }
    case 'in':
    case 'not_in':
      return { kind: 'in', source, values: value as string[], negated: op === 'not_in' };
    case 'contains':
      return { kind: 'text-contains', source, needle: value as string };
    case 'exists':
      return { kind: 'exists', source, present: value as boolean };
    case 'within_last':
      return { kind: 'within', source, duration: duration(value) };
    case 'anniversary_within_next':
      return { kind: 'anniversary', source, duration: duration(value, true) };
    default:
      throw new Error(`toPredicate: operator ${op} on a scalar field (validate the rule first)`);
  }
}

function customPredicate(key: string, condition: Condition): Predicate {
  const { op, value } = condition;
  switch (op) {
    case 'eq':
    case 'ne':
      return { kind: 'custom-in', key, values: [value as Scalar], negated: op === 'ne' };
    case 'in':
    case 'not_in':
      return { kind: 'custom-in', key, values: value as Scalar[], negated: op === 'not_in' };
    case 'contains':
      return { kind: 'custom-contains', key, needle: value as string };
    case 'exists':
      return { kind: 'custom-exists', key, present: value as boolean };
    default:
      return scalarPredicate(
        { kind: 'json', column: 'custom_fields', prop: 'customFields', key, type: 'number' },
        condition,
      );
  }
}
