/**
 * `crm.sales.v1`: leads, pipeline, activities, quotes, orders, products and price books.
 * People are referenced by id (contactId, companyId, ownerId); names and addresses stay in the
 * services that own them, and a lead's personal profile travels only on its state topic
 * (`crm.sales.lead.state.v1`, tombstoned on erasure).
 *
 * Event-carried state: a "created" fact carries the whole public state of its record (`state`:
 * the document of its state topic and REST `GET`), every change the new values it set.
 *
 * One representation of numbers, the REST API's: money is an integer of minor units of the
 * currency (`amountMinor`, `totalMinor` ... beside `currency`), probabilities whole percent,
 * rates and discounts basis points. The first v1 members kept for compatibility are the only
 * exceptions and say so: `amount`/`total`/`unitPrice`/`lineTotal` objects
 * `{ amount: "1234.50", currency }` and `probability` as a fraction 0..1.
 */
import { defineIntegrationEvent } from './integration-event';
import {
  basisPoints,
  configurationModel,
  lineItem,
  opportunityState,
  orderState,
  pricedLine,
  productState,
  priceBookState,
  quoteState,
  reminder,
  selectedOption,
  totals,
} from './sales.schemas';
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
  percent,
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
const productId = id('Product id (the aggregate id)');
const priceBookId = id('Price book id (the aggregate id)');
const changedAt = timestamp('When');
const legacyMoney = (description: string) =>
  money(`${description} (v1 decimal form; the same value as the minor-units member)`);

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
  status?: 'new' | null;
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
      status: nullable(oneOf(['new'], 'Status of a captured lead')),
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
  name?: string | null;
  amountMinor?: number | null;
  currency?: string | null;
  probabilityPercent?: number | null;
  openedAt?: string | null;
  /** The deal as GET /opportunities/:id shows it after opening (crm.sales.opportunity.state.v1). */
  state?: Record<string, unknown> | null;
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
      amount: legacyMoney('Deal value'),
      probability: number('Win probability 0..1 (v1 fraction; see probabilityPercent)', 0, 1),
      expectedCloseDate: nullable(date('Expected close date')),
      ownerId: nullable(id('Sales rep')),
      name: nullable(text('Deal name', 200)),
      amountMinor: nullable(minorUnits('Deal value')),
      currency: nullable(currencyCode('Currency of the deal')),
      probabilityPercent: nullable(percent('Win probability of the stage')),
      openedAt: nullable(timestamp('When')),
      state: nullable(opportunityState),
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
  probabilityPercent?: number | null;
  reason?: string | null;
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
      probability: number('Win probability 0..1 after the move (v1 fraction)', 0, 1),
      changedAt: timestamp('When'),
      probabilityPercent: nullable(percent('Win probability after the move (the stage default)')),
      reason: nullable(text('Why stages were skipped', 500)),
    },
    ['opportunityId', 'pipelineId', 'fromStageId', 'toStageId', 'probability', 'changedAt'],
  ),
);

export interface OpportunityWonV1 {
  opportunityId: string;
  amount: Money;
  orderId?: string | null;
  wonAt: string;
  amountMinor?: number | null;
  currency?: string | null;
  stageId?: string | null;
  quoteId?: string | null;
  reason?: string | null;
}
export const OpportunityWon = sales(
  'opportunity',
  'won',
  'A deal was won.',
  object(
    {
      opportunityId,
      amount: legacyMoney('Final value'),
      orderId: nullable(id('Order it produced')),
      wonAt: timestamp('When'),
      amountMinor: nullable(minorUnits('Final value')),
      currency: nullable(currencyCode('Currency of the deal')),
      stageId: nullable(id("The pipeline's won stage")),
      quoteId: nullable(id('Quote whose acceptance won it')),
      reason: nullable(text('Why it was won from an earlier stage', 500)),
    },
    ['opportunityId', 'amount', 'wonAt'],
  ),
);

