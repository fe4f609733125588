import { DomainError } from '@crm/event-sourcing';
import { parseBusinessCalendar } from './business-calendar';
import { caseSla, DEFAULT_SLA_POLICY, dueAt, parseSlaPolicy } from './sla-policy';

const nineToFive = [{ from: '09:00', to: '17:00' }];
const berlin = parseBusinessCalendar({
  timeZone: 'Europe/Berlin',
  workingHours: {
    mon: nineToFive,
    tue: nineToFive,
    wed: nineToFive,
    thu: nineToFive,
    fri: nineToFive,
  },
  holidays: ['2026-06-04'],
});
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return [(error as DomainError).code, (error as DomainError).details?.field];
  }
  return undefined;
};

describe('SLA policy', () => {
  it('takes targets per priority and names the bad field', () => {
    expect(parseSlaPolicy(DEFAULT_SLA_POLICY)).toEqual(DEFAULT_SLA_POLICY);
    expect(
      codeOf(() =>
        parseSlaPolicy({
          ...DEFAULT_SLA_POLICY,
          high: { firstResponseMinutes: 1.5, resolutionMinutes: 9 },
        }),
      ),
    ).toEqual(['InvalidSlaTarget', 'high.firstResponseMinutes']);
    expect(codeOf(() => parseSlaPolicy({ ...DEFAULT_SLA_POLICY, low: undefined }))).toEqual([
      'InvalidSlaTarget',
      'low.firstResponseMinutes',
    ]);
    expect(
      codeOf(() =>
        parseSlaPolicy({
          ...DEFAULT_SLA_POLICY,
          urgent: { firstResponseMinutes: 90, resolutionMinutes: 60 },
        }),
      ),
    ).toEqual(['InvalidSlaTarget', 'urgent.firstResponseMinutes']);
  });
});

describe('business calendar input', () => {
  const base = { timeZone: 'Europe/Berlin', workingHours: { mon: nineToFive } };
  it.each([
    [{ ...base, timeZone: '+02:00' }, 'InvalidTimeZone', 'timeZone'],
    [
      { ...base, workingHours: { monday: nineToFive } },
      'InvalidWorkingHours',
      'workingHours.monday',
    ],
    [
      { ...base, workingHours: { mon: [{ from: '9:00', to: '17:00' }] } },
      'InvalidWorkingHours',
      'workingHours.mon[0].from',
    ],
    [
      { ...base, workingHours: { mon: [{ from: '09:00', to: '24:01' }] } },
      'InvalidWorkingHours',
      'workingHours.mon[0].to',
    ],
    [
      { ...base, workingHours: { mon: [{ from: '17:00', to: '09:00' }] } },
      'InvalidWorkingHours',
      'workingHours.mon[0].to',
    ],
    [
      {
        ...base,
        workingHours: {
          mon: [
            { from: '09:00', to: '13:00' },
            { from: '12:00', to: '17:00' },
          ],
        },
      },
      'InvalidWorkingHours',
      'workingHours.mon',
    ],
    [{ ...base, workingHours: {} }, 'NoWorkingTime', 'workingHours'],
    [{ ...base, holidays: ['2026-02-30'] }, 'InvalidDate', 'holidays[0]'],
    [{ ...base, holidays: 'x' }, 'InvalidWorkingHours', 'holidays'],
  ])('refuses %j with %s naming %s', (input, code, field) => {
    expect(codeOf(() => parseBusinessCalendar(input))).toEqual([code, field]);
  });
});

describe('case SLA clocks', () => {
  // Monday 2026-06-01 10:00 CEST.
  const openedAt = '2026-06-01T08:00:00Z';

  it('first response and resolution due in business time; a holiday moves the resolution', () => {
    const report = caseSla(
      { priority: 'normal', openedAt, pauses: [] },
      DEFAULT_SLA_POLICY,
      berlin,
      '2026-06-01T09:00:00Z',
    );
    // 480 minutes: 7 hours Monday, 1 hour Tuesday -> Tuesday 10:00 CEST.
    expect(report.firstResponse).toEqual({ status: 'running', dueAt: '2026-06-02T08:00:00.000Z' });
    // 2400 minutes = 5 days of 8 h: Mon 7 h, Tue, Wed, (Thu holiday), Fri, Mon, 1 h Tuesday.
    expect(report.resolution).toEqual({ status: 'running', dueAt: '2026-06-09T08:00:00.000Z' });
  });

  it('breached once now passes the due instant; met when stopped at or before it', () => {
    const clocks = { priority: 'urgent' as const, openedAt, pauses: [] };
    expect(
      caseSla(clocks, DEFAULT_SLA_POLICY, berlin, '2026-06-01T08:30:00Z').firstResponse.status,
    ).toBe('running');
    expect(
      caseSla(clocks, DEFAULT_SLA_POLICY, berlin, '2026-06-01T08:30:01Z').firstResponse.status,
    ).toBe('breached');
    expect(
      caseSla(
        { ...clocks, firstRespondedAt: '2026-06-01T08:30:00Z' },
        DEFAULT_SLA_POLICY,
        berlin,
        '2026-06-05T00:00:00Z',
      ).firstResponse,
    ).toEqual({
      status: 'met',
      dueAt: '2026-06-01T08:30:00.000Z',
      stoppedAt: '2026-06-01T08:30:00Z',
    });
    expect(
      caseSla(
        { ...clocks, firstRespondedAt: '2026-06-01T08:31:00Z' },
        DEFAULT_SLA_POLICY,
        berlin,
        '2026-06-05T00:00:00Z',
      ).firstResponse.status,
    ).toBe('breached');
  });

  it('waiting on the customer pauses the resolution clock, not the first response', () => {
    // Urgent: 480 min resolution. Ran 60 min (10:00-11:00), paused until Tuesday 11:00, 420 left:
    // 360 on Tuesday, 60 on Wednesday -> 10:00 CEST.
    const pauses = [{ from: '2026-06-01T09:00:00Z', to: '2026-06-02T09:00:00Z' }];
    const report = caseSla(
      { priority: 'urgent', openedAt, pauses },
      DEFAULT_SLA_POLICY,
      berlin,
      '2026-06-02T09:00:00Z',
    );
    expect(report.resolution.dueAt).toBe('2026-06-03T08:00:00.000Z');
    expect(report.firstResponse.dueAt).toBe('2026-06-01T08:30:00.000Z');
    const open = dueAt(openedAt, 480, [{ from: '2026-06-01T09:00:00Z' }], berlin);
    expect(open).toEqual({ paused: true, remainingMinutes: 420 });
    expect(
      caseSla(
        { priority: 'urgent', openedAt, pauses: [{ from: '2026-06-01T09:00:00Z' }] },
        DEFAULT_SLA_POLICY,
        berlin,
        '2026-06-30T00:00:00Z',
      ).resolution.status,
    ).toBe('paused');
  });

  it('a pause after the due instant does not save a breach', () => {
    const pauses = [{ from: '2026-06-02T08:00:00Z', to: '2026-06-03T08:00:00Z' }];
    // Urgent resolution due Monday 17:00 CEST (15:00Z) + 60 min = Tuesday 10:00 CEST = 08:00Z.
    const due = dueAt(openedAt, 480, pauses, berlin);
    expect(due).toEqual({ paused: false, dueAt: '2026-06-02T08:00:00.000Z' });
    expect(dueAt(openedAt, 480, [{ from: '2026-06-02T08:00:01Z' }], berlin)).toEqual({
      paused: false,
      dueAt: '2026-06-02T08:00:00.000Z',
    });
  });
});
