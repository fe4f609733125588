/**
 * `crm.sales.v1`: leads, pipeline, activities, quotes and orders. People are referenced by id
 * (contactId, companyId, ownerId); names and addresses stay in the services that own them.
 * Amounts are `{ amount: "1234.50", currency: "EUR" }`.
 */
import { defineIntegrationEvent } from './integration-event';
import {
  date,
  id,
  integer,
  list,
  money,
  nullable,
  number,
  object,
  oneOf,
  currencyCode,
  minorUnits,
  text,
  timestamp,
} from './json-schema';

export const LEAD_SOURCES = ['web_form', 'import', 'campaign', 'referral', 'manual'] as const;
export const ACTIVITY_KINDS = ['call', 'meeting', 'task'] as const;

export interface Money {
  amount: string;
  currency: string;
}

const leadId = id('Lead id (the aggregate id)');
const opportunityId = id('Opportunity id (the aggregate id)');
const activityId = id('Activity id (the aggregate id)');
const quoteId = id('Quote id (the aggregate id)');
const orderId = id('Order id (the aggregate id)');

function sales(
  aggregate: string,
  fact: string,
  summary: string,
  schema: ReturnType<typeof object>,
) {
  return defineIntegrationEvent({ service: 'sales', aggregate, fact, summary, schema });
}

export interface LeadCapturedV1 {
  leadId: string;
  source: (typeof LEAD_SOURCES)[number];
  campaignId?: string | null;
  interest?: string | null;
  ownerId?: string | null;
  capturedAt: string;
}
export const LeadCaptured = sales(
  'lead',
  'captured',
  'A first sign of interest was recorded.',
  object(
    {
      leadId,
      source: oneOf(LEAD_SOURCES, 'Where the lead came from'),
      campaignId: nullable(id('Campaign that produced it, for attribution')),
      interest: nullable(text('What the lead is interested in', 300)),
      ownerId: nullable(id('Sales rep')),
      capturedAt: timestamp('When it was captured'),
    },
    ['leadId', 'source', 'capturedAt'],
  ),
);

export interface LeadScoredV1 {
  leadId: string;
  score: number;
  reasons: { rule: string; points: number }[];
}
export const LeadScored = sales(
  'lead',
  'scored',
  'The rule-based score of a lead was recomputed.',
  object(
    {
      leadId,
      score: integer('Score 0..100', 0, 100),
      reasons: list(
        object({ rule: text('Rule name', 100), points: integer('Points it contributed') }, [
          'rule',
          'points',
        ]),
        'What makes up the score',
      ),
    },
    ['leadId', 'score', 'reasons'],
  ),
);

export interface LeadQualifiedV1 {
  leadId: string;
  qualifiedAt: string;
}
export const LeadQualified = sales(
  'lead',
  'qualified',
  'A lead was qualified.',
  object({ leadId, qualifiedAt: timestamp('When') }, ['leadId', 'qualifiedAt']),
);

export interface LeadConvertedV1 {
  leadId: string;
  contactId: string;
  companyId?: string | null;
  opportunityId: string;
  convertedAt: string;
}
export const LeadConverted = sales(
  'lead',
  'converted',
  'A lead became a contact (and company) with an open opportunity.',
  object(
    {
      leadId,
      contactId: id('Contact created or linked'),
      companyId: nullable(id('Company created or linked')),
      opportunityId: id('Opportunity opened'),
      convertedAt: timestamp('When'),
    },
    ['leadId', 'contactId', 'opportunityId', 'convertedAt'],
  ),
);

export interface LeadDisqualifiedV1 {
  leadId: string;
  reason: string;
  disqualifiedAt: string;
}
export const LeadDisqualified = sales(
  'lead',
  'disqualified',
  'A lead was disqualified.',
  object({ leadId, reason: text('Why', 500), disqualifiedAt: timestamp('When') }, [
    'leadId',
    'reason',
    'disqualifiedAt',
  ]),
);

export interface OpportunityOpenedV1 {
  opportunityId: string;
  pipelineId: string;
  stageId: string;
  contactId?: string | null;
  companyId?: string | null;
  leadId?: string | null;
  amount: Money;
  probability: number;
  expectedCloseDate?: string | null;
  ownerId?: string | null;
}
export const OpportunityOpened = sales(
  'opportunity',
  'opened',
  'A deal entered a pipeline.',
  object(
    {
      opportunityId,
      pipelineId: id('Pipeline'),
      stageId: id('Stage'),
      contactId: nullable(id('Contact')),
      companyId: nullable(id('Company')),
      leadId: nullable(id('Lead it came from')),
      amount: money('Deal value'),
      probability: number('Win probability 0..1', 0, 1),
      expectedCloseDate: nullable(date('Expected close date')),
      ownerId: nullable(id('Sales rep')),
    },
    ['opportunityId', 'pipelineId', 'stageId', 'amount', 'probability'],
  ),
);

