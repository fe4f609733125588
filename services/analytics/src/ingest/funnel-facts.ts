/**
 * What each lead and opportunity fact says about the funnel row (leads, opportunities), as
 * column patches (a member absent: unchanged), and the states' whole rows. Pure. Amounts in minor
 * units of the deal's currency (v1 decimal members converted when the minor ones are absent);
 * probability in percent.
 */
import * as C from '@crm/contracts';
import { minorUnitsOfDecimal } from '@crm/values';
import type { RowPatch } from './row-patch';

export interface LeadStateV1 {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly source: string;
  readonly score: number;
  readonly ownerId?: string;
  readonly capturedAt: string;
  readonly contactId?: string;
  readonly opportunityId?: string;
}

export interface OpportunityStateV1 {
  readonly id: string;
  readonly version: number;
  readonly pipelineId: string;
  readonly stageId: string;
  readonly status: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly probability: number;
  readonly forecastCategory: string;
  readonly expectedCloseDate: string;
  readonly ownerId: string;
  readonly contactId?: string;
  readonly stageHistory?: readonly { stageId: string; enteredAt: string }[];
}

/** The lead patch of an event (contact ids are resolved by the caller). */
export function leadPatchOf(type: string, data: unknown): RowPatch {
  switch (type) {
    case C.LeadCaptured.type: {
      const d = data as C.LeadCapturedV1;
      return {
        source: d.source,
        campaign_id: d.campaignId ?? null,
        owner_id: d.ownerId ?? null,
        status: 'new',
        captured_at: d.capturedAt,
      };
    }
    case C.LeadScored.type:
      return { score: (data as C.LeadScoredV1).score };
    case C.LeadWorked.type:
      return { status: 'working', owner_id: (data as C.LeadWorkedV1).ownerId };
    case C.LeadQualified.type:
      return { status: 'qualified', qualified_at: (data as C.LeadQualifiedV1).qualifiedAt };
    case C.LeadConverted.type: {
      const d = data as C.LeadConvertedV1;
      return {
        status: 'converted',
        converted_at: d.convertedAt,
        contact_id: d.contactId,
        opportunity_id: d.opportunityId,
      };
    }
    case C.LeadDisqualified.type:
      return {
        status: 'disqualified',
        disqualified_at: (data as C.LeadDisqualifiedV1).disqualifiedAt,
      };
    default:
      return {};
  }
}

export function leadPatchOfState(s: LeadStateV1): RowPatch {
  return {
    status: s.status,
    source: s.source,
    score: s.score,
    owner_id: s.ownerId ?? null,
    captured_at: s.capturedAt,
    contact_id: s.contactId ?? null,
    opportunity_id: s.opportunityId ?? null,
  };
}

