/**
 * Domain events -> `crm.sales.v1` integration events (the public contract in @crm/contracts).
 * Pure and deterministic, as the relay requires: a replayed event maps to the same messages.
 * Internal facts (engagement, profile edits, line edits, pipelines, catalogue) are not published;
 * personal data stays here: integration events carry ids, never names, emails or phones.
 */
import {
  ActivityCompleted,
  ActivityLogged,
  LeadCaptured,
  LeadConverted,
  LeadDisqualified,
  LeadQualified,
  LeadScored,
  OpportunityLost,
  OpportunityOpened,
  OpportunityStageChanged,
  OpportunityWon,
  OrderCancelled,
  OrderFulfilled,
  OrderPlaced,
  OrderReturned,
  QuoteAccepted,
  QuoteSent,
  ReminderDue,
  type OrderReferencesV1,
} from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft, IntegrationEventMapper } from '@crm/messaging';
import type { ActivityEvent } from '../activities/activity.events';
import type { LeadEvent } from '../leads/lead.events';
import type { OpportunityEvent } from '../opportunities/opportunity.events';
import type { OrderEvent, OrderReferences } from '../orders/order.events';
import type { QuoteEvent } from '../quotes/quote.events';
import { moneyJson, unitMoneyJson } from './money-json';

type Published = LeadEvent | OpportunityEvent | ActivityEvent | QuoteEvent | OrderEvent;

const draft = (
  definition: { type: string },
  subject: string,
  data: Record<string, unknown>,
): IntegrationEventDraft => ({
  type: definition.type,
  subject,
  // Optional members are sent as null rather than left out, as the schemas allow.
  data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === undefined ? null : v])),
});

function orderReferences(d: OrderReferences): OrderReferencesV1 {
  return {
    contactId: d.contactId,
    companyId: d.companyId,
    opportunityId: d.opportunityId,
    quoteId: d.quoteId,
    totalMinor: d.totalMinor,
    currency: d.currency,
  };
}

