/**
 * The timeline entries of crm.aftersales.v1 facts about a contact: a service case opened and
 * resolved, preventive maintenance due on one of their assets. Ids and codes only (after-sales
 * keeps the case's text); each entry's id is derived from the fact, so a redelivery rewrites it.
 */
import type { CaseOpenedV1, CaseResolvedV1, MaintenanceDueV1 } from '@crm/contracts';

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
