/**
 * The typed catalogue of what a rule may ask about: each field's key, label, group, type, allowed
 * operators and meaning (served at GET /segments/fields so a UI can build the editor), plus where
 * its value lives in the audience tables (`source`, internal: never served). Columns are named
 * here only, never taken from a rule, so no rule text can reach the SQL.
 */
import {
  CONSENT_CHANNELS,
  CONTACT_AGE_BANDS,
  CONTACT_GENDERS,
  CONTACT_INCOME_BANDS,
  CONTACT_STATUSES,
  LIFECYCLE_STAGES,
} from '@crm/contracts';
import type { Operator } from './rule';

export const FIELD_GROUPS = [
  'profile',
  'demographics',
  'consent',
  'purchase history',
  'deals',
  'engagement',
  'scores',
  'custom fields',
] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/**
 * `custom`: a custom field, typed by the value compared with (text, number or boolean);
 * `purchase`: order lines matched by product, family, SKU or option.
 */
export type FieldType =
  | 'string'
  | 'enum'
  | 'number'
  | 'money'
  | 'date'
  | 'timestamp'
  | 'string[]'
  | 'boolean'
  | 'custom'
  | 'purchase';

/**
 * What `value` looks like: `scalar` (the value itself, a list for in/not_in/contains_any/
 * contains_all, `[low, high]` for between, a duration for relative dates); the purchase and deal
 * shapes are objects (README.md): `open-deal-count` `{ count, stageIn? }`, `open-deal-amount`
 * `{ amountMinor, currency, stageIn? }`, `closed-deal-count` `{ count, within? }`.
 */
export type ValueShape =
  | 'scalar'
  | 'purchase-match'
  | 'order-count'
  | 'spend'
  | 'open-deal-count'
  | 'open-deal-amount'
  | 'closed-deal-count';

/** Where a field's value lives; a column name here is always one of the catalogue's literals. */
export type FieldSource =
  | { readonly kind: 'column'; readonly column: string; readonly prop: ContactProp }
  | { readonly kind: 'is-set'; readonly column: string; readonly prop: ContactProp }
  | { readonly kind: 'consent'; readonly channel: string }
  | { readonly kind: 'score'; readonly key: string; readonly as: 'number' | 'string' }
  | { readonly kind: 'custom'; readonly key: string }
  | { readonly kind: 'tags' }
  | { readonly kind: 'purchase-line'; readonly dimension: PurchaseDimension }
  | { readonly kind: 'order-count' }
  | { readonly kind: 'spend' }
  | { readonly kind: 'deals'; readonly status: DealStatus; readonly measure: 'count' | 'amount' };

export type PurchaseDimension = 'product' | 'family' | 'sku' | 'option';
/** The statuses of audience_deals a deal field counts. */
export type DealStatus = 'open' | 'won' | 'lost';

/** AudienceContact properties a column field reads (kept in step with audience-record.ts). */
export type ContactProp =
  | 'displayName'
  | 'email'
  | 'phone'
  | 'lifecycleStage'
  | 'status'
  | 'ownerId'
  | 'companyId'
  | 'birthDate'
  | 'ageBand'
  | 'gender'
  | 'householdIncomeBand'
  | 'timeZone'
  | 'country'
  | 'registeredAt'
  | 'updatedAt'
  | 'firstOrderAt'
  | 'lastOrderAt'
  | 'messagesReceived'
  | 'lastOpenedAt'
  | 'lastClickedAt'
  | 'unsubscribedAt';

/** What GET /segments/fields serves for one field. */
export interface FieldDescription {
  /** The key a condition names; for a family of fields, the pattern (`customFields.<key>`). */
  readonly key: string;
  readonly label: string;
  readonly group: FieldGroup;
  readonly type: FieldType;
  /** The allowed values of an enum. */
  readonly values?: readonly string[];
  readonly operators: readonly Operator[];
  readonly valueShape: ValueShape;
  readonly description: string;
}

export interface CatalogueField extends FieldDescription {
  readonly source: FieldSource;
}

