import { isQuietTime, localMinuteOfDay, parseQuietHours } from './quiet-hours';

// Fixed instants are fine here: nothing compares them with "now".
const JAN = new Date('2026-01-15T12:00:00Z'); // Berlin CET (+1), Auckland NZDT (+13)
const JUL = new Date('2026-07-15T12:00:00Z'); // Berlin CEST (+2), Auckland NZST (+12)
const quiet = parseQuietHours('21:00-08:00');

describe('quiet hours', () => {
  it('parses HH:MM-HH:MM, empty as none, and names what is wrong', () => {
    expect(quiet).toEqual({ startMinute: 21 * 60, endMinute: 8 * 60 });
    expect(parseQuietHours(' ')).toBeNull();
    expect(parseQuietHours('none')).toBeNull();
    expect(() => parseQuietHours('9pm-8am')).toThrow('HH:MM-HH:MM');
    expect(() => parseQuietHours('08:00-08:00')).toThrow('same time');
  });

  it("reads the person's wall clock, daylight saving time included", () => {
    expect(localMinuteOfDay(JAN, 'Europe/Berlin')).toBe(13 * 60);
    expect(localMinuteOfDay(JUL, 'Europe/Berlin')).toBe(14 * 60);
    expect(localMinuteOfDay(JAN, 'Pacific/Auckland')).toBe(1 * 60);
    expect(localMinuteOfDay(JUL, 'Pacific/Auckland')).toBe(0);
  });

  it('wraps midnight, ends exclusive, and falls back to the default zone', () => {
    expect(isQuietTime(JAN, quiet, 'Europe/Berlin', 'UTC')).toBe(false);
    expect(isQuietTime(JAN, quiet, 'Pacific/Auckland', 'UTC')).toBe(true);
    expect(isQuietTime(new Date('2026-01-15T07:00:00Z'), quiet, 'Europe/Berlin', 'UTC')).toBe(
      false,
    ); // 08:00
    expect(isQuietTime(new Date('2026-01-15T06:59:00Z'), quiet, 'Europe/Berlin', 'UTC')).toBe(true);
    expect(isQuietTime(new Date('2026-01-15T21:00:00Z'), quiet, null, 'UTC')).toBe(true);
    // An unknown zone: the default's clock (Tokyo 06:00 quiet; UTC 12:00 not).
    expect(isQuietTime(new Date('2026-01-15T21:00:00Z'), quiet, 'Not/AZone', 'Asia/Tokyo')).toBe(
      true,
    );
    expect(isQuietTime(JAN, quiet, 'Not/AZone', 'UTC')).toBe(false);
    expect(isQuietTime(JAN, null, 'Pacific/Auckland', 'UTC')).toBe(false);
    const lunch = parseQuietHours('12:00-14:00');
    expect(isQuietTime(JAN, lunch, 'UTC', 'UTC')).toBe(true);
    expect(isQuietTime(JAN, lunch, 'Asia/Tokyo', 'UTC')).toBe(false); // 21:00 there
  });
});