export interface OpportunityLostV1 {
  opportunityId: string;
  reason: string;
  competitor?: string | null;
  lostAt: string;
  cancelledOrderId?: string | null;
  stageId?: string | null;
}
export const OpportunityLost = sales(
  'opportunity',
  'lost',
  'A deal was lost: by the rep, or because the order it was won with was cancelled ' +
    '(cancelledOrderId), which undoes an earlier `opportunity.won`.',
  object(
    {
      opportunityId,
      reason: text('Why', 1000),
      competitor: nullable(text('Competitor that won it', 200)),
      lostAt: timestamp('When'),
      cancelledOrderId: nullable(id('The cancelled order whose deal this was (a win undone)')),
      stageId: nullable(id("The pipeline's lost stage it is in now")),
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
  priority?: 'low' | 'normal' | 'high' | null;
  endsAt?: string | null;
  timeZone?: string | null;
  status?: 'open' | 'completed' | null;
  loggedAt?: string | null;
  purpose?: string | null;
  location?: string | null;
  reminders?: { reminderId: string; remindAt: string }[] | null;
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
      priority: nullable(oneOf(['low', 'normal', 'high'], 'Priority')),
      endsAt: nullable(timestamp('Planned end of a meeting')),
      timeZone: nullable(text('IANA time zone the time was agreed in', 100)),
      status: nullable(oneOf(['open', 'completed'], 'completed when logged as already held')),
      loggedAt: nullable(timestamp('When it was recorded')),
      purpose: nullable(text('Calls: why it was made', 100)),
      location: nullable(text('Where a meeting takes place', 300)),
      reminders: nullable(list(reminder, 'Its reminders')),
    },
    ['activityId', 'kind'],
  ),
);

export interface ActivityCompletedV1 {
  activityId: string;
  completedAt: string;
  outcome?: string | null;
  heldAt?: string | null;
  recordedAt?: string | null;
}
export const ActivityCompleted = sales(
  'activity',
  'completed',
  'An activity was done.',
  object(
    {
      activityId,
      completedAt: timestamp('When: a call or meeting when it was held, a task when recorded'),
      outcome: nullable(text('Outcome', 200)),
      heldAt: nullable(timestamp('When a call or meeting took place')),
      recordedAt: nullable(timestamp('When the completion was recorded')),
    },
    ['activityId', 'completedAt'],
  ),
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
  currency?: string | null;
  totals?: QuoteTotalsV1 | null;
}
export interface QuoteTotalsV1 {
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}
export const QuoteSent = sales(
  'quote',
  'sent',
  'A quote was sent to the customer.',
  object(
    {
      quoteId,
      opportunityId: id('Opportunity'),
      total: legacyMoney('Total including tax'),
      validUntil: date('Last day the quote can be accepted'),
      sentAt: timestamp('When'),
      currency: nullable(currencyCode('Currency of the quote')),
      totals: nullable(totals),
    },
    ['quoteId', 'opportunityId', 'total', 'validUntil', 'sentAt'],
  ),
);

