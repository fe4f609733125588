/**
 * Quiet hours in the person's own time zone: a message due at night waits for the morning (it is
 * not skipped). `21:00-08:00` wraps midnight; `12:00-14:00` does not. Pure: the caller passes now.
 */
export interface QuietHours {
  /** Minutes after local midnight. */
  readonly startMinute: number;
  readonly endMinute: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `HH:MM-HH:MM`, or `none` (or empty) for none. */
export function parseQuietHours(raw: string): QuietHours | null {
  const text = raw.trim();
  if (text === '' || text.toLowerCase() === 'none') return null;
  const [from, to, extra] = text.split('-').map((part) => part.trim());
  const start = HH_MM.exec(from ?? '');
  const end = HH_MM.exec(to ?? '');
  if (!start || !end || extra !== undefined)
    throw new Error('is not HH:MM-HH:MM (e.g. 21:00-08:00)');
  const startMinute = Number(start[1]) * 60 + Number(start[2]);
  const endMinute = Number(end[1]) * 60 + Number(end[2]);
  if (startMinute === endMinute) throw new Error('starts and ends at the same time');
  return { startMinute, endMinute };
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes after midnight of `now` on the wall clock of `timeZone`. */
export function localMinuteOfDay(now: Date, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  const minute = Number(parts.find((p) => p.type === 'minute')!.value);
  return hour * 60 + minute;
}

/** Whether `now` is inside the quiet hours on the person's wall clock (an unknown zone: the default). */
export function isQuietTime(
  now: Date,
  quiet: QuietHours | null,
  timeZone: string | null,
  defaultTimeZone: string,
): boolean {
  if (!quiet) return false;
  const zone = timeZone && isTimeZone(timeZone) ? timeZone : defaultTimeZone;
  const minute = localMinuteOfDay(now, zone);
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
}
