import { DomainError } from '@crm/event-sourcing';
import { parseCalendarDate } from '@crm/values';
import {
  dueList,
  dueState,
  nextDue,
  parseMaintenanceInterval,
  usageRatePerDay,
} from './maintenance-schedule';

const day = (d: string) => parseCalendarDate(d);
const r = (value: number, readAt: string) => ({ value, readAt });
const deliveredOn = day('2026-01-15');

describe('maintenance intervals', () => {
  it('every N months or every N units of a meter, bad fields named', () => {
    expect(parseMaintenanceInterval({ kind: 'months', every: 12 })).toEqual({
      kind: 'months',
      every: 12,
    });
    expect(parseMaintenanceInterval({ kind: 'usage', every: 500, unit: 'hours' })).toEqual({
      kind: 'usage',
      every: 500,
      unit: 'hours',
    });
    const field = (raw: unknown) => {
      try {
        parseMaintenanceInterval(raw);
      } catch (e) {
        return (e as DomainError).details?.field;
      }
    };
    expect(field({ kind: 'weeks', every: 1 })).toBe('interval.kind');
    expect(field({ kind: 'months', every: 0 })).toBe('interval.every');
    expect(field({ kind: 'months', every: 241 })).toBe('interval.every');
    expect(field({ kind: 'usage', every: 1.5, unit: 'km' })).toBe('interval.every');
    expect(field({ kind: 'usage', every: 10, unit: 'miles' })).toBe('interval.unit');
  });
});

describe('next due date', () => {
  it('calendar plans count months from the last service, else from the delivery', () => {
    expect(nextDue({ kind: 'months', every: 12 }, { deliveredOn, readings: [] })).toEqual({
      basis: 'calendar',
      dueOn: '2027-01-15',
    });
    expect(
      nextDue(
        { kind: 'months', every: 6 },
        { deliveredOn, lastServiceOn: day('2026-08-31'), readings: [] },
      ),
    ).toEqual({
      basis: 'calendar',
      dueOn: '2027-02-28',
    });
  });

  it('usage plans project the day from the usage rate of the readings', () => {
    // 10 hours a day: 100 on 1 March, 400 on 31 March; due at 500 -> 10 days after 31 March.
    const readings = [r(100, '2026-03-01T12:00:00.000Z'), r(400, '2026-03-31T12:00:00.000Z')];
    expect(usageRatePerDay(readings)).toBe(10);
    expect(
      nextDue({ kind: 'usage', every: 500, unit: 'hours' }, { deliveredOn, readings }),
    ).toEqual({
      basis: 'projected',
      dueOn: '2026-04-10',
      dueAtReading: 500,
      ratePerDay: 10,
    });
    // A new reading showing heavier use moves the due date forward: 380 h in 32 days, 20 h left -> 2 days.
    const heavier = [...readings, r(480, '2026-04-02T12:00:00.000Z')];
    const moved = nextDue(
      { kind: 'usage', every: 500, unit: 'hours' },
      { deliveredOn, readings: heavier },
    );
    expect(moved).toMatchObject({ basis: 'projected', dueOn: '2026-04-04', ratePerDay: 380 / 32 });
  });

  it('counts from the last service reading; a meter already past it is due since that reading', () => {
    const readings = [
      r(100, '2026-03-01T00:00:00.000Z'),
      r(520, '2026-04-01T00:00:00.000Z'),
      r(700, '2026-05-01T00:00:00.000Z'),
    ];
    expect(
      nextDue({ kind: 'usage', every: 500, unit: 'hours' }, { deliveredOn, readings }),
    ).toEqual({
      basis: 'reached',
      dueOn: '2026-04-01',
      dueAtReading: 500,
    });
    const serviced = nextDue(
      { kind: 'usage', every: 500, unit: 'hours' },
      { deliveredOn, lastServiceOn: day('2026-04-01'), lastServiceReading: 520, readings },
    );
    expect(serviced).toMatchObject({ basis: 'projected', dueAtReading: 1020 });
  });

  it('says how much is left when no rate can be told', () => {
    expect(
      nextDue(
        { kind: 'usage', every: 500, unit: 'km' },
        { deliveredOn, readings: [r(100, '2026-03-01T00:00:00.000Z')] },
      ),
    ).toEqual({
      basis: 'unknown',
      dueAtReading: 500,
      remaining: 400,
    });
    const idle = [r(100, '2026-03-01T00:00:00.000Z'), r(100, '2026-04-01T00:00:00.000Z')];
    expect(
      nextDue({ kind: 'usage', every: 500, unit: 'km' }, { deliveredOn, readings: idle }).basis,
    ).toBe('unknown');
    expect(
      usageRatePerDay([r(1, '2026-03-01T00:00:00.000Z'), r(5, '2026-03-01T12:00:00.000Z')]),
    ).toBeUndefined();
  });

  it('reads the rate off the last year only', () => {
    const readings = [
      r(0, '2024-01-01T00:00:00.000Z'),
      r(10, '2025-06-01T00:00:00.000Z'),
      r(375, '2026-06-01T00:00:00.000Z'),
    ];
    expect(usageRatePerDay(readings)).toBe(1);
  });
});

describe('due list', () => {
  const today = day('2026-06-10');
  it('overdue before today, due within the horizon, later beyond it', () => {
    expect(dueState(day('2026-06-09'), today, 30)).toBe('overdue');
    expect(dueState(today, today, 30)).toBe('due');
    expect(dueState(day('2026-07-10'), today, 30)).toBe('due');
    expect(dueState(day('2026-07-11'), today, 30)).toBe('later');
  });

  it('lists overdue and due items, most overdue first, and leaves out later and unknown ones', () => {
    const list = dueList(
      [
        { assetId: 'a3', planId: 'p', next: { basis: 'calendar', dueOn: day('2026-06-20') } },
        {
          assetId: 'a1',
          planId: 'p',
          next: { basis: 'reached', dueOn: day('2026-05-01'), dueAtReading: 500 },
        },
        { assetId: 'a2', planId: 'p', next: { basis: 'calendar', dueOn: day('2026-12-01') } },
        {
          assetId: 'a4',
          planId: 'p',
          next: { basis: 'unknown', dueAtReading: 500, remaining: 10 },
        },
      ],
      today,
      30,
    );
    expect(list.map((e) => [e.assetId, e.state, e.daysLeft])).toEqual([
      ['a1', 'overdue', -40],
      ['a3', 'due', 10],
    ]);
  });
});
