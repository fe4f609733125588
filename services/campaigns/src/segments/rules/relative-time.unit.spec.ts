/** Relative windows and anniversaries, in UTC, on calendar edges. */
import { anniversaryMonthDays, instantMs, parseDuration, windowStart } from './relative-time';

const d = (raw: string) => {
  const parsed = parseDuration(raw);
  if (!parsed) throw new Error(raw);
  return parsed;
};

describe('relative time', () => {
  it('parses durations of days, weeks, months and years, up to ten years', () => {
    expect(parseDuration('30d')).toEqual({ amount: 30, unit: 'd' });
    expect(parseDuration('10y')).toEqual({ amount: 10, unit: 'y' });
    for (const bad of ['0d', '011d', '1.5d', ' 1d', '1D', '3661d', '521w', '121m', '11y', '', 7]) {
      expect(parseDuration(bad)).toBeNull();
    }
    expect(parseDuration('2y', true)).toBeNull();
    expect(parseDuration('1y', true)).toEqual({ amount: 1, unit: 'y' });
  });

  it('starts windows of days and weeks exactly that many 24 h earlier', () => {
    const now = new Date('2026-03-29T12:34:56.789Z');
    expect(windowStart(now, d('30d')).toISOString()).toBe('2026-02-27T12:34:56.789Z');
    expect(windowStart(now, d('2w')).toISOString()).toBe('2026-03-15T12:34:56.789Z');
  });

  it('starts windows of months and years on the same day, clamped to the month end', () => {
    expect(windowStart(new Date('2026-03-31T08:00:00Z'), d('1m')).toISOString()).toBe(
      '2026-02-28T08:00:00.000Z',
    );
    expect(windowStart(new Date('2024-03-31T08:00:00Z'), d('1m')).toISOString()).toBe(
      '2024-02-29T08:00:00.000Z',
    );
    expect(windowStart(new Date('2026-01-15T00:00:00Z'), d('6m')).toISOString()).toBe(
      '2025-07-15T00:00:00.000Z',
    );
    expect(windowStart(new Date('2024-02-29T00:00:00Z'), d('1y')).toISOString()).toBe(
      '2023-02-28T00:00:00.000Z',
    );
  });

  it('lists the month-days of the next anniversaries, today and the last day included', () => {
    expect(anniversaryMonthDays(new Date('2026-12-30T23:00:00Z'), d('3d'))).toEqual([
      '12-30',
      '12-31',
      '01-01',
      '01-02',
    ]);
  });

  it('lets Feb 29 dates celebrate on Feb 28 in years without one', () => {
    expect(anniversaryMonthDays(new Date('2026-02-27T10:00:00Z'), d('1d'))).toEqual([
      '02-27',
      '02-28',
      '02-29',
    ]);
    expect(anniversaryMonthDays(new Date('2028-02-27T10:00:00Z'), d('1d'))).toEqual([
      '02-27',
      '02-28',
    ]);
  });

  it('covers every month-day when looking a year ahead', () => {
    expect(anniversaryMonthDays(new Date('2026-06-01T00:00:00Z'), d('1y'))).toHaveLength(366);
  });

  it('reads timestamp values as instants with offsets or as the start of a UTC day', () => {
    expect(instantMs('2026-01-01')).toBe(Date.parse('2026-01-01T00:00:00Z'));
    expect(instantMs('2026-01-01T01:00:00+01:00')).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });
});
