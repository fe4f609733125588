/**
 * A service case: new -> in_progress <-> waiting_on_customer -> resolved -> closed, reopened to
 * in_progress from resolved or closed within REOPEN_WINDOW_DAYS of the resolution. The state
 * keeps what the SLA clocks need (opened, first agent reply, pauses while waiting on the
 * customer, resolved), so the read model and the SLA timer fold the same facts.
 * Repeating a move (in progress again, close a closed case, the same reply id) changes nothing.
 */
import type { Decider } from '@crm/event-sourcing';
import { parseOneOf, parseOptionalText, parseText } from '@crm/values';
import { CASE_PRIORITIES, type CasePriority, type SlaPause } from '../sla/sla-policy';
import type { CaseCommand, ResolveCase } from './case.commands';
import {
  type Assignee,
  CASE_CHANNELS,
  type CaseEvent,
  type CaseStatus,
  FAILURE_RESOLUTION_CODES,
  RESOLUTION_CODES,
  type ResolutionCode,
  WARRANTY_COVERAGES,
  type WarrantyCoverage,
} from './case.events';
import { CaseErrors } from './case.errors';

export const REOPEN_WINDOW_DAYS = 14;
export const MAX_SUBJECT = 200;
export const MAX_DESCRIPTION = 5000;
export const MAX_MESSAGE = 10_000;
/** Out of warranty is billable, except where nothing was done for the customer. */
const NEVER_BILLED: readonly ResolutionCode[] = ['duplicate', 'withdrawn'];
const OPEN: readonly CaseStatus[] = ['new', 'in_progress', 'waiting_on_customer'];
const CATEGORY = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const DAY = 86_400_000;

export interface CaseResolution {
  readonly code: ResolutionCode;
  readonly failure: boolean;
  readonly coverage: WarrantyCoverage;
  readonly billable: boolean;
}

export interface CaseState {
  readonly exists: boolean;
  readonly caseId: string;
  readonly contactId: string;
  readonly assetId?: string;
  readonly status: CaseStatus;
  readonly priority: CasePriority;
  readonly assignee?: Assignee;
  readonly openedAt: string;
  readonly firstRespondedAt?: string;
  /** Waiting on the customer, and resolved-until-reopened: the resolution clock stands still. */
  readonly pauses: readonly SlaPause[];
  readonly resolvedAt?: string;
  readonly resolution?: CaseResolution;
  readonly satisfaction?: number;
  readonly reopenCount: number;
  readonly messageIds: readonly string[];
}

export const initialCaseState = (): CaseState => ({
  exists: false,
  caseId: '',
  contactId: '',
  status: 'new',
  priority: 'normal',
  openedAt: '',
  pauses: [],
  reopenCount: 0,
  messageIds: [],
});

const closePause = (pauses: readonly SlaPause[], at: string): SlaPause[] =>
  pauses.map((p, i) => (i === pauses.length - 1 && p.to === undefined ? { ...p, to: at } : p));

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'CaseOpened': {
      const { caseId, contactId, assetId, priority, at } = event.data;
      return {
        ...initialCaseState(),
        exists: true,
        caseId,
        contactId,
        ...(assetId !== undefined ? { assetId } : {}),
        priority,
        openedAt: at,
      };
    }
    case 'CaseAssigned':
      return { ...state, assignee: event.data.assignee };
    case 'CasePriorityChanged':
      return { ...state, priority: event.data.priority };
    case 'CaseReplied':
      return {
        ...state,
        messageIds: [...state.messageIds, event.data.messageId],
        ...(event.data.author === 'agent' && state.firstRespondedAt === undefined
          ? { firstRespondedAt: event.data.at }
          : {}),
      };
    case 'CaseNoted':
      return { ...state, messageIds: [...state.messageIds, event.data.messageId] };
    case 'CaseStatusChanged': {
      const { from, to, at } = event.data;
      const pauses =
        to === 'waiting_on_customer'
          ? [...state.pauses, { from: at }]
          : from === 'waiting_on_customer'
            ? closePause(state.pauses, at)
            : [...state.pauses];
      return { ...state, status: to, pauses };
    }
    case 'CaseResolved': {
      const { resolutionCode: code, failure, coverage, billable, at } = event.data;
      return {
        ...state,
        status: 'resolved',
        pauses: closePause(state.pauses, at),
        resolvedAt: at,
        resolution: { code, failure, coverage, billable },
      };
    }
    case 'CaseClosed':
      return { ...state, status: 'closed' };
    case 'CaseReopened': {
      const { resolvedAt: _resolvedAt, ...rest } = state;
      return {
        ...rest,
        status: 'in_progress',
        // The time it stood resolved was not the service's delay either.
        pauses: [...state.pauses, { from: state.resolvedAt ?? event.data.at, to: event.data.at }],
        reopenCount: state.reopenCount + 1,
      };
    }
    case 'SatisfactionRecorded':
      return { ...state, satisfaction: event.data.score };
  }
}

