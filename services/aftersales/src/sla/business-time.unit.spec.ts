import fc from 'fast-check';
import { parseCalendarDate } from '@crm/values';
import { parseBusinessCalendar, type BusinessCalendar } from './business-calendar';
import { addBusinessMinutes, businessMinutesBetween, workingIntervalsOn } from './business-time';
import { instantOfLocal, localDateOf, offsetAt } from './zoned-time';

const nineToFive = [{ from: '09:00', to: '17:00' }];
const weekdays = {
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
};
const calendarIn = (timeZone: string, extra: Record<string, unknown> = {}): BusinessCalendar =>
  parseBusinessCalendar({ timeZone, workingHours: weekdays, ...extra });

const berlin = calendarIn('Europe/Berlin', {
  holidays: ['2026-12-25', '2026-12-24', '2026-12-25'],
});
const tokyo = calendarIn('Asia/Tokyo');
const losAngeles = calendarIn('America/Los_Angeles');
const aroundTheClock = parseBusinessCalendar({
  timeZone: 'Europe/Berlin',
  workingHours: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [
      d,
      [{ from: '00:00', to: '24:00' }],
    ]),
  ),
});

describe('zoned time (Intl)', () => {
  it('knows Berlin offsets on both sides of the March and October changes of 2026', () => {
    expect(offsetAt(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Berlin')).toBe(3_600_000);
    expect(offsetAt(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(offsetAt(Date.parse('2026-10-25T00:59:00Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(offsetAt(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
  });

  it('maps a local minute in the spring gap to the jump, and one of the autumn overlap to its first time', () => {
    const d = parseCalendarDate('2026-03-29');
    expect(new Date(instantOfLocal(d, 150, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(new Date(instantOfLocal(d, 180, 'Europe/Berlin')).toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    const o = parseCalendarDate('2026-10-25');
    expect(new Date(instantOfLocal(o, 150, 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
    expect(new Date(instantOfLocal(o, 180, 'Europe/Berlin')).toISOString()).toBe(
      '2026-10-25T02:00:00.000Z',
    );
  });

  it('reads the local date of an instant east and west of UTC', () => {
    const at = Date.parse('2026-06-01T23:30:00Z');
    expect(localDateOf(at, 'Asia/Tokyo')).toBe('2026-06-02');
    expect(localDateOf(at, 'America/Los_Angeles')).toBe('2026-06-01');
    expect(localDateOf(Date.parse('2026-06-02T06:59:00Z'), 'America/Los_Angeles')).toBe(
      '2026-06-01',
    );
  });
});

describe('business minutes', () => {
  it('adds within a day, stops at 17:00 sharp, and carries over the evening and the weekend', () => {
    // Friday 2026-06-05, 16:00 Berlin (CEST) = 14:00Z.
    expect(addBusinessMinutes('2026-06-05T14:00:00Z', 30, berlin)).toBe('2026-06-05T14:30:00.000Z');
    expect(addBusinessMinutes('2026-06-05T14:00:00Z', 60, berlin)).toBe('2026-06-05T15:00:00.000Z');
    // 61 minutes: one on Monday morning at 09:00 CEST.
    expect(addBusinessMinutes('2026-06-05T14:00:00Z', 61, berlin)).toBe('2026-06-08T07:01:00.000Z');
    // From Saturday night: the clock starts on Monday at 09:00.
    expect(addBusinessMinutes('2026-06-06T22:00:00Z', 1, berlin)).toBe('2026-06-08T07:01:00.000Z');
    expect(addBusinessMinutes('2026-06-06T22:00:00Z', 0, berlin)).toBe('2026-06-06T22:00:00.000Z');
  });

  it('skips holidays as local dates (Christmas Eve and Day 2026 are Thursday and Friday)', () => {
    // Wednesday 23rd, 16:30 CET = 15:30Z; 60 minutes: 30 that day, 30 on Monday the 28th.
    expect(addBusinessMinutes('2026-12-23T15:30:00Z', 60, berlin)).toBe('2026-12-28T08:30:00.000Z');
    expect(businessMinutesBetween('2026-12-23T15:30:00Z', '2026-12-28T08:30:00Z', berlin)).toBe(60);
    expect(workingIntervalsOn(parseCalendarDate('2026-12-25'), berlin)).toEqual([]);
  });

  it('counts real minutes across the March change: the night of 29 March is an hour short', () => {
    // Saturday 28 March 12:00 CET to Sunday 29 March 12:00 CEST is 23 real hours.
    expect(
      businessMinutesBetween('2026-03-28T11:00:00Z', '2026-03-29T10:00:00Z', aroundTheClock),
    ).toBe(23 * 60);
    // A Friday-to-Monday span: the working hours are 09:00-17:00 local both before and after.
    expect(businessMinutesBetween('2026-03-27T08:00:00Z', '2026-03-30T07:00:00Z', berlin)).toBe(
      480,
    );
    expect(addBusinessMinutes('2026-03-27T15:00:00Z', 60, berlin)).toBe('2026-03-27T16:00:00.000Z');
    expect(addBusinessMinutes('2026-03-27T15:00:00Z', 61, berlin)).toBe('2026-03-30T07:01:00.000Z');
    // The whole local Sunday is 23 hours long.
    const sunday = workingIntervalsOn(parseCalendarDate('2026-03-29'), aroundTheClock);
    expect(sunday.map((i) => (i.end - i.start) / 3_600_000)).toEqual([23]);
  });

  it('counts real minutes across the October change: the night of 25 October is an hour long', () => {
    const sunday = workingIntervalsOn(parseCalendarDate('2026-10-25'), aroundTheClock);
    expect(sunday.map((i) => (i.end - i.start) / 3_600_000)).toEqual([25]);
    // Friday 16:00 CEST (14:00Z) + 120 min: 60 on Friday, 60 on Monday from 09:00 CET (08:00Z).
    expect(addBusinessMinutes('2026-10-23T14:00:00Z', 120, berlin)).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });

  it('splits a day around a lunch break and joins periods across midnight', () => {
    const split = parseBusinessCalendar({
      timeZone: 'Europe/Berlin',
      workingHours: {
        mon: [
          { from: '13:00', to: '17:00' },
          { from: '08:00', to: '12:00' },
        ],
      },
    });
    expect(split.workingHours.mon).toEqual([
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ]);
    // Monday 2026-06-01 11:30 CEST = 09:30Z; +60: 30 before lunch, 30 after, 13:30 = 11:30Z.
    expect(addBusinessMinutes('2026-06-01T09:30:00Z', 60, split)).toBe('2026-06-01T11:30:00.000Z');
    const nights = parseBusinessCalendar({
      timeZone: 'Europe/Berlin',
      workingHours: {
        mon: [{ from: '22:00', to: '24:00' }],
        tue: [{ from: '00:00', to: '06:00' }],
      },
    });
    // Monday 23:00 CEST (21:00Z) + 120 minutes = Tuesday 01:00 CEST.
    expect(addBusinessMinutes('2026-06-01T21:00:00Z', 120, nights)).toBe(
      '2026-06-01T23:00:00.000Z',
    );
  });

  it('works in Tokyo (east, no DST) and Los Angeles (west, its own DST dates)', () => {
    // Monday 2026-06-01 09:00 JST is Sunday 00:00Z: the local week decides, not UTC's.
    expect(addBusinessMinutes('2026-05-31T23:00:00Z', 60, tokyo)).toBe('2026-06-01T01:00:00.000Z');
    expect(businessMinutesBetween('2026-05-31T00:00:00Z', '2026-06-01T00:00:00Z', tokyo)).toBe(0);
    // Friday 2026-03-06 16:00 PST (00:00Z Sat) + 120: 60 Friday, 60 Monday 9:00 PDT (16:00Z) after the 8 March change.
    expect(addBusinessMinutes('2026-03-07T00:00:00Z', 120, losAngeles)).toBe(
      '2026-03-09T17:00:00.000Z',
    );
    // The same UTC instants in Berlin count other minutes.
    expect(businessMinutesBetween('2026-03-07T00:00:00Z', '2026-03-09T17:00:00Z', berlin)).toBe(
      480,
    );
  });

  it('is negative when measured backwards', () => {
    expect(businessMinutesBetween('2026-06-05T15:00:00Z', '2026-06-05T14:00:00Z', berlin)).toBe(
      -60,
    );
  });
});

describe('business minutes, properties', () => {
  const zones = fc.constantFrom(berlin, tokyo, losAngeles, aroundTheClock);
  // Instants through 2026-2027, both DST changes of each year included.
  const instant = fc
    .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
    .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString());

  it('measuring what was added gives it back', () => {
    fc.assert(
      fc.property(zones, instant, fc.integer({ min: 0, max: 6000 }), (calendar, start, minutes) => {
        const end = addBusinessMinutes(start, minutes, calendar);
        expect(businessMinutesBetween(start, end, calendar)).toBe(minutes);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic: more minutes never end earlier, a later end never measures fewer', () => {
    fc.assert(
      fc.property(
        zones,
        instant,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 3000 }),
        (calendar, start, a, b) => {
          const [less, more] = a <= b ? [a, b] : [b, a];
          expect(Date.parse(addBusinessMinutes(start, less, calendar))).toBeLessThanOrEqual(
            Date.parse(addBusinessMinutes(start, more, calendar)),
          );
          const t1 = new Date(Date.parse(start) + less * 60_000).toISOString();
          const t2 = new Date(Date.parse(start) + more * 60_000).toISOString();
          expect(businessMinutesBetween(start, t1, calendar)).toBeLessThanOrEqual(
            businessMinutesBetween(start, t2, calendar),
          );
          // Never more business time than real time.
          expect(businessMinutesBetween(start, t2, calendar)).toBeLessThanOrEqual(more);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is additive: from a to c is from a to b plus from b to c', () => {
    fc.assert(
      fc.property(
        zones,
        instant,
        fc.nat(40 * 86_400),
        fc.nat(40 * 86_400),
        (calendar, a, s1, s2) => {
          const [d1, d2] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const b = new Date(Date.parse(a) + d1 * 1000).toISOString();
          const c = new Date(Date.parse(a) + d2 * 1000).toISOString();
          expect(businessMinutesBetween(a, c, calendar)).toBeCloseTo(
            businessMinutesBetween(a, b, calendar) + businessMinutesBetween(b, c, calendar),
            9,
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});