export interface QuoteAcceptedV1 {
  quoteId: string;
  opportunityId: string;
  orderId: string;
  acceptedAt: string;
  contactId?: string | null;
  companyId?: string | null;
  currency?: string | null;
  taxRateBps?: number | null;
  discountBps?: number | null;
  lines?: Record<string, unknown>[] | null;
  totals?: QuoteTotalsV1 | null;
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
      contactId: nullable(id('Customer contact')),
      companyId: nullable(id('Customer company')),
      currency: nullable(currencyCode('Currency')),
      taxRateBps: nullable(basisPoints('Tax rate')),
      discountBps: nullable(basisPoints('Overall discount')),
      lines: nullable(list(pricedLine, 'The lines accepted, as priced and configured')),
      totals: nullable(totals),
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
  lineId?: string | null;
  name?: string | null;
  options?: Record<string, unknown>[] | null;
  unitPriceMinor?: number | null;
  discountBps?: number | null;
  grossMinor?: number | null;
  discountMinor?: number | null;
  netMinor?: number | null;
}
export interface OrderPlacedV1 {
  orderId: string;
  contactId?: string | null;
  companyId?: string | null;
  quoteId?: string | null;
  lines: OrderLineV1[];
  total: Money;
  placedAt: string;
  /** `import`: brought in from another system's history (placedAt is its original date). */
  source?: 'quote' | 'api' | 'import' | null;
  /** Imported orders: the order's id in the system it came from. */
  externalId?: string | null;
  ownerId?: string | null;
  opportunityId?: string | null;
  currency?: string | null;
  taxRateBps?: number | null;
  discountBps?: number | null;
  totals?: QuoteTotalsV1 | null;
  /** The order as GET /orders/:id shows it (crm.sales.order.state.v1). */
  state?: Record<string, unknown> | null;
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
            unitPrice: legacyMoney('Price per unit after the line discount, 6 places'),
            lineTotal: legacyMoney('Line total after the line discount (netMinor)'),
            lineId: nullable(id('Line')),
            name: nullable(text('Product name', 200)),
            options: nullable(list(selectedOption, 'Configured options')),
            unitPriceMinor: nullable(minorUnits('Configured unit price before discounts')),
            discountBps: nullable(basisPoints('Line discount')),
            grossMinor: nullable(minorUnits('unitPriceMinor x quantity')),
            discountMinor: nullable(minorUnits('Line discount amount')),
            netMinor: nullable(minorUnits('gross - discount')),
          },
          ['productId', 'sku', 'quantity', 'unitPrice', 'lineTotal'],
        ),
        'Order lines',
      ),
      total: legacyMoney('Total including tax'),
      placedAt: timestamp('When'),
      source: nullable(
        oneOf(
          ['quote', 'api', 'import'],
          'From a quote, directly through the API, or imported from history (placedAt is then the original date)',
        ),
      ),
      externalId: nullable(text("Imported orders: the order's id in the system it came from", 200)),
      ownerId: nullable(id("Sales rep it is credited to (the quote's owner, or who placed it)")),
      opportunityId: nullable(id('Deal it was won with')),
      currency: nullable(currencyCode('Currency')),
      taxRateBps: nullable(basisPoints('Tax rate')),
      discountBps: nullable(basisPoints('Overall discount')),
      totals: nullable(totals),
      state: nullable(orderState),
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
  'An order was cancelled: it is no longer a sale. The deal it was won with (opportunityId) ' +
    'becomes lost (`crm.sales.opportunity.lost.v1` with cancelledOrderId).',
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

// --- Leads: the facts a rep or the web form changes after capture -------------------------

export interface LeadEngagedV1 {
  leadId: string;
  kind: 'interaction' | 'campaign-click';
  campaignId?: string | null;
  engagedAt: string;
}
export const LeadEngaged = sales(
  'lead',
  'engaged',
  'A lead interacted or clicked a campaign (its score follows in lead.scored).',
  object(
    {
      leadId,
      kind: oneOf(['interaction', 'campaign-click'], 'What happened'),
      campaignId: nullable(id('Campaign clicked')),
      engagedAt: timestamp('When'),
    },
    ['leadId', 'kind', 'engagedAt'],
  ),
);

export interface LeadWorkedV1 {
  leadId: string;
  ownerId: string;
  workedAt: string;
}
export const LeadWorked = sales(
  'lead',
  'worked',
  'A rep started working a lead (status working).',
  object({ leadId, ownerId: id('Sales rep working it'), workedAt: timestamp('When') }, [
    'leadId',
    'ownerId',
    'workedAt',
  ]),
);

export interface LeadProfileReplacedV1 {
  leadId: string;
  interest?: string | null;
  replacedAt: string;
}
export const LeadProfileReplaced = sales(
  'lead',
  'profile_replaced',
  "A lead's profile was replaced. Name, email, phone, company and job title are personal and " +
    'are only on crm.sales.lead.state.v1 (tombstoned on erasure).',
  object(
    {
      leadId,
      interest: nullable(text('What the lead is interested in', 300)),
      replacedAt: changedAt,
    },
    ['leadId', 'replacedAt'],
  ),
);

export interface LeadErasedV1 {
  leadId: string;
  erasedAt: string;
}
export const LeadErased = sales(
  'lead',
  'erased',
  "A lead's personal data was erased (GDPR): delete every copy. Its state topic is tombstoned.",
  object({ leadId, erasedAt: changedAt }, ['leadId', 'erasedAt']),
);

// --- Opportunities -------------------------------------------------------------------------

