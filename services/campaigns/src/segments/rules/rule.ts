/**
 * The segment rule language: the JSON a marketer's editor saves. A rule is a tree of `all` / `any`
 * / `not` over conditions `{ field, op, value }`; fields come from the field catalogue. Only
 * `validateRule` turns untrusted JSON into a `Rule`; the compilers trust what it returns.
 */

/** How deep `all` / `any` / `not` may nest (the root is depth 1): deeper trees are refused. */
export const MAX_RULE_DEPTH = 8;
/** How many conditions (leaves) one rule may hold, so one segment cannot make a huge query. */
export const MAX_RULE_CONDITIONS = 100;
/** How many values one list (in, not_in, contains_any, anyOf) may hold. */
export const MAX_LIST_VALUES = 100;
/** The longest text value a condition may compare with. */
export const MAX_TEXT_VALUE_LENGTH = 500;

export const OPERATORS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'contains',
  'contains_any',
  'contains_all',
  'exists',
  'within_last',
  'anniversary_within_next',
  'bought',
  'not_bought',
] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Condition {
  readonly field: string;
  readonly op: Operator;
  /** Its shape depends on the field's type and the operator (see README.md). */
  readonly value: unknown;
}

export interface AllRule {
  readonly all: readonly Rule[];
}
export interface AnyRule {
  readonly any: readonly Rule[];
}
export interface NotRule {
  readonly not: Rule;
}

export type Rule = AllRule | AnyRule | NotRule | Condition;

export function isAll(rule: Rule): rule is AllRule {
  return 'all' in rule;
}
export function isAny(rule: Rule): rule is AnyRule {
  return 'any' in rule;
}
export function isNot(rule: Rule): rule is NotRule {
  return 'not' in rule;
}
export function isCondition(rule: Rule): rule is Condition {
  return 'field' in rule;
}

/**
 * The parts "why each member matches" reports on: the children of a top-level `all` / `any`,
 * else the whole rule. Paths are the validator's (`rule.all[2]`).
 */
export function topLevelParts(rule: Rule): { path: string; rule: Rule }[] {
  if (isAll(rule)) return rule.all.map((r, i) => ({ path: `rule.all[${i}]`, rule: r }));
  if (isAny(rule)) return rule.any.map((r, i) => ({ path: `rule.any[${i}]`, rule: r }));
  return [{ path: 'rule', rule }];
}
