/**
 * Preventive maintenance: a plan is due every N months or every N usage units (km, hours,
 * cycles). For usage plans the meter readings give a usage rate, which projects the day the
 * next service falls due; the due list sorts what is overdue or due within a horizon.
 * Pure: the caller brings the asset's readings and its last service.
 */
import { type CalendarDate, parseOneOf } from '@crm/values';
import type { MeterReading } from '../assets/asset.decider';
import { METER_UNITS, type MeterUnit } from '../assets/asset.events';
import { addDays, addMonths, daysBetween, utcDateOf } from '../shared/calendar-days';
import { MaintenanceErrors } from './maintenance.errors';

export type MaintenanceInterval =
  | { readonly kind: 'months'; readonly every: number }
  | { readonly kind: 'usage'; readonly every: number; readonly unit: MeterUnit };

const DAY = 86_400_000;
/** The rate is read off the readings of the last year before the latest one (wear changes). */
export const RATE_WINDOW_DAYS = 365;

export function parseMaintenanceInterval(raw: unknown): MaintenanceInterval {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const kind = parseOneOf(input.kind, ['months', 'usage'] as const, 'interval.kind');
  const every = input.every;
  const max = kind === 'months' ? 240 : 1e9;
  if (typeof every !== 'number' || !Number.isInteger(every) || every < 1 || every > max)
    throw MaintenanceErrors.invalidMaintenanceInterval(
      'interval.every',
      `must be a whole number from 1 to ${max}`,
    );
  if (kind === 'months') return { kind, every };
  return { kind, every, unit: parseOneOf(input.unit, METER_UNITS, 'interval.unit') };
}

/**
 * Units per day between the earliest and the latest reading of the window, or undefined with
 * fewer than two readings a day or more apart (no rate can be told from them).
 */
export function usageRatePerDay(readings: readonly MeterReading[]): number | undefined {
  if (readings.length < 2) return undefined;
  const latest = readings[readings.length - 1];
  const since = Date.parse(latest.readAt) - RATE_WINDOW_DAYS * DAY;
  const first = readings.find((r) => Date.parse(r.readAt) >= since) ?? latest;
  const days = (Date.parse(latest.readAt) - Date.parse(first.readAt)) / DAY;
  if (days < 1) return undefined;
  return (latest.value - first.value) / days;
}

export interface ServiceHistory {
  readonly deliveredOn: CalendarDate;
  /** The last preventive service, if any; else the delivery starts the interval (at reading 0). */
  readonly lastServiceOn?: CalendarDate;
  readonly lastServiceReading?: number;
  /** The plan's unit's readings, in time order. */
  readonly readings: readonly MeterReading[];
}

export type NextDue =
  | { readonly basis: 'calendar'; readonly dueOn: CalendarDate }
  /** The meter passed the due reading already: due since the first reading at or above it. */
  | { readonly basis: 'reached'; readonly dueOn: CalendarDate; readonly dueAtReading: number }
  | {
      readonly basis: 'projected';
      readonly dueOn: CalendarDate;
      readonly dueAtReading: number;
      readonly ratePerDay: number;
    }
  /** No usable rate yet (too few readings, or no use): the units still to go. */
  | { readonly basis: 'unknown'; readonly dueAtReading: number; readonly remaining: number };

export function nextDue(interval: MaintenanceInterval, history: ServiceHistory): NextDue {
  const start = history.lastServiceOn ?? history.deliveredOn;
  if (interval.kind === 'months')
    return { basis: 'calendar', dueOn: addMonths(start, interval.every) };
  const dueAtReading = (history.lastServiceReading ?? 0) + interval.every;
  const reached = history.readings.find(
    (r) => r.value >= dueAtReading && utcDateOf(r.readAt) >= start,
  );
  if (reached) return { basis: 'reached', dueOn: utcDateOf(reached.readAt), dueAtReading };
  const latest = history.readings[history.readings.length - 1];
  const rate = usageRatePerDay(history.readings);
  const remaining = dueAtReading - (latest?.value ?? history.lastServiceReading ?? 0);
  if (!latest || rate === undefined || rate <= 0)
    return { basis: 'unknown', dueAtReading, remaining };
  const dueOn = addDays(utcDateOf(latest.readAt), Math.ceil(remaining / rate));
  return { basis: 'projected', dueOn, dueAtReading, ratePerDay: rate };
}

export type DueState = 'overdue' | 'due' | 'later';

/** Overdue before `today`, due from today to `horizonDays` ahead, else later. */
export function dueState(dueOn: CalendarDate, today: CalendarDate, horizonDays: number): DueState {
  if (dueOn < today) return 'overdue';
  return daysBetween(today, dueOn) <= horizonDays ? 'due' : 'later';
}

export interface DueItem {
  readonly assetId: string;
  readonly planId: string;
  readonly next: NextDue;
}

export interface DueListEntry extends DueItem {
  readonly dueOn: CalendarDate;
  readonly state: Exclude<DueState, 'later'>;
  /** Negative when overdue. */
  readonly daysLeft: number;
}

/** What is overdue or due within the horizon, most overdue first; unknown projections are left out. */
export function dueList(
  items: readonly DueItem[],
  today: CalendarDate,
  horizonDays: number,
): DueListEntry[] {
  const entries: DueListEntry[] = [];
  for (const item of items) {
    if (item.next.basis === 'unknown') continue;
    const state = dueState(item.next.dueOn, today, horizonDays);
    if (state === 'later') continue;
    entries.push({
      ...item,
      dueOn: item.next.dueOn,
      state,
      daysLeft: daysBetween(today, item.next.dueOn),
    });
  }
  return entries.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft ||
      a.assetId.localeCompare(b.assetId) ||
      a.planId.localeCompare(b.planId),
  );
}