export const salesIntegrationEvents: IntegrationEventMapper = (recorded: RecordedEvent) => {
  const event = { type: recorded.type, data: recorded.data } as Published;
  switch (event.type) {
    case 'LeadCaptured': {
      const d = event.data;
      return draft(LeadCaptured, d.leadId, {
        leadId: d.leadId,
        source: d.source,
        campaignId: d.campaignId,
        interest: d.profile.interest,
        ownerId: d.ownerId,
        capturedAt: d.capturedAt,
      });
    }
    case 'LeadScored':
      return draft(LeadScored, event.data.leadId, {
        leadId: event.data.leadId,
        score: event.data.score,
        reasons: event.data.reasons.map(({ rule, points }) => ({ rule, points })),
      });
    case 'LeadQualified':
      return draft(LeadQualified, event.data.leadId, {
        leadId: event.data.leadId,
        qualifiedAt: event.data.at,
      });
    case 'LeadDisqualified':
      return draft(LeadDisqualified, event.data.leadId, {
        leadId: event.data.leadId,
        reason: event.data.reason,
        disqualifiedAt: event.data.at,
      });
    case 'LeadConverted': {
      const d = event.data;
      return draft(LeadConverted, d.leadId, {
        leadId: d.leadId,
        contactId: d.contactId,
        companyId: d.companyId,
        opportunityId: d.opportunityId,
        convertedAt: d.at,
      });
    }
    case 'OpportunityOpened': {
      const d = event.data;
      return draft(OpportunityOpened, d.opportunityId, {
        opportunityId: d.opportunityId,
        pipelineId: d.pipelineId,
        stageId: d.stageId,
        contactId: d.contactId,
        companyId: d.companyId,
        leadId: d.leadId,
        amount: moneyJson(d.amountMinor, d.currency),
        probability: d.stageProbability / 100,
        expectedCloseDate: d.expectedCloseDate,
        ownerId: d.ownerId,
      });
    }
    case 'OpportunityStageChanged': {
      const d = event.data;
      return draft(OpportunityStageChanged, d.opportunityId, {
        opportunityId: d.opportunityId,
        pipelineId: d.pipelineId,
        fromStageId: d.fromStageId,
        toStageId: d.toStageId,
        probability: d.stageProbability / 100,
        changedAt: d.at,
      });
    }
    case 'OpportunityWon': {
      const d = event.data;
      return draft(OpportunityWon, d.opportunityId, {
        opportunityId: d.opportunityId,
        amount: moneyJson(d.amountMinor, d.currency),
        orderId: d.orderId,
        wonAt: d.at,
      });
    }
    case 'OpportunityLost': {
      const d = event.data;
      return draft(OpportunityLost, d.opportunityId, {
        opportunityId: d.opportunityId,
        reason: d.reason,
        competitor: d.competitor,
        lostAt: d.at,
      });
    }
    case 'ActivityLogged': {
      const { activityId, details: d } = event.data;
      return draft(ActivityLogged, activityId, {
        activityId,
        kind: d.kind,
        contactId: d.contactId,
        opportunityId: d.opportunityId,
        leadId: d.leadId,
        ownerId: d.assigneeId,
        subject: d.subject,
        scheduledAt: d.kind === 'task' ? undefined : d.dueAt,
        heldAt: undefined,
        dueAt: d.kind === 'task' ? d.dueAt : undefined,
        outcome: undefined,
      });
    }
    case 'ActivityCompleted':
      return draft(ActivityCompleted, event.data.activityId, {
        activityId: event.data.activityId,
        // A call or meeting was done when it was held; the log may record it hours later.
        completedAt: event.data.heldAt ?? event.data.completedAt,
        outcome: event.data.outcome,
      });
    case 'ReminderDue': {
      const d = event.data;
      return draft(ReminderDue, d.activityId, {
        activityId: d.activityId,
        reminderId: d.reminderId,
        assigneeId: d.assigneeId,
        dueAt: d.remindAt,
      });
    }
    case 'QuoteSent': {
      const d = event.data;
      return draft(QuoteSent, d.quoteId, {
        quoteId: d.quoteId,
        opportunityId: d.opportunityId,
        total: moneyJson(d.totals.totalMinor, d.currency),
        validUntil: d.validUntil,
        sentAt: d.at,
      });
    }
    case 'QuoteAccepted': {
      const d = event.data;
      return draft(QuoteAccepted, d.quoteId, {
        quoteId: d.quoteId,
        opportunityId: d.opportunityId,
        orderId: d.orderId,
        acceptedAt: d.at,
      });
    }
    case 'OrderPlaced': {
      const d = event.data;
      return draft(OrderPlaced, d.orderId, {
        orderId: d.orderId,
        contactId: d.contactId,
        companyId: d.companyId,
        quoteId: d.quoteId,
        lines: d.lines.map((line, i) => ({
          productId: line.productId,
          sku: line.sku,
          quantity: line.quantity,
          unitPrice: unitMoneyJson(d.totals.lines[i].netMinor, line.quantity, d.currency),
          lineTotal: moneyJson(d.totals.lines[i].netMinor, d.currency),
        })),
        total: moneyJson(d.totals.totalMinor, d.currency),
        placedAt: d.at,
      });
    }
    case 'OrderFulfilled':
      return draft(OrderFulfilled, event.data.orderId, {
        orderId: event.data.orderId,
        fulfilledAt: event.data.at,
        reason: undefined,
      });
    case 'OrderCancelled':
      return draft(OrderCancelled, event.data.orderId, {
        orderId: event.data.orderId,
        cancelledAt: event.data.at,
        reason: event.data.reason,
        ...orderReferences(event.data),
      });
    case 'OrderReturned':
      return draft(OrderReturned, event.data.orderId, {
        orderId: event.data.orderId,
        returnedAt: event.data.at,
        reason: event.data.reason,
        ...orderReferences(event.data),
      });
    default:
      return null;
  }
};
