/**
 * Schema parts that `crm.sales.v1` events and the sales state topics share: lines, totals,
 * configurations and the public state of each aggregate (the document its REST `GET` answers).
 * Money is integer minor units beside a currency, probabilities whole percent, rates and
 * discounts basis points (1 bp = 0.01 %): the representation of the REST API.
 */
import {
  currencyCode,
  date,
  id,
  integer,
  list,
  minorUnits,
  object,
  oneOf,
  percent,
  text,
  timestamp,
  type JsonSchema,
} from './json-schema';

export const basisPoints = (description: string): JsonSchema =>
  integer(`${description}, basis points (10000 = 100 %)`, 0, 10_000);

export const version = integer('Stream version of the record (its REST ETag)', 1);

/** One option of a configured product as it was priced (paint, interior, transmission ...). */
export const selectedOption = object(
  {
    groupId: id('Option group, e.g. paint'),
    optionId: id('Chosen option'),
    name: text('Option name', 200),
    priceDeltaMinor: minorUnits('Price delta of the option, minor units', { allowNegative: true }),
    defaulted: { type: 'boolean', description: 'Chosen by the group default, not the customer' },
  },
  ['groupId', 'optionId', 'name', 'priceDeltaMinor', 'defaulted'],
);

export const totals = object(
  {
    subtotalMinor: minorUnits('Sum of the line nets'),
    discountMinor: minorUnits('Overall discount'),
    taxMinor: minorUnits('Tax'),
    totalMinor: minorUnits('Total including tax'),
  },
  ['subtotalMinor', 'discountMinor', 'taxMinor', 'totalMinor'],
  'Totals in minor units of the currency',
);

/** A quote or order line: product, configuration, price before discount and its split. */
export const pricedLine = object(
  {
    lineId: id('Line'),
    productId: id('Product'),
    sku: text('SKU', 100),
    name: text('Product name', 200),
    options: list(selectedOption, 'Configured options'),
    quantity: integer('Quantity', 1),
    unitPriceMinor: minorUnits('Configured unit price before discounts'),
    discountBps: basisPoints('Line discount'),
    grossMinor: minorUnits('unitPrice x quantity'),
    discountMinor: minorUnits('Line discount amount'),
    netMinor: minorUnits('gross - discount'),
  },
  ['lineId', 'productId', 'sku', 'name', 'quantity', 'unitPriceMinor', 'discountBps'],
);

export const lineItem = object(
  {
    productId: id('Product'),
    name: text('Product name', 200),
    quantity: integer('Quantity', 1),
    unitPriceMinor: minorUnits('Unit price'),
  },
  ['productId', 'name', 'quantity', 'unitPriceMinor'],
);

export const reminder = object({ reminderId: id('Reminder'), remindAt: timestamp('When') }, [
  'reminderId',
  'remindAt',
]);

export const configurationModel = object(
  {
    groups: list(
      object(
        {
          groupId: id('Group'),
          name: text('Group name', 200),
          required: { type: 'boolean', description: 'A choice must be made' },
          selection: oneOf(['single', 'multiple'], 'How many options of the group'),
          options: list(
            object(
              {
                optionId: id('Option'),
                name: text('Option name', 200),
                priceDeltas: {
                  type: 'object',
                  description: 'Price delta per currency code, minor units (may be negative)',
                  additionalProperties: { type: 'integer' },
                },
                isDefault: { type: 'boolean', description: 'Chosen when nothing is chosen' },
              },
              ['optionId', 'name', 'priceDeltas'],
            ),
            'Options',
          ),
        },
        ['groupId', 'name', 'required', 'selection', 'options'],
      ),
      'Option groups',
    ),
    rules: list(
      object(
        {
          kind: oneOf(['requires', 'excludes'], 'Rule kind'),
          optionId: id('Option'),
          targetOptionId: id('Option it requires or excludes'),
        },
        ['kind', 'optionId', 'targetOptionId'],
      ),
      'Rules between options',
    ),
  },
  ['groups', 'rules'],
  'The configuration model (CPQ) of a product',
);

