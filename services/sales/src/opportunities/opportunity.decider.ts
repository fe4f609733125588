/**
 * Opportunity (deal). Stage-move rules, checked against the pipeline snapshot in the command:
 * - moves happen only while the deal is open; won/lost stages are reached only by Win/Lose;
 * - moving forward past one or more open stages needs a reason (no silent skipping);
 * - winning from any stage but the last open one needs a reason (an accepted quote is one);
 * - losing always needs a reason; reopening a closed deal needs a reason.
 * Probability is the stage default unless overridden; the override is dropped on a stage move,
 * because the rep's estimate was for the old stage.
 */
import { type Decider } from '@crm/event-sourcing';
import {
  multiply,
  parseCalendarDate,
  parseCurrency,
  parseMinorUnits,
  parseText,
  sum,
} from '@crm/values';
import type { Stage } from '../pipelines/pipeline.events';
import type { OpportunityCommand, PipelineSnapshot } from './opportunity.commands';
import {
  FORECAST_CATEGORIES,
  type ForecastCategory,
  type OpportunityEvent,
  type OpportunityLineItem,
} from './opportunity.events';
import { OpportunityErrors } from './opportunity.errors';
import { LineErrors } from '../shared/line.errors';

export type OpportunityStatus = 'open' | 'won' | 'lost';

export interface StageVisit {
  readonly stageId: string;
  readonly enteredAt: string;
}

export interface OpportunityState {
  readonly exists: boolean;
  readonly opportunityId: string;
  readonly name: string;
  readonly status: OpportunityStatus;
  readonly pipelineId: string;
  readonly stageId: string;
  /** The open stage the deal was in before it closed (where a reopen returns to by default). */
  readonly lastOpenStageId: string;
  readonly stageProbability: number;
  readonly probabilityOverride: number | null;
  readonly forecastCategoryOverride: ForecastCategory | null;
  readonly amountMinor: number;
  readonly currency: string;
  readonly expectedCloseDate: string;
  readonly ownerId: string;
  readonly contactId?: string;
  readonly companyId?: string;
  readonly lineItems: readonly OpportunityLineItem[];
  readonly stageHistory: readonly StageVisit[];
  readonly orderId?: string;
  readonly lostReason?: string;
  readonly competitor?: string;
}

export const initialOpportunityState = (): OpportunityState => ({
  exists: false,
  opportunityId: '',
  name: '',
  status: 'open',
  pipelineId: '',
  stageId: '',
  lastOpenStageId: '',
  stageProbability: 0,
  probabilityOverride: null,
  forecastCategoryOverride: null,
  amountMinor: 0,
  currency: '',
  expectedCloseDate: '',
  ownerId: '',
  lineItems: [],
  stageHistory: [],
});

