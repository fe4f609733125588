/**
 * A campaign's lifecycle: draft -> scheduled -> sending <-> paused -> completed, and cancelled
 * from anything not final.
 *
 * | command  | draft      | scheduled            | sending    | paused    | completed/cancelled |
 * | -------- | ---------- | -------------------- | ---------- | --------- | ------------------- |
 * | edit     | yes        | 409                  | 409        | 409       | 409                 |
 * | schedule | scheduled  | re-scheduled         | 409        | 409       | 409                 |
 * | launch   | sending    | sending (early/due)  | no-op      | 409       | 409                 |
 * | pause    | 409        | 409                  | paused     | no-op     | 409                 |
 * | resume   | 409        | 409                  | no-op      | sending   | 409                 |
 * | cancel   | cancelled  | cancelled            | cancelled  | cancelled | no-op if cancelled  |
 * | conclude | 409        | 409                  | test phase | test phase| 409                 |
 * | complete | 409        | 409                  | completed  | completed | no-op if completed  |
 *
 * Repeating the transition into the state the campaign is in changes nothing (a retried request
 * is not an error); anything else the table refuses is CampaignTransitionNotAllowed (409, with
 * the current status). Final states are final.
 *
 * How the sender drives it (a later wave): it sends for campaigns in `sending` only, checks the
 * status between batches (pause and cancel take effect at the next batch), sends the test share
 * while `phase` is `test`, calls ConcludeAbTest with decideAbTest's outcome (phase becomes
 * `rest`, `winner` or the control goes to the rest), and CompleteCampaign when a broadcast has
 * reached everyone.
 */
import type { Decider } from '@crm/event-sourcing';
import { parseInstant } from '@crm/values';
import { parseCampaignDefinition } from './campaign-definition';
import type { CampaignCommand } from './campaign.commands';
import { CampaignErrors } from './campaign.errors';
import {
  FINAL_STATUSES,
  type CampaignDefinition,
  type CampaignEvent,
  type CampaignStatus,
} from './campaign.events';
import { mergePatch } from './merge-patch';

/** test: the A/B test share is being sent; rest: the winner (or the control) to the others; all: no test. */
export type SendPhase = 'test' | 'rest' | 'all';

export interface CampaignState {
  readonly exists: boolean;
  readonly campaignId: string;
  readonly status: CampaignStatus;
  readonly definition: CampaignDefinition | null;
  readonly sendAt: string | null;
  readonly launchedAt: string | null;
  readonly phase: SendPhase | null;
  /** Undefined until the test is concluded; null when no variant won. */
  readonly winner?: string | null;
  readonly winnerPValue?: number | null;
  readonly finishedAt: string | null;
}

export const initialCampaignState = (): CampaignState => ({
  exists: false,
  campaignId: '',
  status: 'draft',
  definition: null,
  sendAt: null,
  launchedAt: null,
  phase: null,
  finishedAt: null,
});

export function evolveCampaign(state: CampaignState, event: CampaignEvent): CampaignState {
  switch (event.type) {
    case 'CampaignCreated':
      return {
        ...initialCampaignState(),
        exists: true,
        campaignId: event.data.campaignId,
        definition: event.data.definition,
      };
    case 'CampaignEdited':
      return { ...state, definition: event.data.definition };
    case 'CampaignScheduled':
      return { ...state, status: 'scheduled', sendAt: event.data.sendAt };
    case 'CampaignLaunched':
      return {
        ...state,
        status: 'sending',
        launchedAt: event.data.launchedAt,
        phase: event.data.phase,
      };
    case 'CampaignPaused':
      return { ...state, status: 'paused' };
    case 'CampaignResumed':
      return { ...state, status: 'sending' };
    case 'AbTestConcluded':
      return {
        ...state,
        phase: 'rest',
        winner: event.data.winner,
        winnerPValue: event.data.pValue,
      };
    case 'CampaignCompleted':
      return { ...state, status: 'completed', finishedAt: event.data.completedAt };
    case 'CampaignCancelled':
      return { ...state, status: 'cancelled', finishedAt: event.data.cancelledAt };
  }
}