/** The opportunity patch of an event. */
export function opportunityPatchOf(type: string, data: unknown, at: string): RowPatch {
  switch (type) {
    case C.OpportunityOpened.type: {
      const d = data as C.OpportunityOpenedV1;
      const state = (d.state ?? {}) as { forecastCategory?: string };
      return {
        pipeline_id: d.pipelineId,
        stage_id: d.stageId,
        status: 'open',
        amount_minor: d.amountMinor ?? minorUnitsOfDecimal(d.amount.amount, d.amount.currency),
        currency: d.currency ?? d.amount.currency,
        probability: d.probabilityPercent ?? Math.round(d.probability * 100),
        forecast_category: state.forecastCategory ?? null,
        expected_close_date: d.expectedCloseDate ?? null,
        owner_id: d.ownerId ?? null,
        contact_id: d.contactId ?? null,
        lead_id: d.leadId ?? null,
        opened_at: d.openedAt ?? at,
      };
    }
    case C.OpportunityStageChanged.type: {
      const d = data as C.OpportunityStageChangedV1;
      return {
        stage_id: d.toStageId,
        probability: d.probabilityPercent ?? Math.round(d.probability * 100),
      };
    }
    case C.OpportunityWon.type: {
      const d = data as C.OpportunityWonV1;
      return {
        status: 'won',
        won_at: d.wonAt,
        lost_at: null,
        forecast_category: 'closed',
        probability: 100,
        amount_minor: d.amountMinor ?? minorUnitsOfDecimal(d.amount.amount, d.amount.currency),
        currency: d.currency ?? d.amount.currency,
        ...(d.stageId ? { stage_id: d.stageId } : {}),
      };
    }
    case C.OpportunityLost.type: {
      const d = data as C.OpportunityLostV1;
      return {
        status: 'lost',
        lost_at: d.lostAt,
        won_at: null,
        forecast_category: 'omitted',
        probability: 0,
        ...(d.stageId ? { stage_id: d.stageId } : {}),
      };
    }
    case C.OpportunityReopened.type: {
      const d = data as C.OpportunityReopenedV1;
      return {
        status: 'open',
        stage_id: d.stageId,
        probability: d.probabilityPercent,
        won_at: null,
        lost_at: null,
      };
    }
    case C.OpportunityDetailsChanged.type: {
      const d = data as C.OpportunityDetailsChangedV1;
      const has = (member: string) => d.changed.includes(member);
      return {
        ...(has('amountMinor') && d.amountMinor != null ? { amount_minor: d.amountMinor } : {}),
        ...(has('currency') && d.currency ? { currency: d.currency } : {}),
        ...(has('expectedCloseDate') ? { expected_close_date: d.expectedCloseDate ?? null } : {}),
        ...(has('forecastCategory') && d.forecastCategoryOverride
          ? { forecast_category: d.forecastCategoryOverride }
          : {}),
      };
    }
    case C.OpportunityProbabilityChanged.type: {
      const d = data as C.OpportunityProbabilityChangedV1;
      return d.probabilityOverride != null ? { probability: d.probabilityOverride } : {};
    }
    case C.OpportunityReassigned.type:
      return { owner_id: (data as C.OpportunityReassignedV1).ownerId };
    case C.OpportunityLineItemsSet.type:
      return { amount_minor: (data as C.OpportunityLineItemsSetV1).amountMinor };
    default:
      return {};
  }
}

export function opportunityPatchOfState(s: OpportunityStateV1): RowPatch {
  return {
    pipeline_id: s.pipelineId,
    stage_id: s.stageId,
    status: s.status,
    amount_minor: s.amountMinor,
    currency: s.currency,
    probability: s.probability,
    forecast_category: s.forecastCategory,
    expected_close_date: s.expectedCloseDate,
    owner_id: s.ownerId,
    contact_id: s.contactId ?? null,
  };
}

/** The stage a fact puts the deal in and when (opportunity_stage_changes), if it moves it. */
export function stageEntryOf(
  type: string,
  data: unknown,
  at: string,
): { stageId: string; enteredAt: string } | undefined {
  switch (type) {
    case C.OpportunityOpened.type: {
      const d = data as C.OpportunityOpenedV1;
      return { stageId: d.stageId, enteredAt: d.openedAt ?? at };
    }
    case C.OpportunityStageChanged.type: {
      const d = data as C.OpportunityStageChangedV1;
      return { stageId: d.toStageId, enteredAt: d.changedAt };
    }
    case C.OpportunityWon.type: {
      const d = data as C.OpportunityWonV1;
      return d.stageId ? { stageId: d.stageId, enteredAt: d.wonAt } : undefined;
    }
    case C.OpportunityLost.type: {
      const d = data as C.OpportunityLostV1;
      return d.stageId ? { stageId: d.stageId, enteredAt: d.lostAt } : undefined;
    }
    case C.OpportunityReopened.type: {
      const d = data as C.OpportunityReopenedV1;
      return { stageId: d.stageId, enteredAt: d.reopenedAt };
    }
    default:
      return undefined;
  }
}