const stageVisit = object({ stageId: id('Stage'), enteredAt: timestamp('When') }, [
  'stageId',
  'enteredAt',
]);

/** converting: a conversion process is under way; consumers read unknown values as "other". */
export const LEAD_STATUSES = [
  'new',
  'working',
  'qualified',
  'converting',
  'converted',
  'disqualified',
] as const;
export const OPPORTUNITY_STATUSES = ['open', 'won', 'lost'] as const;
export const FORECAST_CATEGORIES = [
  'pipeline',
  'best-case',
  'commit',
  'closed',
  'omitted',
] as const;
export const ACTIVITY_STATUSES = ['open', 'completed', 'cancelled'] as const;
export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
export const ORDER_STATUSES = ['placed', 'fulfilled', 'cancelled', 'returned'] as const;

/** GET /leads/:id. Holds the lead's personal data: tombstoned when it is erased. */
export const leadState = object(
  {
    id: id('Lead id'),
    name: text('Name', 200),
    email: text('Email', 320),
    company: text('Company', 200),
    status: oneOf(LEAD_STATUSES, 'Status'),
    source: text('Where it came from', 50),
    score: integer('Score 0..100', 0, 100),
    ownerId: id('Sales rep'),
    capturedAt: timestamp('When it was captured'),
    updatedAt: timestamp('Last change'),
    profile: object(
      {
        name: text('Name', 200),
        email: text('Email', 320),
        phone: text('Phone (E.164)', 40),
        company: text('Company', 200),
        jobTitle: text('Job title', 200),
        interest: text('Interest', 300),
      },
      ['name'],
    ),
    reasons: list(
      object({ rule: text('Rule', 100), points: integer('Points'), detail: text('Why', 300) }, [
        'rule',
        'points',
      ]),
      'What makes up the score',
    ),
    interactions: integer('Interactions recorded', 0),
    campaignClicks: integer('Campaign clicks recorded', 0),
    contactId: id('Contact it became'),
    opportunityId: id('Opportunity it became'),
    disqualifiedReason: text('Why it was disqualified', 500),
    version,
  },
  ['id', 'name', 'status', 'source', 'score', 'capturedAt', 'profile', 'version'],
);

/** GET /opportunities/:id. */
export const opportunityState = object(
  {
    id: id('Opportunity id'),
    name: text('Deal name', 200),
    pipelineId: id('Pipeline'),
    stageId: id('Stage'),
    status: oneOf(OPPORTUNITY_STATUSES, 'Status'),
    amountMinor: minorUnits('Deal value'),
    currency: currencyCode('Currency'),
    probability: percent('Effective win probability (override or stage default)'),
    forecastCategory: oneOf(FORECAST_CATEGORIES, 'Forecast category'),
    expectedCloseDate: date('Expected close date'),
    ownerId: id('Sales rep'),
    contactId: id('Contact'),
    companyId: id('Company'),
    lineItems: list(lineItem, 'Products on the deal'),
    stageHistory: list(stageVisit, 'Stages it went through'),
    orderId: id('Order it was won with'),
    lostReason: text('Why it was lost', 1000),
    competitor: text('Competitor that won it', 200),
    version,
  },
  [
    'id',
    'name',
    'pipelineId',
    'stageId',
    'status',
    'amountMinor',
    'currency',
    'probability',
    'forecastCategory',
    'expectedCloseDate',
    'ownerId',
    'version',
  ],
);

