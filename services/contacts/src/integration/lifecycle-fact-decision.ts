/**
 * The one decision both lifecycle paths take (crm.sales.v1 and sales' state topics): does a sales
 * fact of time `factAt` still move the contact's stage? Facts only raise the stage
 * (AdvanceLifecycleStage), so among themselves any order is safe; what they must not undo is a
 * later decision someone took about the contact: churned, or set back to lead. A state re-read at
 * deploy or after a republish carries facts older than that, so a fact moves the stage only if
 * it happened after the contact's stage was last decided by anything but a sales fact.
 *
 * Also: what each sales state says happened (and when), for the state path. Pure.
 */
import type { RecordedEvent } from '@crm/event-sourcing';
import type { StageImpliedByFact } from '../contacts/contact';

/** The actor of the stage changes sales' facts make (they never count as a decision). */
export const SALES_LIFECYCLE_ACTOR = 'system:sales-lifecycle';

/** A sales fact about a contact: the stage it implies and when it happened in sales. */
export interface LifecycleFact {
  readonly contactId: string;
  readonly atLeast: StageImpliedByFact;
  readonly at: string;
}

/**
 * When the contact's stage was last decided by anything but a sales fact: a stage change by a
 * person or another system, or a registration with a stage of its own (an import's `churned`);
 * undefined if never (a registration's default `subscriber` decides nothing).
 */
export function stageDecidedAt(events: readonly RecordedEvent[]): number | undefined {
  let decided: number | undefined;
  for (const event of events) {
    const data = event.data as { lifecycleStage?: string } | undefined;
    const decides =
      (event.type === 'ContactLifecycleStageChanged' &&
        event.metadata.actor !== SALES_LIFECYCLE_ACTOR) ||
      (event.type === 'ContactRegistered' &&
        data?.lifecycleStage !== undefined &&
        data.lifecycleStage !== 'subscriber');
    if (decides) decided = Date.parse(event.metadata.occurredAt);
  }
  return decided;
}

/** The decision: a fact moves the stage unless the stage was decided at or after it. */
export function factMovesStage(factAt: string, decidedAt: number | undefined): boolean {
  const at = Date.parse(factAt);
  if (Number.isNaN(at)) return false;
  return decidedAt === undefined || at > decidedAt;
}

/** The members of sales' states the lifecycle reads. */
export interface SalesLeadState {
  id: string;
  status: string;
  capturedAt: string;
  updatedAt?: string;
  contactId?: string;
  opportunityId?: string;
}
export interface SalesOpportunityState {
  id: string;
  status: string;
  contactId?: string;
  stageHistory?: readonly { stageId: string; enteredAt: string }[];
}
export interface SalesOrderFacts {
  id: string;
  contactId?: string;
  placedAt: string;
}

/**
 * A converted lead: its contact is an opportunity (a lead when the conversion opened no deal), as
 * of the conversion. A converted lead changes no more, so its `updatedAt` is the conversion's time.
 */
export function factOfLead(state: SalesLeadState): LifecycleFact | undefined {
  if (state.status !== 'converted' || !state.contactId) return undefined;
  return {
    contactId: state.contactId,
    atLeast: state.opportunityId ? 'opportunity' : 'lead',
    at: state.updatedAt ?? state.capturedAt,
  };
}

/**
 * A won deal makes its contact a customer as of the win (the stage visit winning appended, the
 * last one while it stays won); any other deal an opportunity as of its opening (the first).
 */
export function factOfOpportunity(state: SalesOpportunityState): LifecycleFact | undefined {
  const visits = state.stageHistory ?? [];
  if (!state.contactId || visits.length === 0) return undefined;
  return state.status === 'won'
    ? { contactId: state.contactId, atLeast: 'customer', at: visits.at(-1)!.enteredAt }
    : { contactId: state.contactId, atLeast: 'opportunity', at: visits[0].enteredAt };
}

/** An order makes its contact a customer as of its placing, whatever became of it since. */
export function factOfOrder(state: SalesOrderFacts): LifecycleFact | undefined {
  return state.contactId
    ? { contactId: state.contactId, atLeast: 'customer', at: state.placedAt }
    : undefined;
}