export interface OpportunityStageChangedV1 {
  opportunityId: string;
  pipelineId: string;
  fromStageId: string;
  toStageId: string;
  probability: number;
  changedAt: string;
}
export const OpportunityStageChanged = sales(
  'opportunity',
  'stage_changed',
  'A deal moved to another stage.',
  object(
    {
      opportunityId,
      pipelineId: id('Pipeline'),
      fromStageId: id('Previous stage'),
      toStageId: id('New stage'),
      probability: number('Win probability 0..1 after the move', 0, 1),
      changedAt: timestamp('When'),
    },
    ['opportunityId', 'pipelineId', 'fromStageId', 'toStageId', 'probability', 'changedAt'],
  ),
);

export interface OpportunityWonV1 {
  opportunityId: string;
  amount: Money;
  orderId?: string | null;
  wonAt: string;
}
export const OpportunityWon = sales(
  'opportunity',
  'won',
  'A deal was won.',
  object(
    {
      opportunityId,
      amount: money('Final value'),
      orderId: nullable(id('Order it produced')),
      wonAt: timestamp('When'),
    },
    ['opportunityId', 'amount', 'wonAt'],
  ),
);

export interface OpportunityLostV1 {
  opportunityId: string;
  reason: string;
  competitor?: string | null;
  lostAt: string;
}
export const OpportunityLost = sales(
  'opportunity',
  'lost',
  'A deal was lost.',
  object(
    {
      opportunityId,
      reason: text('Why', 500),
      competitor: nullable(text('Competitor that won it', 200)),
      lostAt: timestamp('When'),
    },
    ['opportunityId', 'reason', 'lostAt'],
  ),
);

export interface ActivityLoggedV1 {
  activityId: string;
  kind: (typeof ACTIVITY_KINDS)[number];
  contactId?: string | null;
  opportunityId?: string | null;
  leadId?: string | null;
  ownerId?: string | null;
  subject?: string | null;
  scheduledAt?: string | null;
  heldAt?: string | null;
  dueAt?: string | null;
  outcome?: string | null;
}
export const ActivityLogged = sales(
  'activity',
  'logged',
  'A sales call, meeting or task was recorded or scheduled.',
  object(
    {
      activityId,
      kind: oneOf(ACTIVITY_KINDS, 'Kind of activity'),
      contactId: nullable(id('Contact')),
      opportunityId: nullable(id('Opportunity')),
      leadId: nullable(id('Lead')),
      ownerId: nullable(id('Assignee')),
      subject: nullable(text('Subject', 300)),
      scheduledAt: nullable(timestamp('Planned time')),
      heldAt: nullable(timestamp('When a call or meeting took place')),
      dueAt: nullable(timestamp('Task due time')),
      outcome: nullable(text('Outcome', 200)),
    },
    ['activityId', 'kind'],
  ),
);

export interface ActivityCompletedV1 {
  activityId: string;
  completedAt: string;
  outcome?: string | null;
}
export const ActivityCompleted = sales(
  'activity',
  'completed',
  'An activity was done.',
  object({ activityId, completedAt: timestamp('When'), outcome: nullable(text('Outcome', 200)) }, [
    'activityId',
    'completedAt',
  ]),
);

export interface ReminderDueV1 {
  activityId: string;
  reminderId: string;
  assigneeId: string;
  dueAt: string;
}
export const ReminderDue = sales(
  'activity',
  'reminder_due',
  'A reminder on an activity fell due.',
  object(
    {
      activityId,
      reminderId: id('Reminder'),
      assigneeId: id('User to remind'),
      dueAt: timestamp('When it fell due'),
    },
    ['activityId', 'reminderId', 'assigneeId', 'dueAt'],
  ),
);

export interface QuoteSentV1 {
  quoteId: string;
  opportunityId: string;
  total: Money;
  validUntil: string;
  sentAt: string;
}
export const QuoteSent = sales(
  'quote',
  'sent',
  'A quote was sent to the customer.',
  object(
    {
      quoteId,
      opportunityId: id('Opportunity'),
      total: money('Total including tax'),
      validUntil: date('Last day the quote can be accepted'),
      sentAt: timestamp('When'),
    },
    ['quoteId', 'opportunityId', 'total', 'validUntil', 'sentAt'],
  ),
);

