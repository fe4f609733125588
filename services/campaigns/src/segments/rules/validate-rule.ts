/**
 * The one gate from untrusted JSON to a `Rule`: every problem is reported with its path inside the
 * rule (`rule.all[2].op`) so a 422 can say exactly what to fix. Never throws, whatever the input
 * (any JSON, deep, huge, odd keys): depth, size and error count are bounded before recursing.
 */
import { parseCalendarDate, parseCurrency, parseInstant } from '@crm/values';
import { findField, type CatalogueField } from './field-catalogue';
import { instantMs, parseDuration } from './relative-time';
import {
  MAX_LIST_VALUES,
  MAX_RULE_CONDITIONS,
  MAX_RULE_DEPTH,
  MAX_TEXT_VALUE_LENGTH,
  OPERATORS,
  type Condition,
  type Operator,
  type Rule,
} from './rule';

export interface RuleError {
  readonly path: string;
  readonly detail: string;
}

export type RuleValidation =
  { readonly ok: true; readonly rule: Rule } | { readonly ok: false; readonly errors: RuleError[] };

/** Enough to fix a rule; more would only repeat the same mistake. */
const MAX_ERRORS = 50;

class Collector {
  readonly errors: RuleError[] = [];
  conditions = 0;
  tooMany = false;

  add(path: string, detail: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, detail });
  }

  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }
}

