import { parseInstant } from './instant';

describe('parseInstant', () => {
  it.each([
    ['2026-11-23T09:00:00Z', '2026-11-23T09:00:00.000Z'],
    ['2026-11-23T10:00:00+01:00', '2026-11-23T09:00:00.000Z'],
    ['2026-11-23T09:00-05:30', '2026-11-23T14:30:00.000Z'],
    ['2026-11-23T09:00:00.123456789Z', '2026-11-23T09:00:00.123Z'],
    ['2024-02-29T23:59:59+00:00', '2024-02-29T23:59:59.000Z'],
    ['0001-01-01T00:30:00Z', '0001-01-01T00:30:00.000Z'],
    ['9999-12-31T23:00:00-00:59', '9999-12-31T23:59:00.000Z'],
  ])('reads %j as %j (UTC)', (raw, expected) => expect(parseInstant(raw)).toBe(expected));

  it.each([
    '2026-11-23T09:00:00', // no offset: a different moment on every server
    '2026-11-23', // a date, not an instant
    '2026-02-30T09:00:00Z', // Date.parse rolls this over to March 2
    '2026-11-23T24:00:00Z',
    '2026-11-23T09:60:00Z',
    '2026-11-23T09:00:00+24:00',
    '2026-11-23 09:00:00Z',
    '0000-06-01T12:00:00Z', // there is no year 0
    '0001-01-01T00:30:00+01:00', // year 0 in UTC: PostgreSQL cannot store it
    '9999-12-31T23:30:00-01:00', // year 10000 in UTC
    'yesterday',
    1764000000000,
  ])('refuses %j as InvalidInstant naming the field', (raw) =>
    expect(() => parseInstant(raw, 'reminders[0].remindAt')).toThrow(
      expect.objectContaining({ code: 'InvalidInstant', field: 'reminders[0].remindAt' }),
    ),
  );
});
