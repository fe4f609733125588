/**
 * Domain events of the after-sales log -> `crm.aftersales.v1` integration events (libs/contracts
 * aftersales.events.ts). Pure and deterministic, as the relay requires. Ids, codes and dates
 * only: a case's subject, description, replies and notes are its contact's personal data and are
 * never published (nor are internal moves: assignment, priority, status, notes, replies).
 * Assets are keyed by the asset id, cases and their breaches by the case id.
 */
import * as C from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft, IntegrationEventMapper } from '@crm/messaging';
import type { AssetEvent } from '../assets/asset.events';
import { coverageOf } from '../assets/warranty';
import type { CaseEvent } from '../cases/case.events';
import type { NoticeEvent } from '../notices/notice.events';

type LogEvent = AssetEvent | CaseEvent | NoticeEvent;

function draft(event: LogEvent, at: string): IntegrationEventDraft | null {
  switch (event.type) {
    case 'AssetRegistered': {
      const d = event.data;
      const data: C.AssetRegisteredV1 = {
        assetId: d.assetId,
        productId: d.productId,
        contactId: d.owner.contactId,
        companyId: d.owner.companyId ?? null,
        source: d.source.kind,
        orderId: d.source.kind === 'order' ? d.source.orderId : null,
        serialNumber: d.serialNumber ?? null,
        deliveredOn: d.deliveredOn,
        warrantyEndsOn: coverageOf(d.deliveredOn, d.warrantyMonths)?.to ?? null,
        registeredAt: at,
      };
      return { type: C.AssetRegistered.type, subject: d.assetId, data };
    }
    case 'AssetTransferred': {
      const d = event.data;
      const data: C.AssetTransferredV1 = {
        assetId: d.assetId,
        fromContactId: d.from.contactId,
        contactId: d.to.contactId,
        companyId: d.to.companyId ?? null,
        on: d.on,
        transferredAt: at,
      };
      return { type: C.AssetTransferred.type, subject: d.assetId, data };
    }
    case 'WarrantyExpiryAnnounced': {
      const d = event.data;
      const data: C.WarrantyExpiringV1 = {
        assetId: d.assetId,
        productId: d.productId,
        contactId: d.contactId,
        endsOn: d.endsOn,
        daysLeft: d.daysLeft,
        announcedAt: d.at,
      };
      return { type: C.WarrantyExpiring.type, subject: d.assetId, data };
    }
    case 'CaseOpened': {
      const d = event.data;
      const data: C.CaseOpenedV1 = {
        caseId: d.caseId,
        contactId: d.contactId,
        assetId: d.assetId ?? null,
        channel: d.channel,
        category: d.category,
        priority: d.priority,
        openedAt: d.at,
      };
      return { type: C.CaseOpened.type, subject: d.caseId, data };
    }
    case 'CaseResolved': {
      const d = event.data;
      const data: C.CaseResolvedV1 = {
        caseId: d.caseId,
        contactId: d.contactId,
        resolutionCode: d.resolutionCode,
        failure: d.failure,
        coverage: d.coverage,
        billable: d.billable,
        resolvedAt: d.at,
      };
      return { type: C.CaseResolved.type, subject: d.caseId, data };
    }
    case 'CaseReopened': {
      const d = event.data;
      const data: C.CaseReopenedV1 = {
        caseId: d.caseId,
        contactId: d.contactId,
        from: d.from,
        reopenedAt: d.at,
      };
      return { type: C.CaseReopened.type, subject: d.caseId, data };
    }
    case 'SatisfactionRecorded': {
      const d = event.data;
      const data: C.SatisfactionRecordedV1 = {
        caseId: d.caseId,
        contactId: d.contactId,
        score: d.score,
        recordedAt: d.at,
      };
      return { type: C.SatisfactionRecorded.type, subject: d.caseId, data };
    }
    case 'SlaBreachRecorded': {
      const d = event.data;
      const data: C.SlaBreachedV1 = {
        caseId: d.caseId,
        contactId: d.contactId,
        clock: d.clock,
        priority: d.priority,
        dueAt: d.dueAt,
        breachedAt: d.at,
      };
      return { type: C.SlaBreached.type, subject: d.caseId, data };
    }
    case 'MaintenanceDueAnnounced': {
      const d = event.data;
      const data: C.MaintenanceDueV1 = {
        assetId: d.assetId,
        productId: d.productId,
        contactId: d.contactId,
        planId: d.planId,
        dueOn: d.dueOn,
        announcedAt: d.at,
      };
      return { type: C.MaintenanceDue.type, subject: d.assetId, data };
    }
    case 'UpgradeSuggestionRecorded': {
      const d = event.data;
      const data: C.UpgradeSuggestedV1 = {
        assetId: d.assetId,
        productId: d.productId,
        contactId: d.contactId,
        reason: d.reason,
        failures: d.failures,
        suggestedAt: d.at,
      };
      return { type: C.UpgradeSuggested.type, subject: d.assetId, data };
    }
    default:
      return null;
  }
}

export const aftersalesIntegrationEvents: IntegrationEventMapper = (
  recorded: RecordedEvent,
): IntegrationEventDraft | null =>
  draft(
    { type: recorded.type, data: recorded.data } as LogEvent,
    new Date(recorded.metadata.occurredAt).toISOString(),
  );