export function validateRule(input: unknown): RuleValidation {
  const errors = new Collector();
  try {
    const rule = node(input, 'rule', 1, errors);
    if (errors.errors.length > 0 || !rule) {
      return {
        ok: false,
        errors: errors.errors.length ? errors.errors : [{ path: 'rule', detail: 'invalid rule' }],
      };
    }
    return { ok: true, rule };
  } catch {
    // Defensive: nothing above should throw, but a validator must answer, not crash.
    return { ok: false, errors: [{ path: 'rule', detail: 'the rule could not be read' }] };
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value}`;
}

const NODE_KEYS = ['all', 'any', 'not', 'field'] as const;

function node(input: unknown, path: string, depth: number, errors: Collector): Rule | null {
  if (errors.full) return null;
  if (!isPlainObject(input)) {
    errors.add(
      path,
      `must be an object with "all", "any", "not" or "field", not ${describeJson(input)}`,
    );
    return null;
  }
  if (depth > MAX_RULE_DEPTH) {
    errors.add(path, `the rule nests deeper than ${MAX_RULE_DEPTH} levels`);
    return null;
  }
  const kinds = NODE_KEYS.filter((k) => Object.hasOwn(input, k));
  if (kinds.length !== 1) {
    errors.add(
      path,
      kinds.length === 0
        ? 'must have one of "all", "any", "not" or "field"'
        : `must have only one of "all", "any", "not" or "field", not ${kinds.map((k) => `"${k}"`).join(' and ')}`,
    );
    return null;
  }
  const kind = kinds[0];
  if (kind === 'field') return condition(input, path, errors);
  for (const key of Object.keys(input)) {
    if (key !== kind) errors.add(`${path}.${key}`, `unknown key "${key}" next to "${kind}"`);
  }
  if (kind === 'not') {
    const inner = node(input.not, `${path}.not`, depth + 1, errors);
    return inner ? { not: inner } : null;
  }
  const list = input[kind];
  if (!Array.isArray(list)) {
    errors.add(`${path}.${kind}`, `must be a list of rules, not ${describeJson(list)}`);
    return null;
  }
  const children: Rule[] = [];
  for (let i = 0; i < list.length && !errors.full && !errors.tooMany; i += 1) {
    const child = node(list[i], `${path}.${kind}[${i}]`, depth + 1, errors);
    if (child) children.push(child);
  }
  return kind === 'all' ? { all: children } : { any: children };
}

const CONDITION_KEYS = new Set(['field', 'op', 'value']);

function condition(
  input: Record<string, unknown>,
  path: string,
  errors: Collector,
): Condition | null {
  errors.conditions += 1;
  if (errors.conditions > MAX_RULE_CONDITIONS) {
    if (!errors.tooMany)
      errors.add('rule', `a rule may hold at most ${MAX_RULE_CONDITIONS} conditions`);
    errors.tooMany = true;
    return null;
  }
  for (const key of Object.keys(input)) {
    if (!CONDITION_KEYS.has(key))
      errors.add(`${path}.${key}`, `unknown key "${key}" in a condition (field, op, value)`);
  }
  const { field: fieldKey, op } = input;
  if (typeof fieldKey !== 'string') {
    errors.add(`${path}.field`, `must be a field key (text), not ${describeJson(fieldKey)}`);
    return null;
  }
  const field = findField(fieldKey);
  if (!field) {
    errors.add(
      `${path}.field`,
      `unknown field "${fieldKey.slice(0, 100)}" (see GET /segments/fields)`,
    );
    return null;
  }
  if (typeof op !== 'string' || !(OPERATORS as readonly string[]).includes(op)) {
    errors.add(`${path}.op`, `must be one of ${OPERATORS.join(', ')}`);
    return null;
  }
  if (!field.operators.includes(op as Operator)) {
    errors.add(
      `${path}.op`,
      `operator "${op}" does not apply to ${field.type} field "${field.key}" (allowed: ${field.operators.join(', ')})`,
    );
    return null;
  }
  const valuePath = `${path}.value`;
  const before = errors.errors.length;
  const value = checkValue(field, op as Operator, input.value, valuePath, errors);
  if (errors.errors.length > before) return null;
  return { field: field.key, op: op as Operator, value };
}

/** Returns the value to keep (exists without a value becomes `true`); reports what is wrong. */
function checkValue(
  field: CatalogueField,
  op: Operator,
  value: unknown,
  path: string,
  errors: Collector,
): unknown {
  switch (field.valueShape) {
    case 'purchase-match':
      return checkPurchaseMatch(value, path, errors);
    case 'order-count':
      return checkAggregate(value, path, errors, op, 'count', ['within']);
    case 'spend':
      return checkAggregate(value, path, errors, op, 'amountMinor', ['currency', 'within']);
    case 'open-deal-count':
      return checkAggregate(value, path, errors, op, 'count', ['stageIn']);
    case 'open-deal-amount':
      return checkAggregate(value, path, errors, op, 'amountMinor', ['currency', 'stageIn']);
    case 'closed-deal-count':
      return checkAggregate(value, path, errors, op, 'count', ['within']);
    case 'scalar':
      return checkScalarValue(field, op, value, path, errors);
  }
}

type Kind =
  'text' | 'enum' | 'number' | 'date' | 'instant' | 'boolean' | 'custom' | 'custom-number';

function scalarKind(field: CatalogueField, op: Operator): Kind {
  switch (field.type) {
    case 'enum':
      return 'enum';
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'timestamp':
      return 'instant';
    case 'boolean':
      return 'boolean';
    case 'custom':
      return ['gt', 'gte', 'lt', 'lte', 'between'].includes(op) ? 'custom-number' : 'custom';
    default:
      return 'text';
  }
}

function checkScalarValue(
  field: CatalogueField,
  op: Operator,
  value: unknown,
  path: string,
  errors: Collector,
): unknown {
  switch (op) {
    case 'exists':
      if (value === undefined) return true;
      if (typeof value !== 'boolean')
        errors.add(path, 'must be true (has a value) or false (has none)');
      return value;
    case 'within_last':
    case 'anniversary_within_next': {
      const forAnniversary = op === 'anniversary_within_next';
      if (!parseDuration(value, forAnniversary)) {
        errors.add(
          path,
          `must be a duration such as "30d", "12w", "6m" or "1y" (at most ${forAnniversary ? 'a year' : 'ten years'})`,
        );
      }
      return value;
    }
    case 'contains':
      checkText(value, path, errors);
      return value;
    case 'contains_any':
    case 'contains_all':
    case 'in':
    case 'not_in':
      if (checkList(value, path, errors)) {
        const kind = op === 'in' || op === 'not_in' ? scalarKind(field, op) : 'text';
        value.forEach((item, i) => checkScalar(field, kind, item, `${path}[${i}]`, errors));
      }
      return value;
    case 'between': {
      if (!Array.isArray(value) || value.length !== 2) {
        errors.add(path, 'must be a list of two values [low, high] (both included)');
        return value;
      }
      const kind = scalarKind(field, op);
      const low = checkScalar(field, kind, value[0], `${path}[0]`, errors);
      const high = checkScalar(field, kind, value[1], `${path}[1]`, errors);
      if (low !== null && high !== null && orderKey(kind, low) > orderKey(kind, high)) {
        errors.add(path, 'the low end must not be above the high end');
      }
      return value;
    }
    default:
      checkScalar(field, scalarKind(field, op), value, path, errors);
      return value;
  }
}

function orderKey(kind: Kind, value: string | number | boolean): number | string {
  if (kind === 'instant') return instantMs(value as string);
  return value as number | string;
}

function checkList(value: unknown, path: string, errors: Collector): value is unknown[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_LIST_VALUES) {
    errors.add(path, `must be a list of 1 to ${MAX_LIST_VALUES} values`);
    return false;
  }
  return true;
}

/** In a `u` regex a lone surrogate is a code point of category Cs; a valid pair is not. */
const LONE_SURROGATE = /\p{Cs}/u;

function checkText(value: unknown, path: string, errors: Collector): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TEXT_VALUE_LENGTH) {
    errors.add(path, `must be text of 1 to ${MAX_TEXT_VALUE_LENGTH} characters`);
    return false;
  }
  // PostgreSQL text cannot hold NUL: the query would fail instead of answering.
  if (value.includes('\u0000')) {
    errors.add(path, 'must not contain the NUL character');
    return false;
  }
  // Nor can jsonb hold half a surrogate pair (a custom field value travels as JSON).
  if (LONE_SURROGATE.test(value)) {
    errors.add(path, 'must be valid Unicode text (no unpaired surrogate)');
    return false;
  }
  return true;
}

/** Checks one scalar against the field; returns it when usable for ordering, else null. */
function checkScalar(
  field: CatalogueField,
  kind: Kind,
  value: unknown,
  path: string,
  errors: Collector,
): string | number | boolean | null {
  switch (kind) {
    case 'text':
      return checkText(value, path, errors) ? value : null;
    case 'enum':
      if (typeof value !== 'string' || !field.values?.includes(value)) {
        errors.add(path, `must be one of ${field.values?.join(', ')} for "${field.key}"`);
        return null;
      }
      return value;
    case 'number':
    case 'custom-number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        errors.add(path, 'must be a number');
        return null;
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') {
        errors.add(path, 'must be true or false');
        return null;
      }
      return value;
    case 'date':
    case 'instant': {
      const isDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
      const ok =
        kind === 'date' || isDay
          ? parses(() => parseCalendarDate(value), path, errors, 'must be a date YYYY-MM-DD')
          : parses(
              () => parseInstant(value),
              path,
              errors,
              'must be an ISO-8601 date-time with an offset (2026-11-23T09:00:00Z) or a date YYYY-MM-DD',
            );
      // @crm/values also refuses what PostgreSQL cannot store (year 0, beyond 9999 in UTC).
      if (!ok) return null;
      return value as string;
    }
    case 'custom':
      if (typeof value === 'string') return checkText(value, path, errors) ? value : null;
      if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean')
        return value;
      errors.add(path, 'must be text, a number or true/false');
      return null;
  }
}

function parses(parse: () => unknown, path: string, errors: Collector, detail: string): boolean {
  try {
    parse();
    return true;
  } catch {
    errors.add(path, detail);
    return false;
  }
}

function checkKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  errors: Collector,
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      errors.add(`${path}.${key}`, `unknown key "${key}" (allowed: ${allowed.join(', ')})`);
  }
}

function checkWindow(value: Record<string, unknown>, path: string, errors: Collector): void {
  if (value.within !== undefined && !parseDuration(value.within)) {
    errors.add(
      `${path}.within`,
      'must be a duration such as "30d", "12w", "6m" or "1y" (at most ten years)',
    );
  }
}

function checkPurchaseMatch(value: unknown, path: string, errors: Collector): unknown {
  if (!isPlainObject(value)) {
    errors.add(path, 'must be an object { anyOf: [ids...], within?: "30d" }');
    return value;
  }
  checkKeys(value, ['anyOf', 'within'], path, errors);
  if (checkList(value.anyOf, `${path}.anyOf`, errors)) {
    value.anyOf.forEach((id, i) => checkText(id, `${path}.anyOf[${i}]`, errors));
  }
  checkWindow(value, path, errors);
  return value;
}

/** The keys an aggregate value may have besides its amount, as its shape shows them. */
const AGGREGATE_KEY_SHAPES = {
  currency: 'currency: "EUR"',
  within: 'within?: "30d"',
  stageIn: 'stageIn?: [stage ids...]',
} as const;
type AggregateKey = keyof typeof AGGREGATE_KEY_SHAPES;

function checkAggregate(
  value: unknown,
  path: string,
  errors: Collector,
  op: Operator,
  amountKey: 'count' | 'amountMinor',
  otherKeys: readonly AggregateKey[],
): unknown {
  const shape = `{ ${[`${amountKey}: n`, ...otherKeys.map((k) => AGGREGATE_KEY_SHAPES[k])].join(', ')} }`;
  if (!isPlainObject(value)) {
    errors.add(path, `must be an object ${shape} (between: [low, high] instead of n)`);
    return value;
  }
  checkKeys(value, [amountKey, ...otherKeys], path, errors);
  const amount = value[amountKey];
  const amountPath = `${path}.${amountKey}`;
  const isAmount = (n: unknown): n is number =>
    typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (op === 'between') {
    if (!Array.isArray(amount) || amount.length !== 2 || !amount.every(isAmount)) {
      errors.add(
        amountPath,
        'must be [low, high]: two whole numbers of at least 0 (both included)',
      );
    } else if (amount[0] > amount[1]) {
      errors.add(amountPath, 'the low end must not be above the high end');
    }
  } else if (!isAmount(amount)) {
    errors.add(
      amountPath,
      `must be a whole number of at least 0${amountKey === 'amountMinor' ? ' (minor units: cents)' : ''}`,
    );
  }
  if (amountKey === 'amountMinor') {
    parses(
      () => parseCurrency(value.currency),
      `${path}.currency`,
      errors,
      'must be an ISO 4217 currency code such as EUR',
    );
  }
  if (otherKeys.includes('stageIn') && value.stageIn !== undefined) {
    if (checkList(value.stageIn, `${path}.stageIn`, errors)) {
      value.stageIn.forEach((id, i) => checkText(id, `${path}.stageIn[${i}]`, errors));
    }
  }
  if (otherKeys.includes('within')) checkWindow(value, path, errors);
  return value;
}
