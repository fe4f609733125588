/**
 * Domain events -> `crm.sales.v1` integration events (the public contract in @crm/contracts).
 * Pure and deterministic, as the relay requires: a replayed event maps to the same messages.
 * Every state change the REST API can make is published; "created" facts carry the record's
 * whole public state (the state topic's document, folded from that one event), changes their
 * new values. Private: the SKU registry (uniqueness bookkeeping) and the conversion process's
 * steps (the outcome is lead.converted).
 * Re-pointing a merged contact is not re-published: it follows crm.contacts.contact.merged.v1.
 * Personal data stays out: ids, never names, emails or phones (a lead's profile travels only on
 * its state topic, which is tombstoned on erasure).
 */
import * as C from '@crm/contracts';
import type { OrderReferencesV1 } from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft, IntegrationEventMapper } from '@crm/messaging';
import type { ActivityEvent } from '../activities/activity.events';
import type { LeadEvent } from '../leads/lead.events';
import type { OpportunityEvent } from '../opportunities/opportunity.events';
import type { PipelineEvent } from '../pipelines/pipeline.events';
import { orderCancelledReason } from '../opportunities/opportunity.decider';
import type { OrderEvent, OrderLine, OrderReferences } from '../orders/order.events';
import type { PriceBookEvent } from '../price-books/price-book.events';
import type { ProductEvent } from '../products/product.events';
import type { QuoteEvent, QuoteLine } from '../quotes/quote.events';
import { computeTotals, type Totals } from '../shared/totals';
import { moneyJson, unitMoneyJson } from './money-json';
import {
  opportunityState,
  orderState,
  priceBookState,
  productState,
  quoteState,
} from './sales-state-views';

type Published =
  | LeadEvent
  | OpportunityEvent
  | ActivityEvent
  | QuoteEvent
  | OrderEvent
  | ProductEvent
  | PriceBookEvent
  | PipelineEvent;

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

/** The totals members, without the per-line split (that is on each line). */
function totalsOf(t: Totals): C.QuoteTotalsV1 {
  return {
    subtotalMinor: t.subtotalMinor,
    discountMinor: t.discountMinor,
    taxMinor: t.taxMinor,
    totalMinor: t.totalMinor,
  };
}