export function evolveOpportunity(
  state: OpportunityState,
  event: OpportunityEvent,
): OpportunityState {
  switch (event.type) {
    case 'OpportunityOpened': {
      const d = event.data;
      return {
        ...state,
        exists: true,
        opportunityId: d.opportunityId,
        name: d.name,
        pipelineId: d.pipelineId,
        stageId: d.stageId,
        lastOpenStageId: d.stageId,
        stageProbability: d.stageProbability,
        amountMinor: d.amountMinor,
        currency: d.currency,
        expectedCloseDate: d.expectedCloseDate,
        ownerId: d.ownerId,
        contactId: d.contactId,
        companyId: d.companyId,
        stageHistory: [{ stageId: d.stageId, enteredAt: d.at }],
      };
    }
    case 'OpportunityStageChanged':
      return {
        ...state,
        stageId: event.data.toStageId,
        lastOpenStageId: event.data.toStageId,
        stageProbability: event.data.stageProbability,
        probabilityOverride: null,
        stageHistory: [
          ...state.stageHistory,
          { stageId: event.data.toStageId, enteredAt: event.data.at },
        ],
      };
    case 'OpportunityProbabilityOverridden':
      return { ...state, probabilityOverride: event.data.probability };
    case 'OpportunityDetailsChanged': {
      const { opportunityId: _, forecastCategory, ...details } = event.data;
      return {
        ...state,
        ...details,
        forecastCategoryOverride:
          forecastCategory === undefined ? state.forecastCategoryOverride : forecastCategory,
      };
    }
    case 'OpportunityReassigned':
      return { ...state, ownerId: event.data.ownerId };
    case 'OpportunityLineItemsSet':
      return { ...state, lineItems: event.data.lineItems, amountMinor: event.data.amountMinor };
    case 'OpportunityWon':
      return {
        ...state,
        status: 'won',
        stageId: event.data.stageId,
        stageProbability: 100,
        probabilityOverride: null,
        amountMinor: event.data.amountMinor,
        orderId: event.data.orderId,
        stageHistory: [
          ...state.stageHistory,
          { stageId: event.data.stageId, enteredAt: event.data.at },
        ],
      };
    case 'OpportunityLost':
      return {
        ...state,
        status: 'lost',
        stageId: event.data.stageId,
        stageProbability: 0,
        probabilityOverride: null,
        lostReason: event.data.reason,
        competitor: event.data.competitor,
        stageHistory: [
          ...state.stageHistory,
          { stageId: event.data.stageId, enteredAt: event.data.at },
        ],
      };
    case 'OpportunityReopened':
      return {
        ...state,
        status: 'open',
        stageId: event.data.stageId,
        lastOpenStageId: event.data.stageId,
        stageProbability: event.data.stageProbability,
        orderId: undefined,
        lostReason: undefined,
        competitor: undefined,
        stageHistory: [
          ...state.stageHistory,
          { stageId: event.data.stageId, enteredAt: event.data.at },
        ],
      };
    case 'OpportunityOrderCancelled':
      return {
        ...state,
        status: 'lost',
        stageId: event.data.stageId,
        stageProbability: 0,
        probabilityOverride: null,
        lostReason: orderCancelledReason(event.data.orderId, event.data.reason),
        competitor: undefined,
        stageHistory: [
          ...state.stageHistory,
          { stageId: event.data.stageId, enteredAt: event.data.at },
        ],
      };
    case 'OpportunityContactRepointed':
      return { ...state, contactId: event.data.toContactId };
  }
}

/** The lost reason a cancelled order leaves on its deal. */
export function orderCancelledReason(orderId: string, reason: string): string {
  return `order ${orderId} cancelled: ${reason}`;
}

