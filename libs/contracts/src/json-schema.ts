/**
 * Small builders for the JSON Schemas (draft-07) of integration event payloads. Draft-07 because it
 * is what AsyncAPI 3 embeds natively (its default schema format is a draft-07 superset), so the
 * same object is the validator's schema and the AsyncAPI payload without translation.
 *
 * Published schemas are OPEN (extra properties allowed): a consumer built against an older
 * minor revision must accept a payload with a newly added optional field. The relay validates
 * with `closed()` instead, so a mapping that leaks an undeclared field is caught at the producer.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

export function id(description: string): JsonSchema {
  return { type: 'string', minLength: 1, maxLength: 200, description };
}

export function text(description: string, maxLength = 500): JsonSchema {
  return { type: 'string', maxLength, description };
}

export function timestamp(description: string): JsonSchema {
  return { type: 'string', format: 'date-time', description };
}

export function date(description: string): JsonSchema {
  return { type: 'string', format: 'date', description };
}

export function oneOf(values: readonly string[], description: string): JsonSchema {
  return { type: 'string', enum: [...values], description };
}

export function integer(description: string, minimum?: number, maximum?: number): JsonSchema {
  return {
    type: 'integer',
    description,
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
  };
}

export function number(description: string, minimum?: number, maximum?: number): JsonSchema {
  return {
    type: 'number',
    description,
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
  };
}

export function list(items: JsonSchema, description: string, maxItems = 500): JsonSchema {
  return { type: 'array', items, maxItems, description };
}

/** A value that may be explicitly cleared (e.g. a contact leaving its company). */
export function nullable(schema: JsonSchema): JsonSchema {
  const type = schema.type;
  const types = Array.isArray(type) ? type : [type];
  // An enum lists every allowed value, so null must be listed too or `type` alone would not admit it.
  const enumValues = Array.isArray(schema.enum) ? { enum: [...schema.enum, null] } : {};
  return { ...schema, type: [...types, 'null'], ...enumValues };
}

/** Decimal amounts travel as strings: binary floats cannot hold 0.10 exactly. */
export function money(description: string): JsonSchema {
  return object(
    {
      amount: {
        type: 'string',
        pattern: '^-?[0-9]{1,15}(\\.[0-9]{1,6})?$',
        description: 'Decimal amount',
      },
      currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' },
    },
    ['amount', 'currency'],
    description,
  );
}

/**
 * The one money representation of REST views, state topics and every member added since: an
 * integer of the currency's minor units (ISO 4217 exponent: cents for EUR, yen for JPY) beside a
 * `currency` member. Exact, and the same number the REST API answers.
 */
export function minorUnits(description: string, { allowNegative = false } = {}): JsonSchema {
  return {
    type: 'integer',
    ...(allowNegative ? {} : { minimum: 0 }),
    maximum: Number.MAX_SAFE_INTEGER,
    description,
  };
}

export function currencyCode(description: string): JsonSchema {
  return { type: 'string', pattern: '^[A-Z]{3}$', description: `${description} (ISO 4217)` };
}

/** Probabilities everywhere but the first v1 members: whole percent 0..100, as REST answers. */
export function percent(description: string): JsonSchema {
  return integer(`${description}, whole percent 0..100`, 0, 100);
}

export function object(
  properties: Record<string, JsonSchema>,
  required: readonly string[],
  description?: string,
): JsonSchema {
  for (const name of required) {
    if (!(name in properties)) throw new Error(`required property "${name}" is not declared`);
  }
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: [...required],
  };
}

/** A copy in which every object forbids undeclared properties (the producer's strict view). */
export function closed(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema)) return schema.map((s) => closed(s)) as unknown as JsonSchema;
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'properties' && value && typeof value === 'object') {
      copy.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([k, v]) => [k, closed(v)]),
      );
    } else if (keyword === 'items' && value && typeof value === 'object') {
      copy.items = closed(value as JsonSchema);
    } else {
      copy[keyword] = value;
    }
  }
  const isObject =
    schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
  if (isObject && !('additionalProperties' in schema)) copy.additionalProperties = false;
  return copy;
}