export interface QuoteAcceptedV1 {
  quoteId: string;
  opportunityId: string;
  orderId: string;
  acceptedAt: string;
}
export const QuoteAccepted = sales(
  'quote',
  'accepted',
  'The customer accepted a quote; its opportunity is won and an order placed.',
  object(
    {
      quoteId,
      opportunityId: id('Opportunity'),
      orderId: id('Order placed'),
      acceptedAt: timestamp('When'),
    },
    ['quoteId', 'opportunityId', 'orderId', 'acceptedAt'],
  ),
);

export interface OrderLineV1 {
  productId: string;
  sku: string;
  quantity: number;
  unitPrice: Money;
  lineTotal: Money;
}
export interface OrderPlacedV1 {
  orderId: string;
  contactId?: string | null;
  companyId?: string | null;
  quoteId?: string | null;
  lines: OrderLineV1[];
  total: Money;
  placedAt: string;
}
export const OrderPlaced = sales(
  'order',
  'placed',
  'An order was placed (from a quote or directly): the purchase history.',
  object(
    {
      orderId,
      contactId: nullable(id('Customer contact')),
      companyId: nullable(id('Customer company')),
      quoteId: nullable(id('Quote it came from')),
      lines: list(
        object(
          {
            productId: id('Product'),
            sku: text('SKU', 100),
            quantity: integer('Quantity', 1),
            unitPrice: money('Price per unit after discounts'),
            lineTotal: money('Line total'),
          },
          ['productId', 'sku', 'quantity', 'unitPrice', 'lineTotal'],
        ),
        'Order lines',
      ),
      total: money('Total including tax'),
      placedAt: timestamp('When'),
    },
    ['orderId', 'lines', 'total', 'placedAt'],
  ),
);

/** Who and what an order is about, repeated on its transitions so a consumer needs no lookup. */
const orderReferences = {
  contactId: nullable(id('Customer contact')),
  companyId: nullable(id('Customer company')),
  opportunityId: nullable(id('Deal it was won from')),
  quoteId: nullable(id('Quote it came from')),
  totalMinor: nullable(minorUnits('Order total including tax, in minor units of `currency`')),
  currency: nullable(currencyCode('Currency of the order')),
};
export interface OrderReferencesV1 {
  /** Null on orders cancelled or returned before these members were published. */
  contactId?: string | null;
  companyId?: string | null;
  opportunityId?: string | null;
  quoteId?: string | null;
  totalMinor?: number | null;
  currency?: string | null;
}

function orderTransition(fact: string, summary: string, at: string, references = false) {
  return sales(
    'order',
    fact,
    summary,
    object(
      {
        orderId,
        [at]: timestamp('When'),
        reason: nullable(text('Why', 500)),
        ...(references ? orderReferences : {}),
      },
      ['orderId', at],
    ),
  );
}

export interface OrderFulfilledV1 {
  orderId: string;
  fulfilledAt: string;
  reason?: string | null;
}
export const OrderFulfilled = orderTransition(
  'fulfilled',
  'An order was delivered.',
  'fulfilledAt',
);
export interface OrderCancelledV1 extends OrderReferencesV1 {
  orderId: string;
  cancelledAt: string;
  reason?: string | null;
}
export const OrderCancelled = orderTransition(
  'cancelled',
  'An order was cancelled: it is no longer a sale. The deal it was won from (opportunityId) ' +
    'loses the order\'s amount (`crm.sales.opportunity.order_cancelled.v1`).',
  'cancelledAt',
  true,
);
export interface OrderReturnedV1 extends OrderReferencesV1 {
  orderId: string;
  returnedAt: string;
  reason?: string | null;
}
export const OrderReturned = orderTransition(
  'returned',
  'An order was returned.',
  'returnedAt',
  true,
);

export const SALES_EVENTS = [
  LeadCaptured,
  LeadScored,
  LeadQualified,
  LeadConverted,
  LeadDisqualified,
  OpportunityOpened,
  OpportunityStageChanged,
  OpportunityWon,
  OpportunityLost,
  ActivityLogged,
  ActivityCompleted,
  ReminderDue,
  QuoteSent,
  QuoteAccepted,
  OrderPlaced,
  OrderFulfilled,
  OrderCancelled,
  OrderReturned,
] as const;