const OPS = {
  string: ['eq', 'ne', 'in', 'not_in', 'contains', 'exists'],
  enum: ['eq', 'ne', 'in', 'not_in', 'exists'],
  number: ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
  date: [
    'eq',
    'ne',
    'gt',
    'gte',
    'lt',
    'lte',
    'between',
    'within_last',
    'anniversary_within_next',
    'exists',
  ],
  timestamp: ['gt', 'gte', 'lt', 'lte', 'between', 'within_last', 'exists'],
  anniversaryTimestamp: [
    'gt',
    'gte',
    'lt',
    'lte',
    'between',
    'within_last',
    'anniversary_within_next',
    'exists',
  ],
  tags: ['contains', 'contains_any', 'contains_all', 'exists'],
  boolean: ['eq'],
  custom: ['eq', 'ne', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'between', 'contains', 'exists'],
  purchase: ['bought', 'not_bought'],
  orderCount: ['eq', 'gt', 'gte', 'lt', 'lte', 'between'],
  spend: ['gt', 'gte', 'lt', 'lte', 'between'],
} as const satisfies Record<string, readonly Operator[]>;

function column(
  key: string,
  label: string,
  group: FieldGroup,
  type: 'string' | 'number' | 'date' | 'timestamp',
  column: string,
  prop: ContactProp,
  description: string,
  operators: readonly Operator[] = OPS[type],
): CatalogueField {
  return {
    key,
    label,
    group,
    type,
    operators,
    valueShape: 'scalar',
    description,
    source: { kind: 'column', column, prop },
  };
}

function enumColumn(
  key: string,
  label: string,
  group: FieldGroup,
  values: readonly string[],
  column: string,
  prop: ContactProp,
  description: string,
): CatalogueField {
  return {
    key,
    label,
    group,
    type: 'enum',
    values,
    operators: OPS.enum,
    valueShape: 'scalar',
    description,
    source: { kind: 'column', column, prop },
  };
}

function purchaseLine(
  dimension: PurchaseDimension,
  label: string,
  description: string,
): CatalogueField {
  return {
    key: `purchase.${dimension}`,
    label,
    group: 'purchase history',
    type: 'purchase',
    operators: OPS.purchase,
    valueShape: 'purchase-match',
    description,
    source: { kind: 'purchase-line', dimension },
  };
}

const CONSENT_STATES = ['granted', 'withdrawn', 'unknown'] as const;