export interface OpportunityDetailsChangedV1 {
  opportunityId: string;
  changed: string[];
  name?: string | null;
  amountMinor?: number | null;
  currency?: string | null;
  expectedCloseDate?: string | null;
  forecastCategoryOverride?: string | null;
  changedAt: string;
}
export const OpportunityDetailsChanged = sales(
  'opportunity',
  'details_changed',
  'A deal was edited (PATCH): the members named in `changed` carry their new values.',
  object(
    {
      opportunityId,
      changed: list(
        oneOf(
          ['name', 'amountMinor', 'currency', 'expectedCloseDate', 'forecastCategory'],
          'Member changed',
        ),
        'What changed',
      ),
      name: nullable(text('Deal name', 200)),
      amountMinor: nullable(minorUnits('Deal value')),
      currency: nullable(currencyCode('Currency of the deal')),
      expectedCloseDate: nullable(date('Expected close date')),
      forecastCategoryOverride: nullable(
        oneOf(
          ['pipeline', 'best-case', 'commit', 'omitted'],
          "The rep's category; null when forecastCategory changed: derived from the probability again",
        ),
      ),
      changedAt,
    },
    ['opportunityId', 'changed', 'changedAt'],
  ),
);

export interface OpportunityProbabilityChangedV1 {
  opportunityId: string;
  probabilityOverride?: number | null;
  changedAt: string;
}
export const OpportunityProbabilityChanged = sales(
  'opportunity',
  'probability_changed',
  "A rep overrode a deal's win probability (null: back to the stage default, the last " +
    'probabilityPercent of opened/stage_changed/reopened).',
  object(
    {
      opportunityId,
      probabilityOverride: nullable(percent('The override')),
      changedAt,
    },
    ['opportunityId', 'changedAt'],
  ),
);

export interface OpportunityReassignedV1 {
  opportunityId: string;
  ownerId: string;
  reassignedAt: string;
}
export const OpportunityReassigned = sales(
  'opportunity',
  'reassigned',
  'A deal got another owner.',
  object({ opportunityId, ownerId: id('New sales rep'), reassignedAt: changedAt }, [
    'opportunityId',
    'ownerId',
    'reassignedAt',
  ]),
);

export interface OpportunityLineItemsSetV1 {
  opportunityId: string;
  lineItems: Record<string, unknown>[];
  amountMinor: number;
  changedAt: string;
}
export const OpportunityLineItemsSet = sales(
  'opportunity',
  'line_items_set',
  "A deal's products were replaced; its amount is now their sum.",
  object(
    {
      opportunityId,
      lineItems: list(lineItem, 'All the products on the deal now'),
      amountMinor: minorUnits('Deal value after the change'),
      changedAt,
    },
    ['opportunityId', 'lineItems', 'amountMinor', 'changedAt'],
  ),
);

export interface OpportunityReopenedV1 {
  opportunityId: string;
  stageId: string;
  probabilityPercent: number;
  reason: string;
  reopenedAt: string;
}
export const OpportunityReopened = sales(
  'opportunity',
  'reopened',
  'A won or lost deal was reopened into an open stage: an earlier won or lost no longer holds.',
  object(
    {
      opportunityId,
      stageId: id('Open stage it is in now'),
      probabilityPercent: percent('Win probability of that stage'),
      reason: text('Why', 500),
      reopenedAt: changedAt,
    },
    ['opportunityId', 'stageId', 'probabilityPercent', 'reason', 'reopenedAt'],
  ),
);

// --- Activities ------------------------------------------------------------------------------

export interface ActivityRescheduledV1 {
  activityId: string;
  scheduledAt?: string | null;
  dueAt?: string | null;
  endsAt?: string | null;
  reminders: { reminderId: string; remindAt: string }[];
  rescheduledAt: string;
}
export const ActivityRescheduled = sales(
  'activity',
  'rescheduled',
  'An open activity got a new time; its unfired reminders moved with it.',
  object(
    {
      activityId,
      scheduledAt: nullable(timestamp('New planned time of a call or meeting')),
      dueAt: nullable(timestamp('New due time of a task')),
      endsAt: nullable(timestamp('New planned end of a meeting')),
      reminders: list(reminder, 'The unfired reminders now'),
      rescheduledAt: changedAt,
    },
    ['activityId', 'reminders', 'rescheduledAt'],
  ),
);