export function decideOpportunity(
  command: OpportunityCommand,
  state: OpportunityState,
): OpportunityEvent[] {
  if (command.type === 'OpenOpportunity') return open(command.data, state);
  if (!state.exists) throw OpportunityErrors.opportunityNotFound();
  const opportunityId = state.opportunityId;

  switch (command.type) {
    case 'ChangeOpportunityStage': {
      requireOpen(state);
      const stages = stagesOf(command.data.pipeline, state);
      const target = findStage(stages, command.data.stageId);
      if (target.stageId === state.stageId) return [];
      if (target.kind !== 'open') {
        throw OpportunityErrors.invalidStageMove('close', target.stageId, target.name);
      }
      const reason = command.data.reason?.trim() || undefined;
      const skipped = openStagesBetween(stages, state.stageId, target.stageId);
      if (skipped.length > 0 && !reason) {
        throw OpportunityErrors.stageSkipRequiresReason(target, skipped);
      }
      return [
        {
          type: 'OpportunityStageChanged',
          data: {
            opportunityId,
            pipelineId: state.pipelineId,
            fromStageId: state.stageId,
            toStageId: target.stageId,
            stageProbability: target.probability,
            ...(reason ? { reason } : {}),
            at: command.data.at,
          },
        },
      ];
    }
    case 'OverrideOpportunityProbability': {
      requireOpen(state);
      const { probability } = command.data;
      if (probability !== null)
        if (!(Number.isInteger(probability) && probability >= 0 && probability <= 100))
          throw OpportunityErrors.invalidProbability();
      if (probability === state.probabilityOverride) return [];
      return [{ type: 'OpportunityProbabilityOverridden', data: { opportunityId, probability } }];
    }
    case 'UpdateOpportunity': {
      requireOpen(state);
      const d = command.data;
      const changes: Record<string, unknown> = {};
      if (d.name !== undefined && d.name.trim() !== state.name)
        changes.name = parseText(d.name, 'name');
      if (d.amountMinor !== undefined && d.amountMinor !== state.amountMinor) {
        if (state.lineItems.length > 0) throw OpportunityErrors.amountFromLineItems();
        parseMinorUnits(d.amountMinor, 'amountMinor');
        changes.amountMinor = d.amountMinor;
      }
      if (d.currency !== undefined && d.currency !== state.currency) {
        parseCurrency(d.currency);
        changes.currency = d.currency;
      }
      if (d.expectedCloseDate !== undefined && d.expectedCloseDate !== state.expectedCloseDate) {
        parseCalendarDate(d.expectedCloseDate, 'expectedCloseDate');
        changes.expectedCloseDate = d.expectedCloseDate;
      }
      if (
        d.forecastCategory !== undefined &&
        d.forecastCategory !== state.forecastCategoryOverride
      ) {
        if (d.forecastCategory !== null)
          if (!FORECAST_CATEGORIES.includes(d.forecastCategory))
            throw OpportunityErrors.invalidForecastCategory(FORECAST_CATEGORIES);
        changes.forecastCategory = d.forecastCategory;
      }
      return Object.keys(changes).length === 0
        ? []
        : [{ type: 'OpportunityDetailsChanged', data: { opportunityId, ...changes } }];
    }
    case 'ReassignOpportunity': {
      requireOpen(state);
      const ownerId = parseText(command.data.ownerId, 'ownerId');
      return ownerId === state.ownerId
        ? []
        : [{ type: 'OpportunityReassigned', data: { opportunityId, ownerId } }];
    }
    case 'SetOpportunityLineItems': {
      requireOpen(state);
      const lineItems = command.data.lineItems.map((item, i) => {
        if (!(Number.isInteger(item.quantity) && item.quantity > 0))
          throw LineErrors.invalidQuantity(`lineItems[${i}].quantity`);
        parseMinorUnits(item.unitPriceMinor, `lineItems[${i}].unitPriceMinor`);
        return {
          productId: parseText(item.productId, `lineItems[${i}].productId`),
          name: parseText(item.name, `lineItems[${i}].name`),
          quantity: item.quantity,
          unitPriceMinor: item.unitPriceMinor,
        };
      });
      const amountMinor = sum(
        lineItems.map((item) => multiply(item.unitPriceMinor, item.quantity)),
      );
      return [{ type: 'OpportunityLineItemsSet', data: { opportunityId, lineItems, amountMinor } }];
    }
    case 'WinOpportunity': {
      const d = command.data;
      if (state.status === 'won' && d.quoteId !== undefined && d.orderId === state.orderId)
        return []; // the same acceptance replayed
      requireOpen(state);
      const stages = stagesOf(d.pipeline, state);
      const won = stages.find((s) => s.kind === 'won')!;
      const lastOpen = stages.filter((s) => s.kind === 'open').at(-1)!;
      const reason = d.reason?.trim() || (d.quoteId ? `quote ${d.quoteId} accepted` : undefined);
      if (state.stageId !== lastOpen.stageId && !reason) {
        throw OpportunityErrors.winRequiresReason(lastOpen.name, state.stageId);
      }
      const amountMinor = d.amountMinor ?? state.amountMinor;
      parseMinorUnits(amountMinor, 'amountMinor');
      return [
        {
          type: 'OpportunityWon',
          data: {
            opportunityId,
            fromStageId: state.stageId,
            stageId: won.stageId,
            amountMinor,
            currency: state.currency,
            ...(d.orderId ? { orderId: d.orderId } : {}),
            ...(d.quoteId ? { quoteId: d.quoteId } : {}),
            ...(reason ? { reason } : {}),
            at: d.at,
          },
        },
      ];
    }
    case 'LoseOpportunity': {
      requireOpen(state);
      const lost = stagesOf(command.data.pipeline, state).find((s) => s.kind === 'lost')!;
      const reason = parseText(command.data.reason, 'reason', 500);
      const competitor = command.data.competitor?.trim() || undefined;
      return [
        {
          type: 'OpportunityLost',
          data: {
            opportunityId,
            fromStageId: state.stageId,
            stageId: lost.stageId,
            reason,
            ...(competitor ? { competitor } : {}),
            at: command.data.at,
          },
        },
      ];
    }
    case 'ReopenOpportunity': {
      if (state.status === 'open') throw OpportunityErrors.opportunityNotClosed();
      const reason = parseText(command.data.reason, 'reason', 500);
      const stages = stagesOf(command.data.pipeline, state);
      const target = findStage(stages, command.data.stageId ?? state.lastOpenStageId);
      if (target.kind !== 'open')
        throw OpportunityErrors.invalidStageMove('reopen', target.stageId);
      return [
        {
          type: 'OpportunityReopened',
          data: {
            opportunityId,
            stageId: target.stageId,
            stageProbability: target.probability,
            reason,
            at: command.data.at,
          },
        },
      ];
    }
    case 'RecordOrderCancelled': {
      const { orderId, reason, at } = command.data;
      // Only the order that won this deal undoes the win; a deal reopened (or won again with
      // another order) since then is left as it is, and a repeat changes nothing.
      if (state.status !== 'won' || state.orderId !== orderId) return [];
      const lost = stagesOf(command.data.pipeline, state).find((s) => s.kind === 'lost')!;
      return [
        {
          type: 'OpportunityOrderCancelled',
          data: {
            opportunityId,
            orderId,
            fromStageId: state.stageId,
            stageId: lost.stageId,
            reason,
            at,
          },
        },
      ];
    }
    case 'RepointOpportunityContact':
      if (state.contactId !== command.data.fromContactId) return [];
      return [{ type: 'OpportunityContactRepointed', data: { opportunityId, ...command.data } }];
  }
}