const FIXED_FIELDS: readonly CatalogueField[] = [
  column(
    'displayName',
    'Name',
    'profile',
    'string',
    'display_name',
    'displayName',
    'The name the contact is shown by.',
  ),
  column('email', 'Email', 'profile', 'string', 'email', 'email', 'Primary email address.'),
  column(
    'phone',
    'Phone',
    'profile',
    'string',
    'phone',
    'phone',
    'Primary phone, E.164 (+4930...).',
  ),
  enumColumn(
    'lifecycleStage',
    'Lifecycle stage',
    'profile',
    LIFECYCLE_STAGES,
    'lifecycle_stage',
    'lifecycleStage',
    'Where the contact is in the customer lifecycle.',
  ),
  enumColumn(
    'status',
    'Status',
    'profile',
    CONTACT_STATUSES,
    'status',
    'status',
    'Active or archived contact.',
  ),
  column(
    'ownerId',
    'Owner',
    'profile',
    'string',
    'owner_id',
    'ownerId',
    'Id of the user who owns the contact.',
  ),
  column(
    'companyId',
    'Company',
    'profile',
    'string',
    'company_id',
    'companyId',
    'Id of the company the contact works for.',
  ),
  {
    key: 'tags',
    label: 'Tags',
    group: 'profile',
    type: 'string[]',
    operators: OPS.tags,
    valueShape: 'scalar',
    description: 'Tags on the contact; exists: has at least one tag.',
    source: { kind: 'tags' },
  },
  column(
    'timeZone',
    'Time zone',
    'profile',
    'string',
    'time_zone',
    'timeZone',
    'IANA time zone (Europe/Berlin).',
  ),
  column(
    'country',
    'Country',
    'profile',
    'string',
    'country',
    'country',
    'ISO 3166-1 alpha-2 country code (DE).',
  ),
  column(
    'registeredAt',
    'Registered',
    'profile',
    'timestamp',
    'registered_at',
    'registeredAt',
    'When the contact was registered.',
  ),
  column(
    'updatedAt',
    'Last updated',
    'profile',
    'timestamp',
    'updated_at',
    'updatedAt',
    'When the profile last changed.',
  ),
  column(
    'birthDate',
    'Birth date',
    'demographics',
    'date',
    'birth_date',
    'birthDate',
    'Date of birth; anniversary_within_next finds upcoming birthdays (UTC days).',
  ),
  enumColumn(
    'ageBand',
    'Age band',
    'demographics',
    CONTACT_AGE_BANDS,
    'age_band',
    'ageBand',
    'Age band, when no birth date is known.',
  ),
  enumColumn(
    'gender',
    'Gender',
    'demographics',
    CONTACT_GENDERS,
    'gender',
    'gender',
    'Gender as the contact gave it.',
  ),
  enumColumn(
    'householdIncomeBand',
    'Household income',
    'demographics',
    CONTACT_INCOME_BANDS,
    'household_income_band',
    'householdIncomeBand',
    'Household income band.',
  ),
  ...CONSENT_CHANNELS.map((channel): CatalogueField => ({
    key: `consent.${channel}`,
    label: `Consent: ${channel}`,
    group: 'consent',
    type: 'enum',
    values: CONSENT_STATES,
    operators: OPS.enum,
    valueShape: 'scalar',
    description: `Marketing consent for ${channel}; a channel never recorded is 'unknown' (never missing).`,
    source: { kind: 'consent', channel },
  })),
  purchaseLine(
    'product',
    'Bought product',
    'Placed order lines with one of these product ids (optionally within a window).',
  ),
  purchaseLine(
    'family',
    'Bought product family',
    'Placed order lines of one of these product families.',
  ),
  purchaseLine('sku', 'Bought SKU', 'Placed order lines with one of these SKUs.'),
  purchaseLine(
    'option',
    'Holds option',
    'Placed order lines with one of these selected options (e.g. gear-auto).',
  ),
  {
    key: 'purchase.orders',
    label: 'Number of orders',
    group: 'purchase history',
    type: 'number',
    operators: OPS.orderCount,
    valueShape: 'order-count',
    description:
      'Placed orders (cancelled and returned ones do not count), optionally within a window; no orders is 0.',
    source: { kind: 'order-count' },
  },
  {
    key: 'purchase.spent',
    label: 'Amount spent',
    group: 'purchase history',
    type: 'money',
    operators: OPS.spend,
    valueShape: 'spend',
    description:
      'Sum of placed order totals in one currency (minor units), optionally within a window; no orders is 0.',
    source: { kind: 'spend' },
  },
  {
    key: 'deals.open',
    label: 'Open deals',
    group: 'deals',
    type: 'number',
    operators: OPS.orderCount,
    valueShape: 'open-deal-count',
    description:
      'Open deals (opportunities), optionally only those now in one of the stages given (stageIn: stage ids); no deals is 0. ' +
      'Has an open deal in negotiation: gte { "count": 1, "stageIn": ["negotiation"] }.',
    source: { kind: 'deals', status: 'open', measure: 'count' },
  },
  {
    key: 'deals.openAmount',
    label: 'Open pipeline',
    group: 'deals',
    type: 'money',
    operators: OPS.spend,
    valueShape: 'open-deal-amount',
    description:
      'Sum of the amounts of open deals in one currency (minor units; deals in other currencies do not count), optionally only those in the stages given; no open deals is 0. ' +
      'Open pipeline above 20 000.00 EUR: gt { "amountMinor": 2000000, "currency": "EUR" }.',
    source: { kind: 'deals', status: 'open', measure: 'amount' },
  },
  {
    key: 'deals.won',
    label: 'Won deals',
    group: 'deals',
    type: 'number',
    operators: OPS.orderCount,
    valueShape: 'closed-deal-count',
    description:
      'Won deals, optionally only those that last changed (closed) within a window; no deals is 0. ' +
      'Won a deal in the last 90 days: gte { "count": 1, "within": "90d" }.',
    source: { kind: 'deals', status: 'won', measure: 'count' },
  },
  {
    key: 'deals.lost',
    label: 'Lost deals',
    group: 'deals',
    type: 'number',
    operators: OPS.orderCount,
    valueShape: 'closed-deal-count',
    description:
      'Lost deals, optionally only those that last changed (closed) within a window; no deals is 0. ' +
      'Lost a deal lately: gte { "count": 1, "within": "30d" }.',
    source: { kind: 'deals', status: 'lost', measure: 'count' },
  },
  column(
    'purchase.firstOrderAt',
    'First order',
    'purchase history',
    'timestamp',
    'first_order_at',
    'firstOrderAt',
    'When the first order was placed; anniversary_within_next finds customer anniversaries (UTC days).',
    OPS.anniversaryTimestamp,
  ),
  column(
    'purchase.lastOrderAt',
    'Last order',
    'purchase history',
    'timestamp',
    'last_order_at',
    'lastOrderAt',
    'When the latest order was placed.',
  ),
  column(
    'engagement.messagesReceived',
    'Messages received',
    'engagement',
    'number',
    'messages_received',
    'messagesReceived',
    'Campaign messages delivered to the contact.',
  ),
  column(
    'engagement.lastOpenedAt',
    'Last opened',
    'engagement',
    'timestamp',
    'last_opened_at',
    'lastOpenedAt',
    'When the contact last opened a message.',
  ),
  column(
    'engagement.lastClickedAt',
    'Last clicked',
    'engagement',
    'timestamp',
    'last_clicked_at',
    'lastClickedAt',
    'When the contact last clicked a link in a message.',
  ),
  column(
    'engagement.unsubscribedAt',
    'Unsubscribed at',
    'engagement',
    'timestamp',
    'unsubscribed_at',
    'unsubscribedAt',
    'When the contact unsubscribed.',
  ),
  {
    key: 'engagement.unsubscribed',
    label: 'Unsubscribed',
    group: 'engagement',
    type: 'boolean',
    operators: OPS.boolean,
    valueShape: 'scalar',
    description: 'Whether the contact has unsubscribed (never missing).',
    source: { kind: 'is-set', column: 'unsubscribed_at', prop: 'unsubscribedAt' },
  },
  {
    key: 'scores.rfm',
    label: 'RFM segment',
    group: 'scores',
    type: 'string',
    operators: OPS.string,
    valueShape: 'scalar',
    description: 'Recency-frequency-monetary code from analytics ("555").',
    source: { kind: 'score', key: 'rfm', as: 'string' },
  },
];

