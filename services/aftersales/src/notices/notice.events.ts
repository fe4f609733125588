/**
 * What the watcher announced about a case or an asset, on the subject's `notice-<kind>:<id>`
 * stream: each announcement once per key (an SLA clock, a warranty end date), so the relay
 * publishes it once however many replicas or runs saw it due. Ids, codes and dates only.
 */
import type { DomainEvent } from '@crm/event-sourcing';
import type { CasePriority } from '../sla/sla-policy';

export type SlaClock = 'first_response' | 'resolution';

export type SlaBreachRecorded = DomainEvent<
  'SlaBreachRecorded',
  {
    caseId: string;
    contactId: string;
    clock: SlaClock;
    priority: CasePriority;
    dueAt: string;
    at: string;
  }
>;

export type WarrantyExpiryAnnounced = DomainEvent<
  'WarrantyExpiryAnnounced',
  {
    assetId: string;
    productId: string;
    contactId: string;
    endsOn: string;
    daysLeft: number;
    at: string;
  }
>;

export type MaintenanceDueAnnounced = DomainEvent<
  'MaintenanceDueAnnounced',
  {
    assetId: string;
    productId: string;
    contactId: string;
    planId: string;
    dueOn: string;
    at: string;
  }
>;

export type UpgradeSuggestionRecorded = DomainEvent<
  'UpgradeSuggestionRecorded',
  {
    assetId: string;
    productId: string;
    contactId: string;
    reason: 'failures' | 'repair_costs';
    failures: number;
    at: string;
  }
>;

export type NoticeEvent =
  SlaBreachRecorded | WarrantyExpiryAnnounced | MaintenanceDueAnnounced | UpgradeSuggestionRecorded;

/** The key an announcement is made once for. */
export function noticeKey(event: NoticeEvent): string {
  switch (event.type) {
    case 'SlaBreachRecorded':
      return `sla:${event.data.clock}`;
    case 'WarrantyExpiryAnnounced':
      return `warranty:${event.data.endsOn}`;
    case 'MaintenanceDueAnnounced':
      return `maintenance:${event.data.planId}:${event.data.dueOn}`;
    case 'UpgradeSuggestionRecorded':
      // Once per asset: the offer is made, the asset does not get better by failing again.
      return 'upgrade';
  }
}

/** The notice stream's id part for a case or an asset. */
export const noticeSubject = {
  case: (caseId: string) => `case:${caseId}`,
  asset: (assetId: string) => `asset:${assetId}`,
} as const;