export interface ActivityReassignedV1 {
  activityId: string;
  ownerId: string;
  reassignedAt: string;
}
export const ActivityReassigned = sales(
  'activity',
  'reassigned',
  'An activity got another assignee.',
  object({ activityId, ownerId: id('New assignee'), reassignedAt: changedAt }, [
    'activityId',
    'ownerId',
    'reassignedAt',
  ]),
);

export interface ActivityReminderAddedV1 {
  activityId: string;
  reminderId: string;
  remindAt: string;
}
export const ActivityReminderAdded = sales(
  'activity',
  'reminder_added',
  'A reminder was added to an open activity.',
  object({ activityId, reminderId: id('Reminder'), remindAt: timestamp('When it falls due') }, [
    'activityId',
    'reminderId',
    'remindAt',
  ]),
);

export interface ActivityCancelledV1 {
  activityId: string;
  reason?: string | null;
  cancelledAt: string;
}
export const ActivityCancelled = sales(
  'activity',
  'cancelled',
  'An open activity was cancelled; its reminders will not fire.',
  object({ activityId, reason: nullable(text('Why', 500)), cancelledAt: changedAt }, [
    'activityId',
    'cancelledAt',
  ]),
);

// --- Quotes ----------------------------------------------------------------------------------

export interface QuoteDraftedV1 {
  quoteId: string;
  opportunityId: string;
  contactId?: string | null;
  companyId?: string | null;
  ownerId: string;
  currency: string;
  taxRateBps: number;
  validUntil: string;
  draftedAt: string;
  state: Record<string, unknown>;
}
export const QuoteDrafted = sales(
  'quote',
  'drafted',
  'A quote was drafted for a deal (no lines yet).',
  object(
    {
      quoteId,
      opportunityId: id('Opportunity'),
      contactId: nullable(id('Customer contact')),
      companyId: nullable(id('Customer company')),
      ownerId: id('Sales rep'),
      currency: currencyCode('Currency'),
      taxRateBps: basisPoints('Tax rate'),
      validUntil: date('Last day it can be accepted'),
      draftedAt: changedAt,
      state: quoteState,
    },
    [
      'quoteId',
      'opportunityId',
      'ownerId',
      'currency',
      'taxRateBps',
      'validUntil',
      'draftedAt',
      'state',
    ],
  ),
);

export interface QuoteLineAddedV1 {
  quoteId: string;
  line: Record<string, unknown>;
  changedAt: string;
}
export const QuoteLineAdded = sales(
  'quote',
  'line_added',
  'A configured, priced product was added to a draft quote (totals: see quote.sent or the state topic).',
  object({ quoteId, line: pricedLine, changedAt }, ['quoteId', 'line', 'changedAt']),
);

export interface QuoteLineChangedV1 {
  quoteId: string;
  lineId: string;
  quantity: number;
  discountBps: number;
  changedAt: string;
}
export const QuoteLineChanged = sales(
  'quote',
  'line_changed',
  'The quantity or discount of a draft quote line changed.',
  object(
    {
      quoteId,
      lineId: id('Line'),
      quantity: integer('Quantity', 1),
      discountBps: basisPoints('Line discount'),
      changedAt,
    },
    ['quoteId', 'lineId', 'quantity', 'discountBps', 'changedAt'],
  ),
);

export interface QuoteLineRemovedV1 {
  quoteId: string;
  lineId: string;
  changedAt: string;
}
export const QuoteLineRemoved = sales(
  'quote',
  'line_removed',
  'A line was removed from a draft quote.',
  object({ quoteId, lineId: id('Line'), changedAt }, ['quoteId', 'lineId', 'changedAt']),
);

export interface QuoteDiscountSetV1 {
  quoteId: string;
  discountBps: number;
  changedAt: string;
}
export const QuoteDiscountSet = sales(
  'quote',
  'discount_set',
  'The overall discount of a draft quote changed.',
  object({ quoteId, discountBps: basisPoints('Overall discount'), changedAt }, [
    'quoteId',
    'discountBps',
    'changedAt',
  ]),
);

