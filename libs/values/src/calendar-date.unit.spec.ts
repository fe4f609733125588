import { parseCalendarDate } from './calendar-date';

describe('parseCalendarDate', () => {
  it.each(['2026-12-15', '2024-02-29', '2000-02-29', '1815-12-10', '0001-01-01'])('accepts %j', (raw) =>
    expect(parseCalendarDate(raw)).toBe(raw),
  );

  it.each([
    '2023-02-29', // not a leap year
    '1900-02-29', // nor is 1900
    '2026-13-01',
    '2026-04-31',
    '2026-00-10',
    '0000-01-01', // there is no year 0
    '2026-1-5',
    '2026-12-15T00:00:00Z',
    20261215,
  ])('refuses %j as InvalidDate naming the field', (raw) =>
    expect(() => parseCalendarDate(raw, 'expectedCloseDate')).toThrow(
      expect.objectContaining({ code: 'InvalidDate', field: 'expectedCloseDate' }),
    ),
  );
});
