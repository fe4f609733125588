/**
 * What a sales activity or order state (crm.sales.activity.state.v1, crm.sales.order.state.v1)
 * puts on the contact's timeline: the same entries, ids, kinds and details the event path
 * (timeline-feed.handlers.ts) ends with after the record's events, so a contacts database that
 * bootstraps from the state topics shows what one that read every event shows. Pure.
 */

/** The members of sales' activity state the timeline reads (the rest stays in sales). */
import { decimalOfMinorUnits } from '@crm/values';
export interface SalesActivityState {
  id: string;
  kind: string;
  subject: string;
  status: string;
  assigneeId: string;
  contactId?: string;
  opportunityId?: string;
  dueAt?: string;
  heldAt?: string;
  completedAt?: string;
  outcome?: string;
  version: number;
}

/** The members of sales' order state the timeline reads. */
export interface SalesOrderState {
  id: string;
  status: string;
  contactId?: string;
  currency: string;
  lines: readonly unknown[];
  totals: { totalMinor: number };
  placedAt: string;
  version: number;
}

/** A sales entry as the feed writes it (timeline_entries without tenant and contact). */
export interface SalesTimelineEntry {
  readonly entryId: string;
  readonly kind: string;
  readonly occurredAt: string;
  readonly userId: string | null;
  readonly subject: string | null;
  readonly details: Record<string, unknown>;
}

export const activityEntryId = (activityId: string) => `sales-activity-${activityId}`;
export const orderEntryId = (orderId: string) => `sales-order-${orderId}`;
export const orderEndedEntryId = (status: OrderEnd, orderId: string) =>
  `sales-order-${status}-${orderId}`;
export type OrderEnd = 'cancelled' | 'returned';
export const ORDER_ENDS: readonly OrderEnd[] = ['cancelled', 'returned'];

/**
 * activity.logged places the entry at the plan (held, scheduled or due time) and
 * activity.completed moves it to when it was done (held, else completed) with the outcome.
 * `stateAt` (the state's ce_time) stands in for the logged event's time when there is no plan.
 */
export function activityEntry(state: SalesActivityState, stateAt: string): SalesTimelineEntry {
  const done = state.status === 'completed';
  return {
    entryId: activityEntryId(state.id),
    kind: `sales-${state.kind}`,
    occurredAt:
      (done ? (state.heldAt ?? state.completedAt) : undefined) ??
      state.heldAt ??
      state.dueAt ??
      stateAt,
    userId: state.assigneeId ?? null,
    subject: state.subject ?? null,
    details: {
      activityId: state.id,
      opportunityId: state.opportunityId ?? null,
      outcome: state.outcome ?? null,
    },
  };
}

/**
 * order.placed's entry; a cancelled or returned order's entry says so, and the end gets its own
 * entry. The state does not carry when it ended nor why: `stateAt` (its latest fact, the end for
 * an order that changes no more) and no reason; the event, when it comes, has both.
 */
export function orderEntries(
  state: SalesOrderState,
  stateAt: string,
): { placed: SalesTimelineEntry; ended?: SalesTimelineEntry } {
  const total = moneyOfMinor(state.totals.totalMinor, state.currency);
  const end = ORDER_ENDS.find((s) => s === state.status);
  const placed: SalesTimelineEntry = {
    entryId: orderEntryId(state.id),
    kind: 'order',
    occurredAt: state.placedAt,
    userId: null,
    subject: `Order ${total.amount} ${total.currency}`,
    details: {
      orderId: state.id,
      total,
      lines: state.lines.length,
      ...(end ? { status: end, endedAt: stateAt } : {}),
    },
  };
  if (!end) return { placed };
  return {
    placed,
    ended: {
      entryId: orderEndedEntryId(end, state.id),
      kind: `order-${end}`,
      occurredAt: stateAt,
      userId: null,
      subject: `Order ${end}`,
      details: { orderId: state.id, reason: null },
    },
  };
}

/** A v1 decimal money member from minor units (@crm/values does the one conversion). */
export function moneyOfMinor(
  minor: number,
  currency: string,
): { amount: string; currency: string } {
  return { amount: decimalOfMinorUnits(minor, currency), currency };
}