/** A quote or order line as published: configuration, price before discount, discount split. */
function pricedLines(
  lines: readonly (Omit<QuoteLine, 'options'> & {
    options?: QuoteLine['options'] | OrderLine['options'];
  })[],
  totals: Totals,
): Record<string, unknown>[] {
  return lines.map((line, i) => ({
    lineId: line.lineId,
    productId: line.productId,
    sku: line.sku,
    name: line.name,
    options: [...(line.options ?? [])],
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    discountBps: line.discountBps,
    grossMinor: totals.lines[i].grossMinor,
    discountMinor: totals.lines[i].discountMinor,
    netMinor: totals.lines[i].netMinor,
  }));
}

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
  // The business time of facts whose domain event has no time of its own.
  const occurredAt = new Date(recorded.metadata.occurredAt).toISOString();
  switch (event.type) {
    case 'LeadCaptured': {
      const d = event.data;
      return draft(C.LeadCaptured, d.leadId, {
        leadId: d.leadId,
        source: d.source,
        campaignId: d.campaignId,
        interest: d.profile.interest,
        ownerId: d.ownerId,
        capturedAt: d.capturedAt,
        status: 'new',
      });
    }
    case 'LeadProfileUpdated':
      return draft(C.LeadProfileReplaced, event.data.leadId, {
        leadId: event.data.leadId,
        interest: event.data.profile.interest,
        replacedAt: occurredAt,
      });
    case 'LeadEngagementRecorded': {
      const d = event.data;
      return draft(C.LeadEngaged, d.leadId, {
        leadId: d.leadId,
        kind: d.kind,
        campaignId: d.campaignId,
        engagedAt: d.occurredAt,
      });
    }
    case 'LeadScored':
      return draft(C.LeadScored, event.data.leadId, {
        leadId: event.data.leadId,
        score: event.data.score,
        reasons: event.data.reasons.map(({ rule, points }) => ({ rule, points })),
      });
    case 'LeadWorkStarted':
      return draft(C.LeadWorked, event.data.leadId, {
        leadId: event.data.leadId,
        ownerId: event.data.ownerId,
        workedAt: event.data.at,
      });
    case 'LeadQualified':
      return draft(C.LeadQualified, event.data.leadId, {
        leadId: event.data.leadId,
        qualifiedAt: event.data.at,
      });
    case 'LeadDisqualified':
      return draft(C.LeadDisqualified, event.data.leadId, {
        leadId: event.data.leadId,
        reason: event.data.reason,
        disqualifiedAt: event.data.at,
      });
    case 'LeadPersonalDataErased':
      return draft(C.LeadErased, event.data.leadId, {
        leadId: event.data.leadId,
        erasedAt: event.data.at,
      });
    case 'LeadConverted': {
      const d = event.data;
      return draft(C.LeadConverted, d.leadId, {
        leadId: d.leadId,
        contactId: d.contactId,
        companyId: d.companyId,
        opportunityId: d.opportunityId,
        convertedAt: d.at,
      });
    }
    case 'OpportunityOpened': {
      const d = event.data;
      return draft(C.OpportunityOpened, d.opportunityId, {
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
        name: d.name,
        amountMinor: d.amountMinor,
        currency: d.currency,
        probabilityPercent: d.stageProbability,
        openedAt: d.at,
        state: opportunityState([recorded]),
      });
    }
    case 'OpportunityStageChanged': {
      const d = event.data;
      return draft(C.OpportunityStageChanged, d.opportunityId, {
        opportunityId: d.opportunityId,
        pipelineId: d.pipelineId,
        fromStageId: d.fromStageId,
        toStageId: d.toStageId,
        probability: d.stageProbability / 100,
        changedAt: d.at,
        probabilityPercent: d.stageProbability,
        reason: d.reason,
      });
    }
    case 'OpportunityProbabilityOverridden':
      return draft(C.OpportunityProbabilityChanged, event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        probabilityOverride: event.data.probability,
        changedAt: occurredAt,
      });
    case 'OpportunityDetailsChanged': {
      const d = event.data;
      const members = ['name', 'amountMinor', 'currency', 'expectedCloseDate', 'forecastCategory'];
      return draft(C.OpportunityDetailsChanged, d.opportunityId, {
        opportunityId: d.opportunityId,
        changed: members.filter((m) => d[m as keyof typeof d] !== undefined),
        name: d.name,
        amountMinor: d.amountMinor,
        currency: d.currency,
        expectedCloseDate: d.expectedCloseDate,
        forecastCategoryOverride: d.forecastCategory,
        changedAt: occurredAt,
      });
    }
    case 'OpportunityReassigned':
      return draft(C.OpportunityReassigned, event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        ownerId: event.data.ownerId,
        reassignedAt: occurredAt,
      });
    case 'OpportunityLineItemsSet':
      return draft(C.OpportunityLineItemsSet, event.data.opportunityId, {
        opportunityId: event.data.opportunityId,
        lineItems: event.data.lineItems.map((item) => ({ ...item })),
        amountMinor: event.data.amountMinor,
        changedAt: occurredAt,
      });
    case 'OpportunityWon': {
      const d = event.data;
      return draft(C.OpportunityWon, d.opportunityId, {
        opportunityId: d.opportunityId,
        amount: moneyJson(d.amountMinor, d.currency),
        orderId: d.orderId,
        wonAt: d.at,
        amountMinor: d.amountMinor,
        currency: d.currency,
        stageId: d.stageId,
        quoteId: d.quoteId,
        reason: d.reason,
      });
    }
    case 'OpportunityLost': {
      const d = event.data;
      return draft(C.OpportunityLost, d.opportunityId, {
        opportunityId: d.opportunityId,
        reason: d.reason,
        competitor: d.competitor,
        lostAt: d.at,
        cancelledOrderId: undefined,
        stageId: d.stageId,
      });
    }
    case 'OpportunityOrderCancelled': {
      // The win is undone: consumers that hold opportunity.won see it lost, with the order.
      const d = event.data;
      return draft(C.OpportunityLost, d.opportunityId, {
        opportunityId: d.opportunityId,
        reason: orderCancelledReason(d.orderId, d.reason),
        competitor: undefined,
        lostAt: d.at,
        cancelledOrderId: d.orderId,
        stageId: d.stageId,
      });
    }
    case 'OpportunityReopened': {
      const d = event.data;
      return draft(C.OpportunityReopened, d.opportunityId, {
        opportunityId: d.opportunityId,
        stageId: d.stageId,
        probabilityPercent: d.stageProbability,
        reason: d.reason,
        reopenedAt: d.at,
      });
    }
    case 'ActivityLogged': {
      const { activityId, details: d, heldAt, outcome, reminders, at } = event.data;
      return draft(C.ActivityLogged, activityId, {
        activityId,
        kind: d.kind,
        contactId: d.contactId,
        opportunityId: d.opportunityId,
        leadId: d.leadId,
        ownerId: d.assigneeId,
        subject: d.subject,
        scheduledAt: d.kind === 'task' ? undefined : d.dueAt,
        heldAt,
        dueAt: d.kind === 'task' ? d.dueAt : undefined,
        outcome,
        priority: d.priority,
        endsAt: d.endsAt,
        timeZone: d.timeZone,
        status: heldAt ? 'completed' : 'open',
        loggedAt: at,
        // The rest of the state but phone and notes (personal: on the state topic only).
        purpose: d.purpose,
        location: d.location,
        reminders: reminders.map((r) => ({ ...r })),
      });
    }
    case 'ActivityRescheduled': {
      const d = event.data;
      // Before `kind` was recorded the time cannot be told apart: it goes out as dueAt.
      return draft(C.ActivityRescheduled, d.activityId, {
        activityId: d.activityId,
        scheduledAt: d.kind && d.kind !== 'task' ? d.dueAt : undefined,
        dueAt: d.kind && d.kind !== 'task' ? undefined : d.dueAt,
        endsAt: d.endsAt,
        reminders: d.reminders.map((r) => ({ ...r })),
        rescheduledAt: occurredAt,
      });
    }
    case 'ActivityReassigned':
      return draft(C.ActivityReassigned, event.data.activityId, {
        activityId: event.data.activityId,
        ownerId: event.data.assigneeId,
        reassignedAt: occurredAt,
      });
    case 'ReminderAdded':
      return draft(C.ActivityReminderAdded, event.data.activityId, {
        activityId: event.data.activityId,
        reminderId: event.data.reminder.reminderId,
        remindAt: event.data.reminder.remindAt,
      });
    case 'ActivityCompleted':
      return draft(C.ActivityCompleted, event.data.activityId, {
        activityId: event.data.activityId,
        // A call or meeting was done when it was held; the log may record it hours later.
        completedAt: event.data.heldAt ?? event.data.completedAt,
        outcome: event.data.outcome,
        heldAt: event.data.heldAt,
        recordedAt: event.data.completedAt,
      });
    case 'ActivityCancelled':
      return draft(C.ActivityCancelled, event.data.activityId, {
        activityId: event.data.activityId,
        reason: event.data.reason,
        cancelledAt: event.data.at,
      });
    case 'ReminderDue': {
      const d = event.data;
      return draft(C.ReminderDue, d.activityId, {
        activityId: d.activityId,
        reminderId: d.reminderId,
        assigneeId: d.assigneeId,
        dueAt: d.remindAt,
      });
    }
    case 'QuoteDrafted': {
      const d = event.data;
      return draft(C.QuoteDrafted, d.quoteId, {
        quoteId: d.quoteId,
        opportunityId: d.opportunityId,
        contactId: d.contactId,
        companyId: d.companyId,
        ownerId: d.ownerId,
        currency: d.currency,
        taxRateBps: d.taxRateBps,
        validUntil: d.validUntil,
        draftedAt: d.at,
        state: quoteState([recorded]),
      });
    }
    case 'QuoteLineAdded': {
      const { quoteId, line } = event.data;
      return draft(C.QuoteLineAdded, quoteId, {
        quoteId,
        // The line on its own, as if it were the only one: its gross, discount and net.
        line: pricedLines([line], computeTotals([line], 0, 0))[0],
        changedAt: occurredAt,
      });
    }
    case 'QuoteLineChanged': {
      const d = event.data;
      return draft(C.QuoteLineChanged, d.quoteId, {
        quoteId: d.quoteId,
        lineId: d.lineId,
        quantity: d.quantity,
        discountBps: d.discountBps,
        changedAt: occurredAt,
      });
    }
    case 'QuoteLineRemoved':
      return draft(C.QuoteLineRemoved, event.data.quoteId, {
        quoteId: event.data.quoteId,
        lineId: event.data.lineId,
        changedAt: occurredAt,
      });
    case 'QuoteDiscountSet':
      return draft(C.QuoteDiscountSet, event.data.quoteId, {
        quoteId: event.data.quoteId,
        discountBps: event.data.discountBps,
        changedAt: occurredAt,
      });
    case 'QuoteTermsChanged': {
      const d = event.data;
      return draft(C.QuoteTermsChanged, d.quoteId, {
        quoteId: d.quoteId,
        taxRateBps: d.taxRateBps,
        validUntil: d.validUntil,
        changedAt: occurredAt,
      });
    }
    case 'QuoteSent': {
      const d = event.data;
      return draft(C.QuoteSent, d.quoteId, {
        quoteId: d.quoteId,
        opportunityId: d.opportunityId,
        total: moneyJson(d.totals.totalMinor, d.currency),
        validUntil: d.validUntil,
        sentAt: d.at,
        currency: d.currency,
        totals: totalsOf(d.totals),
      });
    }
    case 'QuoteAccepted': {
      const d = event.data;
      return draft(C.QuoteAccepted, d.quoteId, {
        quoteId: d.quoteId,
        opportunityId: d.opportunityId,
        orderId: d.orderId,
        acceptedAt: d.at,
        contactId: d.contactId,
        companyId: d.companyId,
        currency: d.currency,
        taxRateBps: d.taxRateBps,
        discountBps: d.discountBps,
        lines: pricedLines(d.lines, d.totals),
        totals: totalsOf(d.totals),
      });
    }
    case 'QuoteRejected':
      return draft(C.QuoteRejected, event.data.quoteId, {
        quoteId: event.data.quoteId,
        reason: event.data.reason,
        rejectedAt: event.data.at,
      });
    case 'QuoteExpired':
      return draft(C.QuoteExpired, event.data.quoteId, {
        quoteId: event.data.quoteId,
        validUntil: event.data.validUntil,
        expiredAt: event.data.at,
      });
    case 'OrderPlaced': {
      const d = event.data;
      const lines = pricedLines(d.lines, d.totals);
      return draft(C.OrderPlaced, d.orderId, {
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
          ...lines[i],
        })),
        total: moneyJson(d.totals.totalMinor, d.currency),
        placedAt: d.at,
        source: d.source,
        externalId: d.externalId,
        ownerId: d.ownerId,
        opportunityId: d.opportunityId,
        currency: d.currency,
        taxRateBps: d.taxRateBps,
        discountBps: d.discountBps,
        totals: totalsOf(d.totals),
        state: orderState([recorded]),
      });
    }
    case 'OrderFulfilled':
      return draft(C.OrderFulfilled, event.data.orderId, {
        orderId: event.data.orderId,
        fulfilledAt: event.data.at,
        reason: undefined,
      });
    case 'OrderCancelled':
      return draft(C.OrderCancelled, event.data.orderId, {
        orderId: event.data.orderId,
        cancelledAt: event.data.at,
        reason: event.data.reason,
        ...orderReferences(event.data),
      });
    case 'OrderReturned':
      return draft(C.OrderReturned, event.data.orderId, {
        orderId: event.data.orderId,
        returnedAt: event.data.at,
        reason: event.data.reason,
        ...orderReferences(event.data),
      });
    case 'PipelineCreated': {
      const d = event.data;
      return draft(C.PipelineCreated, d.pipelineId, {
        pipelineId: d.pipelineId,
        name: d.name,
        stages: d.stages.map((stage) => ({ ...stage })),
        createdAt: occurredAt,
      });
    }
    case 'PipelineRenamed':
      return draft(C.PipelineRenamed, event.data.pipelineId, {
        pipelineId: event.data.pipelineId,
        name: event.data.name,
        renamedAt: occurredAt,
      });
    case 'PipelineStagesRevised':
      return draft(C.PipelineStagesRevised, event.data.pipelineId, {
        pipelineId: event.data.pipelineId,
        stages: event.data.stages.map((stage) => ({ ...stage })),
        revisedAt: occurredAt,
      });
    case 'ProductCreated': {
      const d = event.data;
      return draft(C.ProductCreated, d.productId, {
        productId: d.productId,
        sku: d.sku,
        name: d.name,
        description: d.description,
        family: d.family,
        createdAt: occurredAt,
        state: productState([recorded]),
      });
    }
    case 'ProductInfoChanged': {
      const d = event.data;
      return draft(C.ProductInfoChanged, d.productId, {
        productId: d.productId,
        name: d.name,
        description: d.description,
        family: d.family,
        changedAt: occurredAt,
      });
    }
    case 'ProductOptionsDefined':
      return draft(C.ProductOptionsDefined, event.data.productId, {
        productId: event.data.productId,
        options: event.data.model,
        changedAt: occurredAt,
      });
    case 'ProductActivated':
      return draft(C.ProductActivated, event.data.productId, {
        productId: event.data.productId,
        changedAt: occurredAt,
      });
    case 'ProductDeactivated':
      return draft(C.ProductDeactivated, event.data.productId, {
        productId: event.data.productId,
        changedAt: occurredAt,
      });
    case 'PriceBookCreated': {
      const d = event.data;
      return draft(C.PriceBookCreated, d.priceBookId, {
        priceBookId: d.priceBookId,
        name: d.name,
        isStandard: d.isStandard,
        createdAt: occurredAt,
        state: priceBookState([recorded]),
      });
    }
    case 'ListPriceSet': {
      const d = event.data;
      return draft(C.PriceBookPriceSet, d.priceBookId, {
        priceBookId: d.priceBookId,
        productId: d.productId,
        currency: d.currency,
        amountMinor: d.amountMinor,
        changedAt: occurredAt,
      });
    }
    case 'ListPriceRemoved': {
      const d = event.data;
      return draft(C.PriceBookPriceRemoved, d.priceBookId, {
        priceBookId: d.priceBookId,
        productId: d.productId,
        currency: d.currency,
        changedAt: occurredAt,
      });
    }
    default:
      return null;
  }
};
