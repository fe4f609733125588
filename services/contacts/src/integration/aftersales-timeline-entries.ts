/**
 * The timeline entries of crm.aftersales.v1 facts about a contact: a service case opened,
 * resolved, reopened and rated, preventive maintenance due on one of their assets, a warranty
 * about to end. Ids and codes only (after-sales
 * keeps the case's text); each entry's id is derived from the fact, so a redelivery rewrites it.
 */
import type {
  CaseOpenedV1,
  CaseReopenedV1,
  CaseResolvedV1,
  MaintenanceDueV1,
  SatisfactionRecordedV1,
  WarrantyExpiringV1,
} from '@crm/contracts';

export interface AftersalesTimelineEntry {
  readonly entryId: string;
  readonly source: 'aftersales';
  readonly kind: string;
  readonly occurredAt: string;
  readonly channel?: string | null;
  readonly subject: string;
  readonly details: Record<string, unknown>;
}

export function caseOpenedEntry(d: CaseOpenedV1): AftersalesTimelineEntry {
  return {
    entryId: `aftersales-case:${d.caseId}`,
    source: 'aftersales',
    kind: 'service-case',
    occurredAt: d.openedAt,
    channel: d.channel,
    subject: `Service case opened (${d.category}, ${d.priority})`,
    details: {
      caseId: d.caseId,
      assetId: d.assetId ?? null,
      category: d.category,
      priority: d.priority,
    },
  };
}

/** One entry per resolution: a reopened case resolved again is a second one. */
export function caseResolvedEntry(d: CaseResolvedV1): AftersalesTimelineEntry {
  return {
    entryId: `aftersales-case-resolved:${d.caseId}:${d.resolvedAt}`,
    source: 'aftersales',
    kind: 'service-case-resolved',
    occurredAt: d.resolvedAt,
    subject: `Service case resolved (${d.resolutionCode})`,
    details: {
      caseId: d.caseId,
      resolutionCode: d.resolutionCode,
      coverage: d.coverage,
      billable: d.billable,
    },
  };
}

export function maintenanceDueEntry(d: MaintenanceDueV1): AftersalesTimelineEntry {
  return {
    entryId: `aftersales-maintenance:${d.assetId}:${d.planId}:${d.dueOn}`,
    source: 'aftersales',
    kind: 'maintenance-due',
    occurredAt: d.announcedAt,
    subject: `Maintenance due on ${d.dueOn}`,
    details: { assetId: d.assetId, productId: d.productId, planId: d.planId, dueOn: d.dueOn },
  };
}

/** One entry per reopening, as per resolution. */
export function caseReopenedEntry(d: CaseReopenedV1): AftersalesTimelineEntry {
  return {
    entryId: `aftersales-case-reopened:${d.caseId}:${d.reopenedAt}`,
    source: 'aftersales',
    kind: 'service-case-reopened',
    occurredAt: d.reopenedAt,
    subject: 'Service case reopened',
    details: { caseId: d.caseId, from: d.from },
  };
}

/** A case is rated once: one entry per case. */
export function satisfactionEntry(d: SatisfactionRecordedV1): AftersalesTimelineEntry {
  return {
    entryId: `aftersales-satisfaction:${d.caseId}`,
    source: 'aftersales',
    kind: 'service-satisfaction',
    occurredAt: d.recordedAt,
    subject: `Service case rated ${d.score} of 5`,
    details: { caseId: d.caseId, score: d.score },
  };
}

/** Announced once per end date (an extension moves the end: a new entry). */
export function warrantyExpiringEntry(d: WarrantyExpiringV1): AftersalesTimelineEntry {
  return {
    entryId: `aftersales-warranty:${d.assetId}:${d.endsOn}`,
    source: 'aftersales',
    kind: 'warranty-expiring',
    occurredAt: d.announcedAt,
    subject: `Warranty ends on ${d.endsOn}`,
    details: { assetId: d.assetId, productId: d.productId, endsOn: d.endsOn, daysLeft: d.daysLeft },
  };
}
