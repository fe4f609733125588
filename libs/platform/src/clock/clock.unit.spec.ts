import { isoNow, ManualClock, systemClock, todayUtc } from './clock';

describe('Clock', () => {
  it('a ManualClock stands still until it is set or advanced', () => {
    const clock = new ManualClock('2030-03-31T23:59:00.000Z');
    expect(isoNow(clock)).toBe('2030-03-31T23:59:00.000Z');
    expect(todayUtc(clock)).toBe('2030-03-31');
    clock.advance(60_000);
    expect(todayUtc(clock)).toBe('2030-04-01');
    clock.set('1999-12-31T00:00:00Z');
    expect(isoNow(clock)).toBe('1999-12-31T00:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move the clock by mutating a Date', () => {
    const clock = new ManualClock('2030-01-01T00:00:00Z');
    clock.now().setFullYear(2000);
    expect(clock.now().getUTCFullYear()).toBe(2030);
  });

  it('refuses an invalid start', () => {
    expect(() => new ManualClock('not a date')).toThrow(/invalid start/);
  });

  it('the system clock reads the machine time', () => {
    const before = Date.now();
    const at = systemClock.now().getTime();
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });
});
