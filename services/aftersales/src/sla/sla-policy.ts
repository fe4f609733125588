/**
 * SLA targets per priority and the status of one case's clocks. Two clocks run from the moment
 * a case is opened: first response (stopped by the first public reply of an agent) and
 * resolution (stopped by resolving; paused while the case waits on the customer, since the
 * customer's silence is not the service's delay). Both count business minutes only.
 */
import type { Instant } from '@crm/values';
import { addBusinessMillis, businessMinutesBetween } from './business-time';
import type { BusinessCalendar } from './business-calendar';
import { SlaErrors } from './sla.errors';

export const CASE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export interface SlaTarget {
  readonly firstResponseMinutes: number;
  readonly resolutionMinutes: number;
}

export type SlaPolicy = Readonly<Record<CasePriority, SlaTarget>>;

/** What a tenant gets until it sets its own (business minutes; a business day is 8 h = 480). */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  urgent: { firstResponseMinutes: 30, resolutionMinutes: 480 },
  high: { firstResponseMinutes: 120, resolutionMinutes: 960 },
  normal: { firstResponseMinutes: 480, resolutionMinutes: 2400 },
  low: { firstResponseMinutes: 960, resolutionMinutes: 4800 },
};

const MAX_TARGET_MINUTES = 525_600;

/** Checks untrusted input; every priority needs both targets, and first response cannot exceed resolution. */
export function parseSlaPolicy(raw: unknown): SlaPolicy {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const policy = {} as Record<CasePriority, SlaTarget>;
  for (const priority of CASE_PRIORITIES) {
    const target = (input[priority] ?? {}) as Record<string, unknown>;
    const minutes = (name: keyof SlaTarget) => {
      const value = target[name];
      if (
        typeof value !== 'number' ||
        !Number.isSafeInteger(value) ||
        value < 1 ||
        value > MAX_TARGET_MINUTES
      )
        throw SlaErrors.invalidSlaTarget(`${priority}.${name}`);
      return value;
    };
    const firstResponseMinutes = minutes('firstResponseMinutes');
    const resolutionMinutes = minutes('resolutionMinutes');
    if (firstResponseMinutes > resolutionMinutes)
      throw SlaErrors.invalidSlaTarget(`${priority}.firstResponseMinutes`);
    policy[priority] = { firstResponseMinutes, resolutionMinutes };
  }
  return policy;
}

/** A period the resolution clock stood still (waiting on the customer); `to` absent while it lasts. */
export interface SlaPause {
  readonly from: Instant | string;
  readonly to?: Instant | string;
}

export type ClockDue =
  | { readonly paused: false; readonly dueAt: Instant }
  | { readonly paused: true; readonly remainingMinutes: number };

/**
 * When a clock of `targetMinutes` that started at `startedAt` falls due, given its pauses (in
 * order, not overlapping). While a pause lasts the due time is unknown: the remaining business
 * minutes are returned instead.
 */
export function dueAt(
  startedAt: Instant | string,
  targetMinutes: number,
  pauses: readonly SlaPause[],
  calendar: BusinessCalendar,
): ClockDue {
  let remaining = targetMinutes;
  let cursor: string = startedAt;
  for (const pause of pauses) {
    if (Date.parse(pause.from) < Date.parse(cursor)) continue; // wholly before the running part
    const ran = businessMinutesBetween(cursor, pause.from, calendar);
    if (ran >= remaining) break;
    remaining -= ran;
    if (pause.to === undefined) return { paused: true, remainingMinutes: remaining };
    cursor = pause.to;
  }
  return { paused: false, dueAt: addBusinessMillis(cursor, remaining * 60_000, calendar) };
}

export type ClockStatus = 'running' | 'paused' | 'met' | 'breached';

export interface ClockReport {
  readonly status: ClockStatus;
  /** Absent while paused. */
  readonly dueAt?: Instant;
  /** When it stopped (the reply or the resolution), if it did. */
  readonly stoppedAt?: Instant | string;
}

/**
 * A clock's status at `now`: met or breached once stopped (stopping at the due instant meets it),
 * breached as soon as `now` passes the due instant while running, otherwise running or paused.
 */
export function clockStatus(
  due: ClockDue,
  stoppedAt: Instant | string | undefined,
  now: Instant | string,
): ClockReport {
  if (due.paused)
    return { status: stoppedAt ? 'met' : 'paused', ...(stoppedAt ? { stoppedAt } : {}) };
  const deadline = Date.parse(due.dueAt);
  if (stoppedAt !== undefined)
    return {
      status: Date.parse(stoppedAt) <= deadline ? 'met' : 'breached',
      dueAt: due.dueAt,
      stoppedAt,
    };
  return { status: Date.parse(now) > deadline ? 'breached' : 'running', dueAt: due.dueAt };
}

/** What the SLA of one case needs to know; a projection of its events. */
export interface CaseClocks {
  readonly priority: CasePriority;
  readonly openedAt: Instant | string;
  readonly firstRespondedAt?: Instant | string;
  readonly resolvedAt?: Instant | string;
  readonly pauses: readonly SlaPause[];
}

export interface CaseSlaReport {
  readonly firstResponse: ClockReport;
  readonly resolution: ClockReport;
}

export function caseSla(
  clocks: CaseClocks,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  now: Instant | string,
): CaseSlaReport {
  const target = policy[clocks.priority];
  const firstResponse = clockStatus(
    dueAt(clocks.openedAt, target.firstResponseMinutes, [], calendar),
    clocks.firstRespondedAt,
    now,
  );
  const resolution = clockStatus(
    dueAt(clocks.openedAt, target.resolutionMinutes, clocks.pauses, calendar),
    clocks.resolvedAt,
    now,
  );
  return { firstResponse, resolution };
}