export interface QuoteTermsChangedV1 {
  quoteId: string;
  taxRateBps: number;
  validUntil: string;
  changedAt: string;
}
export const QuoteTermsChanged = sales(
  'quote',
  'terms_changed',
  'The tax rate or validity of a draft quote changed.',
  object(
    {
      quoteId,
      taxRateBps: basisPoints('Tax rate'),
      validUntil: date('Last day it can be accepted'),
      changedAt,
    },
    ['quoteId', 'taxRateBps', 'validUntil', 'changedAt'],
  ),
);

export interface QuoteRejectedV1 {
  quoteId: string;
  reason?: string | null;
  rejectedAt: string;
}
export const QuoteRejected = sales(
  'quote',
  'rejected',
  'The customer rejected a sent quote.',
  object({ quoteId, reason: nullable(text('Why', 500)), rejectedAt: changedAt }, [
    'quoteId',
    'rejectedAt',
  ]),
);

export interface QuoteExpiredV1 {
  quoteId: string;
  validUntil: string;
  expiredAt: string;
}
export const QuoteExpired = sales(
  'quote',
  'expired',
  'A sent quote passed its validity date without an answer; it can no longer be accepted.',
  object({ quoteId, validUntil: date('Its last valid day'), expiredAt: changedAt }, [
    'quoteId',
    'validUntil',
    'expiredAt',
  ]),
);

// --- Pipelines: the stages deals move through (names and default probabilities) -------------

const stages = list(
  object(
    {
      stageId: id('Stage id (what deals reference)'),
      name: text('Stage name', 200),
      kind: oneOf(['open', 'won', 'lost'], 'open, or the won/lost stage'),
      probability: percent('Default win probability of the stage'),
    },
    ['stageId', 'name', 'kind', 'probability'],
  ),
  'Stages in order: the open ones, then won and lost',
  50,
);
export interface PipelineStageV1 {
  stageId: string;
  name: string;
  kind: 'open' | 'won' | 'lost';
  probability: number;
}

export interface PipelineCreatedV1 {
  pipelineId: string;
  name: string;
  stages: PipelineStageV1[];
  createdAt: string;
}
export const PipelineCreated = sales(
  'pipeline',
  'created',
  'A sales pipeline was set up with its stages.',
  object(
    {
      pipelineId: id('Pipeline id (the aggregate id)'),
      name: text('Pipeline name', 200),
      stages,
      createdAt: changedAt,
    },
    ['pipelineId', 'name', 'stages', 'createdAt'],
  ),
);

export interface PipelineRenamedV1 {
  pipelineId: string;
  name: string;
  renamedAt: string;
}
export const PipelineRenamed = sales(
  'pipeline',
  'renamed',
  'A pipeline got another name.',
  object(
    {
      pipelineId: id('Pipeline id (the aggregate id)'),
      name: text('New name', 200),
      renamedAt: changedAt,
    },
    ['pipelineId', 'name', 'renamedAt'],
  ),
);

export interface PipelineStagesRevisedV1 {
  pipelineId: string;
  stages: PipelineStageV1[];
  revisedAt: string;
}
export const PipelineStagesRevised = sales(
  'pipeline',
  'stages_revised',
  "A pipeline's stages were revised (all of them as they are now).",
  object({ pipelineId: id('Pipeline id (the aggregate id)'), stages, revisedAt: changedAt }, [
    'pipelineId',
    'stages',
    'revisedAt',
  ]),
);

// --- Catalogue: products and price books ----------------------------------------------------

export interface ProductCreatedV1 {
  productId: string;
  sku: string;
  name: string;
  description?: string | null;
  family?: string | null;
  createdAt: string;
  state: Record<string, unknown>;
}
export const ProductCreated = sales(
  'product',
  'created',
  'A product was added to the catalogue, on sale (active) and without options yet.',
  object(
    {
      productId,
      sku: text('SKU', 100),
      name: text('Name', 200),
      description: nullable(text('Description', 2000)),
      family: nullable(text('Product family', 200)),
      createdAt: changedAt,
      state: productState,
    },
    ['productId', 'sku', 'name', 'createdAt', 'state'],
  ),
);

export interface ProductInfoChangedV1 {
  productId: string;
  name: string;
  description?: string | null;
  family?: string | null;
  changedAt: string;
}
export const ProductInfoChanged = sales(
  'product',
  'info_changed',
  "A product's name, description or family changed (all three as they are now).",
  object(
    {
      productId,
      name: text('Name', 200),
      description: nullable(text('Description', 2000)),
      family: nullable(text('Product family', 200)),
      changedAt,
    },
    ['productId', 'name', 'changedAt'],
  ),
);

