import { parseTimeZone } from './time-zone';

describe('parseTimeZone', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['UTC', 'UTC'],
    // Aliases and case are spelt one way (sales used to refuse these, contacts stored them as typed).
    ['europe/berlin', 'Europe/Berlin'],
    ['US/Eastern', 'America/New_York'],
    ['Etc/UTC', 'UTC'],
  ])('accepts %j as %j', (raw, expected) => expect(parseTimeZone(raw)).toBe(expected));

  it.each(['+02:00', '-05:00', 'Mars/Olympus_Mons', 'Berlin', '', 'a'.repeat(65), 2])(
    'refuses %j as InvalidTimeZone',
    (raw) =>
      expect(() => parseTimeZone(raw, 'bestTimeToCall.timeZone')).toThrow(
        expect.objectContaining({ code: 'InvalidTimeZone', field: 'bestTimeToCall.timeZone' }),
      ),
  );
});