/** GET /activities/:id without what depends on the reader's clock (dueStatus) or another service (contactName). */
export const activityState = object(
  {
    id: id('Activity id'),
    kind: oneOf(['call', 'meeting', 'task'], 'Kind'),
    subject: text('Subject', 300),
    status: oneOf(ACTIVITY_STATUSES, 'Status'),
    priority: oneOf(['low', 'normal', 'high'], 'Priority'),
    assigneeId: id('Who does it'),
    contactId: id('Contact'),
    leadId: id('Lead'),
    opportunityId: id('Opportunity'),
    phone: text('Number dialled (E.164)', 40),
    purpose: text('Calls: why it was made', 100),
    dueAt: timestamp('Planned start (call, meeting) or due time (task)'),
    endsAt: timestamp('Planned end of a meeting'),
    timeZone: text('IANA time zone it was agreed in', 100),
    location: text('Where a meeting takes place', 300),
    // Logged notes, then a blank line and those written on completion: two of 5000 at most.
    notes: text('Notes (gone once the person is erased)', 10_002),
    heldAt: timestamp('When the call or meeting took place'),
    completedAt: timestamp('When it was recorded as completed'),
    outcome: text('Outcome', 200),
    reminders: list(reminder, 'Reminders'),
    firedReminderIds: list(id('Reminder'), 'Reminders that fell due'),
    version,
  },
  ['id', 'kind', 'subject', 'status', 'priority', 'assigneeId', 'reminders', 'version'],
);

/** GET /quotes/:id. */
export const quoteState = object(
  {
    id: id('Quote id'),
    opportunityId: id('Opportunity'),
    contactId: id('Contact'),
    companyId: id('Company'),
    status: oneOf(QUOTE_STATUSES, 'Status'),
    currency: currencyCode('Currency'),
    taxRateBps: basisPoints('Tax rate'),
    discountBps: basisPoints('Overall discount'),
    validUntil: date('Last day it can be accepted'),
    lines: list(pricedLine, 'Lines'),
    totals,
    orderId: id('Order it became'),
    version,
  },
  [
    'id',
    'opportunityId',
    'status',
    'currency',
    'taxRateBps',
    'discountBps',
    'validUntil',
    'lines',
    'totals',
    'version',
  ],
);

/** GET /orders/:id. */
export const orderState = object(
  {
    id: id('Order id'),
    source: oneOf(
      ['quote', 'api', 'import'],
      'Placed from a quote, directly through the API, or imported from history',
    ),
    externalId: text("Imported orders: the order's id in the system it came from", 200),
    status: oneOf(ORDER_STATUSES, 'Status'),
    contactId: id('Customer contact'),
    companyId: id('Customer company'),
    quoteId: id('Quote it came from'),
    opportunityId: id('Deal it was won with'),
    currency: currencyCode('Currency'),
    lines: list(pricedLine, 'Lines'),
    totals,
    placedAt: timestamp('When it was placed'),
    version,
  },
  ['id', 'source', 'status', 'currency', 'lines', 'totals', 'placedAt', 'version'],
);

/** GET /products/:id. */
export const productState = object(
  {
    id: id('Product id'),
    sku: text('SKU', 100),
    name: text('Name', 200),
    description: text('Description', 2000),
    family: text('Product family', 200),
    active: { type: 'boolean', description: 'On sale' },
    options: configurationModel,
    version,
  },
  ['id', 'sku', 'name', 'active', 'options', 'version'],
);

/** GET /pipelines/{id}: the stages deals move through, in order. */
export const pipelineState = object(
  {
    id: id('Pipeline id'),
    name: text('Name', 200),
    stages: list(
      object(
        {
          stageId: id('Stage id (what deals reference)'),
          name: text('Stage name', 200),
          kind: oneOf(['open', 'won', 'lost'], 'open, or the won/lost stage'),
          probability: percent('Default win probability of the stage'),
        },
        ['stageId', 'name', 'kind', 'probability'],
      ),
      'Stages: the open ones in order, then won and lost',
      50,
    ),
    version,
  },
  ['id', 'name', 'stages', 'version'],
);

/**
 * A price book and its list prices. The REST listing also joins each product's sku, name,
 * family and active flag: those are on `crm.sales.product.state.v1` under the productId.
 */
export const priceBookState = object(
  {
    id: id('Price book id'),
    name: text('Name', 200),
    isStandard: { type: 'boolean', description: 'The standard book' },
    entries: list(
      object(
        {
          productId: id('Product'),
          currency: currencyCode('Currency'),
          amountMinor: minorUnits('List price'),
        },
        ['productId', 'currency', 'amountMinor'],
      ),
      'List prices',
      100_000,
    ),
    version,
  },
  ['id', 'name', 'isStandard', 'entries', 'version'],
);
