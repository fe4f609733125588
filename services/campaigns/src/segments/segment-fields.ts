/**
 * GET /segments/fields: the rule field catalogue (rules/field-catalogue.ts) shaped for a UI's rule
 * editor: fields by group with types, enum values and operators, what each operator's value looks
 * like, and the custom field and score keys this tenant's audience actually holds (each offered
 * as a ready field), so the editor can suggest `customFields.<key>` without guessing.
 */
import { Inject, Injectable } from '@nestjs/common';
import { PG_POOL } from '@crm/platform';
import type { Pool } from 'pg';
import { S } from '../infrastructure/read-model-part';
import {
  describeFields,
  FIELD_GROUPS,
  findField,
  type FieldDescription,
  type FieldGroup,
} from './rules/field-catalogue';
import { OPERATORS, type Operator } from './rules/rule';

/** At most this many distinct custom field (and score) keys are offered. */
export const MAX_OFFERED_KEYS = 500;

/** What the editor shows for an operator and what `value` it needs (README.md has the details). */
const OPERATOR_HINTS: Record<Operator, { label: string; value: string }> = {
  eq: { label: 'is', value: 'a value of the field type' },
  ne: { label: 'is not', value: 'a value of the field type' },
  in: { label: 'is one of', value: 'a list of values' },
  not_in: { label: 'is none of', value: 'a list of values' },
  gt: { label: 'is greater than / after', value: 'a value of the field type' },
  gte: { label: 'is at least / on or after', value: 'a value of the field type' },
  lt: { label: 'is less than / before', value: 'a value of the field type' },
  lte: { label: 'is at most / on or before', value: 'a value of the field type' },
  between: { label: 'is between', value: '[low, high], both included' },
  contains: { label: 'contains', value: 'a text (any case), or one list item' },
  contains_any: { label: 'contains any of', value: 'a list of values' },
  contains_all: { label: 'contains all of', value: 'a list of values' },
  exists: { label: 'has a value', value: 'true (has one) or false (has none)' },
  within_last: { label: 'within the last', value: 'a duration: "30d", "12w", "6m", "1y"' },
  anniversary_within_next: {
    label: 'has an anniversary within the next',
    value: 'a duration of at most a year: "7d"',
  },
  bought: { label: 'bought', value: 'an object: { anyOf: [...], within?: "30d" }' },
  not_bought: { label: 'never bought', value: 'an object: { anyOf: [...], within?: "30d" }' },
};

export interface FieldCatalogueView {
  groups: { group: FieldGroup; fields: FieldDescription[] }[];
  operators: { op: Operator; label: string; value: string }[];
  /** Custom field keys present in the tenant's audience, sorted. */
  customFieldKeys: string[];
  /** Score names present in the tenant's audience, sorted. */
  scoreKeys: string[];
}

@Injectable()
export class SegmentFields {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async catalogue(tenant: string): Promise<FieldCatalogueView> {
    const [customFieldKeys, scoreKeys] = await Promise.all([
      this.keysOf(tenant, 'custom_fields'),
      this.keysOf(tenant, 'scores'),
    ]);
    const fields = describeFields();
    const known = new Set(fields.map((f) => f.key));
    const present = [
      ...scoreKeys.map((k) => `scores.${k}`),
      ...customFieldKeys.map((k) => `customFields.${k}`),
    ]
      .filter((key) => !known.has(key))
      .map(findField)
      .filter((f) => f !== null)
      .map(({ source: _internal, ...description }) => description);
    return {
      groups: FIELD_GROUPS.map((group) => ({
        group,
        fields: [...fields, ...present].filter((f) => f.group === group),
      })),
      operators: OPERATORS.map((op) => ({ op, ...OPERATOR_HINTS[op] })),
      customFieldKeys,
      scoreKeys,
    };
  }

  private async keysOf(tenant: string, column: 'custom_fields' | 'scores'): Promise<string[]> {
    const { rows } = await this.pool.query<{ key: string }>(
      `SELECT DISTINCT k.key FROM ${S}.audience_contacts c, jsonb_object_keys(c.${column}) AS k(key)
        WHERE c.tenant = $1 AND jsonb_typeof(c.${column}) = 'object' ORDER BY k.key LIMIT ${MAX_OFFERED_KEYS}`,
      [tenant],
    );
    return rows.map((r) => r.key);
  }
}
