/**
 * A tenant's business calendar: its IANA time zone, working hours per weekday (local wall-clock
 * times, several periods a day allowed, e.g. a lunch break) and holidays as local calendar dates.
 * SLA targets count only the minutes inside it.
 */
import { type CalendarDate, parseCalendarDate, parseTimeZone, type TimeZone } from '@crm/values';
import { SlaErrors } from './sla.errors';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Local `HH:MM` times, `from` before `to`; `to` may be `24:00` (midnight at the day's end). */
export interface WorkingPeriod {
  readonly from: string;
  readonly to: string;
}

export interface BusinessCalendar {
  readonly timeZone: TimeZone;
  readonly workingHours: Readonly<Record<Weekday, readonly WorkingPeriod[]>>;
  /** Sorted, unique local dates on which nobody works. */
  readonly holidays: readonly CalendarDate[];
}

const MAX_PERIODS_PER_DAY = 6;
const MAX_HOLIDAYS = 1000;
const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after local midnight of an `HH:MM` (24:00 = 1440), or undefined when it is not one. */
export function minuteOfDay(time: string): number | undefined {
  const match = HH_MM.exec(time);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : undefined;
}

/** Checks untrusted input (a request body) and returns the canonical calendar. */
export function parseBusinessCalendar(raw: unknown): BusinessCalendar {
  const input = isRecord(raw) ? raw : {};
  const timeZone = parseTimeZone(input.timeZone, 'timeZone');
  const hoursInput = isRecord(input.workingHours) ? input.workingHours : undefined;
  if (!hoursInput)
    throw SlaErrors.invalidWorkingHours('workingHours', 'must be an object by weekday');
  for (const key of Object.keys(hoursInput)) {
    if (!(WEEKDAYS as readonly string[]).includes(key))
      throw SlaErrors.invalidWorkingHours(`workingHours.${key}`, 'is not a weekday (mon..sun)');
  }
  const workingHours = Object.fromEntries(
    WEEKDAYS.map((day) => [day, parsePeriods(hoursInput[day], `workingHours.${day}`)]),
  ) as Record<Weekday, WorkingPeriod[]>;
  if (WEEKDAYS.every((day) => workingHours[day].length === 0)) throw SlaErrors.noWorkingTime();
  const holidaysInput = input.holidays ?? [];
  if (!Array.isArray(holidaysInput) || holidaysInput.length > MAX_HOLIDAYS)
    throw SlaErrors.invalidWorkingHours(
      'holidays',
      `must be a list of at most ${MAX_HOLIDAYS} dates`,
    );
  const holidays = [
    ...new Set(holidaysInput.map((d, i) => parseCalendarDate(d, `holidays[${i}]`))),
  ].sort();
  return { timeZone, workingHours, holidays };
}

function parsePeriods(raw: unknown, field: string): WorkingPeriod[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || raw.length > MAX_PERIODS_PER_DAY)
    throw SlaErrors.invalidWorkingHours(
      field,
      `must be a list of at most ${MAX_PERIODS_PER_DAY} periods`,
    );
  const periods = raw.map((period, i) => {
    const at = `${field}[${i}]`;
    const from = isRecord(period) && typeof period.from === 'string' ? period.from : '';
    const to = isRecord(period) && typeof period.to === 'string' ? period.to : '';
    const start = minuteOfDay(from);
    const end = minuteOfDay(to);
    if (start === undefined || start === 1440)
      throw SlaErrors.invalidWorkingHours(`${at}.from`, 'must be HH:MM, 00:00 to 23:59');
    if (end === undefined)
      throw SlaErrors.invalidWorkingHours(`${at}.to`, 'must be HH:MM, 00:01 to 24:00');
    if (end <= start) throw SlaErrors.invalidWorkingHours(`${at}.to`, 'must be after from');
    return { from, to, start, end };
  });
  periods.sort((a, b) => a.start - b.start);
  for (let i = 1; i < periods.length; i++) {
    if (periods[i].start < periods[i - 1].end)
      throw SlaErrors.invalidWorkingHours(field, 'periods overlap');
  }
  return periods.map(({ from, to }) => ({ from, to }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