export const opportunityDecider: Decider<OpportunityCommand, OpportunityEvent, OpportunityState> = {
  initialState: initialOpportunityState,
  evolve: evolveOpportunity,
  decide: decideOpportunity,
};

export function effectiveProbability(
  state: Pick<OpportunityState, 'status' | 'stageProbability' | 'probabilityOverride'>,
): number {
  if (state.status === 'won') return 100;
  if (state.status === 'lost') return 0;
  return state.probabilityOverride ?? state.stageProbability;
}

/** Commit >= 70 %, best case >= 40 %, else pipeline, unless the rep chose a category. */
export function forecastCategoryOf(
  state: Pick<
    OpportunityState,
    'status' | 'stageProbability' | 'probabilityOverride' | 'forecastCategoryOverride'
  >,
): ForecastCategory | 'closed' {
  if (state.status === 'won') return 'closed';
  if (state.status === 'lost') return 'omitted';
  if (state.forecastCategoryOverride) return state.forecastCategoryOverride;
  const probability = effectiveProbability(state);
  if (probability >= 70) return 'commit';
  if (probability >= 40) return 'best-case';
  return 'pipeline';
}

function open(
  d: Extract<OpportunityCommand, { type: 'OpenOpportunity' }>['data'],
  state: OpportunityState,
): OpportunityEvent[] {
  if (state.exists) throw OpportunityErrors.opportunityAlreadyExists(state.opportunityId);
  const name = parseText(d.name, 'name');
  const ownerId = parseText(d.ownerId, 'ownerId');
  parseMinorUnits(d.amountMinor, 'amountMinor');
  parseCurrency(d.currency);
  parseCalendarDate(d.expectedCloseDate, 'expectedCloseDate');
  const openStages = d.pipeline.stages.filter((s) => s.kind === 'open');
  const stage = d.stageId ? findStage(d.pipeline.stages, d.stageId) : openStages[0];
  if (!stage || stage.kind !== 'open') throw OpportunityErrors.invalidStageMove('open', d.stageId);
  return [
    {
      type: 'OpportunityOpened',
      data: {
        opportunityId: d.opportunityId,
        name,
        pipelineId: d.pipeline.pipelineId,
        stageId: stage.stageId,
        stageProbability: stage.probability,
        amountMinor: d.amountMinor,
        currency: d.currency,
        expectedCloseDate: d.expectedCloseDate,
        ownerId,
        ...(d.contactId ? { contactId: d.contactId } : {}),
        ...(d.companyId ? { companyId: d.companyId } : {}),
        ...(d.leadId ? { leadId: d.leadId } : {}),
        at: d.at,
      },
    },
  ];
}

function requireOpen(state: OpportunityState): void {
  if (state.status !== 'open') {
    throw OpportunityErrors.opportunityClosed(state.status);
  }
}

function stagesOf(pipeline: PipelineSnapshot, state: OpportunityState): readonly Stage[] {
  if (pipeline.pipelineId !== state.pipelineId) {
    throw OpportunityErrors.pipelineMismatch(state.pipelineId);
  }
  return pipeline.stages;
}

function findStage(stages: readonly Stage[], stageId: string): Stage {
  const stage = stages.find((s) => s.stageId === stageId);
  if (!stage) throw OpportunityErrors.unknownStage(stageId);
  return stage;
}

/** Open stages strictly between `from` and `to` when moving forward; none when moving back. */
function openStagesBetween(stages: readonly Stage[], fromId: string, toId: string): Stage[] {
  const open = stages.filter((s) => s.kind === 'open');
  const from = open.findIndex((s) => s.stageId === fromId);
  const to = open.findIndex((s) => s.stageId === toId);
  return from >= 0 && to > from + 1 ? open.slice(from + 1, to) : [];
}