export interface ProductOptionsDefinedV1 {
  productId: string;
  options: Record<string, unknown>;
  changedAt: string;
}
export const ProductOptionsDefined = sales(
  'product',
  'options_defined',
  "A product's configuration model (option groups, price deltas, rules) was replaced.",
  object({ productId, options: configurationModel, changedAt }, [
    'productId',
    'options',
    'changedAt',
  ]),
);

export interface ProductActivatedV1 {
  productId: string;
  changedAt: string;
}
export const ProductActivated = sales(
  'product',
  'activated',
  'A product went on sale.',
  object({ productId, changedAt }, ['productId', 'changedAt']),
);
export type ProductDeactivatedV1 = ProductActivatedV1;
export const ProductDeactivated = sales(
  'product',
  'deactivated',
  'A product was taken off sale (existing quotes and orders keep it).',
  object({ productId, changedAt }, ['productId', 'changedAt']),
);

export interface PriceBookCreatedV1 {
  priceBookId: string;
  name: string;
  isStandard: boolean;
  createdAt: string;
  state: Record<string, unknown>;
}
export const PriceBookCreated = sales(
  'price_book',
  'created',
  'A price book was created (no prices yet).',
  object(
    {
      priceBookId,
      name: text('Name', 200),
      isStandard: { type: 'boolean', description: 'The standard book' },
      createdAt: changedAt,
      state: priceBookState,
    },
    ['priceBookId', 'name', 'isStandard', 'createdAt', 'state'],
  ),
);

export interface PriceBookPriceSetV1 {
  priceBookId: string;
  productId: string;
  currency: string;
  amountMinor: number;
  changedAt: string;
}
export const PriceBookPriceSet = sales(
  'price_book',
  'price_set',
  'The list price of a product in one currency was set in a price book.',
  object(
    {
      priceBookId,
      productId: id('Product'),
      currency: currencyCode('Currency'),
      amountMinor: minorUnits('List price'),
      changedAt,
    },
    ['priceBookId', 'productId', 'currency', 'amountMinor', 'changedAt'],
  ),
);

export interface PriceBookPriceRemovedV1 {
  priceBookId: string;
  productId: string;
  currency: string;
  changedAt: string;
}
export const PriceBookPriceRemoved = sales(
  'price_book',
  'price_removed',
  'A product has no list price in that currency in the price book any more.',
  object({ priceBookId, productId: id('Product'), currency: currencyCode('Currency'), changedAt }, [
    'priceBookId',
    'productId',
    'currency',
    'changedAt',
  ]),
);

export const SALES_EVENTS = [
  LeadCaptured,
  LeadScored,
  LeadQualified,
  LeadConverted,
  LeadDisqualified,
  LeadEngaged,
  LeadWorked,
  LeadProfileReplaced,
  LeadErased,
  OpportunityOpened,
  OpportunityStageChanged,
  OpportunityWon,
  OpportunityLost,
  OpportunityDetailsChanged,
  OpportunityProbabilityChanged,
  OpportunityReassigned,
  OpportunityLineItemsSet,
  OpportunityReopened,
  ActivityLogged,
  ActivityCompleted,
  ReminderDue,
  ActivityRescheduled,
  ActivityReassigned,
  ActivityReminderAdded,
  ActivityCancelled,
  QuoteDrafted,
  QuoteLineAdded,
  QuoteLineChanged,
  QuoteLineRemoved,
  QuoteDiscountSet,
  QuoteTermsChanged,
  QuoteSent,
  QuoteAccepted,
  QuoteRejected,
  QuoteExpired,
  OrderPlaced,
  OrderFulfilled,
  OrderCancelled,
  OrderReturned,
  PipelineCreated,
  PipelineRenamed,
  PipelineStagesRevised,
  ProductCreated,
  ProductInfoChanged,
  ProductOptionsDefined,
  ProductActivated,
  ProductDeactivated,
  PriceBookCreated,
  PriceBookPriceSet,
  PriceBookPriceRemoved,
] as const;