export function decideCampaign(command: CampaignCommand, state: CampaignState): CampaignEvent[] {
  if (command.type === 'CreateCampaign') {
    if (state.exists) throw CampaignErrors.campaignAlreadyExists(state.campaignId);
    const { campaignId } = command.data;
    return [
      {
        type: 'CampaignCreated',
        data: { campaignId, definition: parseCampaignDefinition(command.data.definition) },
      },
    ];
  }
  if (!state.exists || !state.definition) throw CampaignErrors.campaignNotFound();
  const campaignId = state.campaignId;
  const { status, definition } = state;
  const refuse = (action: string) => CampaignErrors.campaignTransitionNotAllowed(status, action);
  const finished = FINAL_STATUSES.includes(status);
  switch (command.type) {
    case 'EditCampaign': {
      if (status !== 'draft') throw refuse('be edited (only drafts change)');
      const next = parseCampaignDefinition(mergePatch(definition, command.data.patch));
      if (JSON.stringify(next) === JSON.stringify(definition)) return [];
      return [{ type: 'CampaignEdited', data: { campaignId, definition: next } }];
    }
    case 'ScheduleCampaign': {
      if (status !== 'draft' && status !== 'scheduled') throw refuse('be scheduled');
      const now = command.data.at;
      const sendAt = scheduledTime(definition, command.data.sendAt, now);
      if (status === 'scheduled' && sendAt === state.sendAt) return [];
      return [{ type: 'CampaignScheduled', data: { campaignId, sendAt } }];
    }
    case 'LaunchCampaign': {
      if (status === 'sending') return [];
      if (status !== 'draft' && status !== 'scheduled') throw refuse('be launched');
      const phase: SendPhase = definition.abTest ? 'test' : 'all';
      return [
        {
          type: 'CampaignLaunched',
          data: {
            campaignId,
            launchedAt: command.data.at,
            phase,
            name: definition.name,
            channel: definition.channel,
            cost: definition.cost ?? null,
          },
        },
      ];
    }
    case 'PauseCampaign':
      if (status === 'paused') return [];
      if (status !== 'sending') throw refuse('be paused');
      return [{ type: 'CampaignPaused', data: { campaignId, pausedAt: command.data.at } }];
    case 'ResumeCampaign':
      if (status === 'sending') return [];
      if (status !== 'paused') throw refuse('be resumed');
      return [{ type: 'CampaignResumed', data: { campaignId, resumedAt: command.data.at } }];
    case 'CancelCampaign':
      if (status === 'cancelled') return [];
      if (finished) throw refuse('be cancelled');
      return [
        {
          type: 'CampaignCancelled',
          data: { campaignId, cancelledAt: command.data.at, from: status },
        },
      ];
    case 'ConcludeAbTest': {
      if ((status !== 'sending' && status !== 'paused') || state.phase !== 'test')
        throw refuse('conclude an A/B test (none is running)');
      const { winner, pValue } = command.data;
      if (winner !== null && !definition.variants.some((v) => v.id === winner))
        throw CampaignErrors.unknownVariant(winner);
      return [
        {
          type: 'AbTestConcluded',
          data: { campaignId, winner, pValue, concludedAt: command.data.at },
        },
      ];
    }
    case 'CompleteCampaign':
      if (status === 'completed') return [];
      if (status !== 'sending' && status !== 'paused') throw refuse('be completed');
      return [{ type: 'CampaignCompleted', data: { campaignId, completedAt: command.data.at } }];
  }
}

export const campaignDecider: Decider<CampaignCommand, CampaignEvent, CampaignState> = {
  initialState: initialCampaignState,
  evolve: evolveCampaign,
  decide: decideCampaign,
};

/** A broadcast names its time; the others start now unless told. Never in the past. */
function scheduledTime(definition: CampaignDefinition, raw: unknown, now: string): string {
  if (raw === undefined || raw === null) {
    if (definition.kind.type === 'broadcast') throw CampaignErrors.sendAtRequired();
    return now;
  }
  const sendAt = parseInstant(raw, 'sendAt');
  if (Date.parse(sendAt) < Date.parse(now)) throw CampaignErrors.scheduleInThePast(sendAt, now);
  return sendAt;
}