export function decideCase(command: CaseCommand, state: CaseState): CaseEvent[] {
  if (command.type === 'OpenCase') {
    if (state.exists) throw CaseErrors.caseAlreadyExists(state.caseId);
    const d = command.data;
    const description = parseOptionalText(d.description, 'description', MAX_DESCRIPTION);
    return [
      {
        type: 'CaseOpened',
        data: {
          caseId: d.caseId,
          contactId: d.contactId,
          at: d.at,
          channel: parseOneOf(d.channel, CASE_CHANNELS, 'channel'),
          ...(d.assetId !== undefined ? { assetId: d.assetId } : {}),
          category: parseCategory(d.category),
          priority: parseOneOf(d.priority, CASE_PRIORITIES, 'priority'),
          subject: parseText(d.subject, 'subject', MAX_SUBJECT),
          ...(description !== undefined ? { description } : {}),
        },
      },
    ];
  }
  if (!state.exists) throw CaseErrors.caseNotFound();
  const of = { caseId: state.caseId, contactId: state.contactId, at: command.data.at };
  const isOpen = OPEN.includes(state.status);
  switch (command.type) {
    case 'AssignCase': {
      if (!isOpen) throw CaseErrors.caseClosedForChanges(state.status);
      const { assignee } = command.data;
      if (state.assignee?.kind === assignee.kind && state.assignee.id === assignee.id) return [];
      return [{ type: 'CaseAssigned', data: { ...of, assignee } }];
    }
    case 'ChangeCasePriority': {
      if (!isOpen) throw CaseErrors.caseClosedForChanges(state.status);
      const priority = parseOneOf(command.data.priority, CASE_PRIORITIES, 'priority');
      return priority === state.priority
        ? []
        : [{ type: 'CasePriorityChanged', data: { ...of, priority } }];
    }
    case 'ReplyToCase': {
      if (state.status === 'closed') throw CaseErrors.caseClosedForChanges(state.status);
      const { messageId, author, actorId } = command.data;
      const body = parseText(command.data.body, 'body', MAX_MESSAGE);
      if (state.messageIds.includes(messageId)) return [];
      const replied: CaseEvent = {
        type: 'CaseReplied',
        data: { ...of, messageId, author, actorId, body },
      };
      // The agent's first answer starts the work; the customer's answer ends the wait.
      if (author === 'agent' && state.status === 'new')
        return [replied, moved(state, 'in_progress', of.at)];
      if (author === 'customer' && state.status === 'waiting_on_customer')
        return [replied, moved(state, 'in_progress', of.at)];
      return [replied];
    }
    case 'AddCaseNote': {
      if (state.status === 'closed') throw CaseErrors.caseClosedForChanges(state.status);
      const { messageId, actorId } = command.data;
      const body = parseText(command.data.body, 'body', MAX_MESSAGE);
      if (state.messageIds.includes(messageId)) return [];
      return [{ type: 'CaseNoted', data: { ...of, messageId, actorId, body } }];
    }
    case 'MoveCase': {
      const { to } = command.data;
      if (state.status === to) return [];
      if (!isOpen) throw CaseErrors.caseTransitionNotAllowed(state.status, to);
      return [moved(state, to, of.at)];
    }
    case 'ResolveCase':
      return resolve(state, command.data, of);
    case 'CloseCase':
      if (state.status === 'closed') return [];
      if (state.status !== 'resolved')
        throw CaseErrors.caseTransitionNotAllowed(state.status, 'closed');
      return [{ type: 'CaseClosed', data: of }];
    case 'ReopenCase': {
      if (state.status !== 'resolved' && state.status !== 'closed')
        throw CaseErrors.caseTransitionNotAllowed(state.status, 'reopened');
      const resolvedAt = state.resolvedAt ?? state.openedAt;
      if (Date.parse(of.at) - Date.parse(resolvedAt) > REOPEN_WINDOW_DAYS * DAY)
        throw CaseErrors.reopenWindowPassed(REOPEN_WINDOW_DAYS, resolvedAt);
      return [{ type: 'CaseReopened', data: { ...of, from: state.status } }];
    }
    case 'RecordSatisfaction': {
      if (state.satisfaction !== undefined)
        throw CaseErrors.satisfactionAlreadyRecorded(state.satisfaction);
      if (state.status !== 'resolved' && state.status !== 'closed')
        throw CaseErrors.satisfactionNotYetAllowed(state.status);
      const score = command.data.score;
      if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5)
        throw CaseErrors.invalidSatisfactionScore();
      return [{ type: 'SatisfactionRecorded', data: { ...of, score } }];
    }
  }
}

function moved(state: CaseState, to: CaseStatus, at: string): CaseEvent {
  return {
    type: 'CaseStatusChanged',
    data: { caseId: state.caseId, contactId: state.contactId, at, from: state.status, to },
  };
}

function resolve(
  state: CaseState,
  data: ResolveCase['data'],
  of: { caseId: string; contactId: string; at: string },
): CaseEvent[] {
  const code = parseOneOf(data.resolutionCode, RESOLUTION_CODES, 'resolutionCode');
  const coverage =
    state.assetId === undefined
      ? 'no_asset'
      : parseOneOf(
          data.coverage,
          WARRANTY_COVERAGES.filter((c) => c !== 'no_asset'),
          'coverage',
        );
  if (
    state.status === 'resolved' &&
    state.resolution?.code === code &&
    state.resolution.coverage === coverage
  )
    return [];
  if (!OPEN.includes(state.status))
    throw CaseErrors.caseTransitionNotAllowed(state.status, 'resolved');
  const failure = (FAILURE_RESOLUTION_CODES as readonly string[]).includes(code);
  const billable = coverage === 'out_of_warranty' && !NEVER_BILLED.includes(code);
  return [
    { type: 'CaseResolved', data: { ...of, resolutionCode: code, failure, coverage, billable } },
  ];
}

function parseCategory(raw: unknown): string {
  if (typeof raw !== 'string' || !CATEGORY.test(raw)) throw CaseErrors.invalidCategory();
  return raw;
}

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  initialState: initialCaseState,
  evolve: evolveCase,
  decide: decideCase,
};