/** Keys after `customFields.` and `scores.`: what the contacts service allows for custom field keys. */
const DYNAMIC_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

const SCORE_PATTERN: FieldDescription = {
  key: 'scores.<name>',
  label: 'Score',
  group: 'scores',
  type: 'number',
  operators: OPS.number,
  valueShape: 'scalar',
  description:
    'A numeric score from analytics by name (scores.propensity, scores.churnRisk); not a number is missing.',
};

const CUSTOM_PATTERN: FieldDescription = {
  key: 'customFields.<key>',
  label: 'Custom field',
  group: 'custom fields',
  type: 'custom',
  operators: OPS.custom,
  valueShape: 'scalar',
  description:
    'A custom field by key. eq/ne/in/not_in compare text, numbers or booleans exactly (1 is not "1"); gt/gte/lt/lte/between need numbers; contains: text containing (any case) or a list holding the value; JSON null is missing.',
};

const BY_KEY = new Map(FIXED_FIELDS.map((f) => [f.key, f]));

/** The field a condition names, or null when the catalogue has none by that key. */
export function findField(key: string): CatalogueField | null {
  const fixed = BY_KEY.get(key);
  if (fixed) return fixed;
  if (key.startsWith('scores.')) {
    const name = key.slice('scores.'.length);
    if (!DYNAMIC_KEY.test(name)) return null;
    return {
      ...SCORE_PATTERN,
      key,
      label: `Score: ${name}`,
      source: { kind: 'score', key: name, as: 'number' },
    };
  }
  if (key.startsWith('customFields.')) {
    const name = key.slice('customFields.'.length);
    if (!DYNAMIC_KEY.test(name)) return null;
    return {
      ...CUSTOM_PATTERN,
      key,
      label: `Custom field: ${name}`,
      source: { kind: 'custom', key: name },
    };
  }
  return null;
}

function describe(field: FieldDescription): FieldDescription {
  const { key, label, group, type, values, operators, valueShape, description } = field;
  return {
    key,
    label,
    group,
    type,
    ...(values ? { values } : {}),
    operators,
    valueShape,
    description,
  };
}

/** The catalogue as served: every fixed field, then the two patterns (scores, custom fields). */
export function describeFields(): FieldDescription[] {
  return [...FIXED_FIELDS.map(describe), describe(SCORE_PATTERN), describe(CUSTOM_PATTERN)];
}
