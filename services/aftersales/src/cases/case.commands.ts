/** What agents, the customer's touchpoint and the service ask of a case. `at` is the clock's now. */
import type { CasePriority } from '../sla/sla-policy';
import type { Assignee, CaseStatus, WarrantyCoverage } from './case.events';

export type OpenCase = {
  type: 'OpenCase';
  data: {
    caseId: string;
    contactId: string;
    channel: unknown;
    assetId?: string;
    category: unknown;
    priority: unknown;
    subject: unknown;
    description?: unknown;
    at: string;
  };
};
export type AssignCase = { type: 'AssignCase'; data: { assignee: Assignee; at: string } };
export type ChangeCasePriority = {
  type: 'ChangeCasePriority';
  data: { priority: unknown; at: string };
};
export type ReplyToCase = {
  type: 'ReplyToCase';
  data: {
    messageId: string;
    author: 'agent' | 'customer';
    actorId: string;
    body: unknown;
    at: string;
  };
};
export type AddCaseNote = {
  type: 'AddCaseNote';
  data: { messageId: string; actorId: string; body: unknown; at: string };
};
/** The agent's moves of the open part of the flow: in_progress or waiting_on_customer. */
export type MoveCase = {
  type: 'MoveCase';
  data: { to: Extract<CaseStatus, 'in_progress' | 'waiting_on_customer'>; at: string };
};
/** `coverage` is the asset's warranty on the day (looked up by the caller), `no_asset` without one. */
export type ResolveCase = {
  type: 'ResolveCase';
  data: { resolutionCode: unknown; coverage: WarrantyCoverage; at: string };
};
export type CloseCase = { type: 'CloseCase'; data: { at: string } };
export type ReopenCase = { type: 'ReopenCase'; data: { at: string } };
export type RecordSatisfaction = {
  type: 'RecordSatisfaction';
  data: { score: unknown; at: string };
};

export type CaseCommand =
  | OpenCase
  | AssignCase
  | ChangeCasePriority
  | ReplyToCase
  | AddCaseNote
  | MoveCase
  | ResolveCase
  | CloseCase
  | ReopenCase
  | RecordSatisfaction;

export type { CasePriority };
