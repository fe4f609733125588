/** ageBandOn: the published bands of a birth date on a given day, birthdays included. */
import { ageBandOn } from './age-band';

describe('ageBandOn', () => {
  it.each([
    ['2008-06-15', '2026-06-14', 'under-18'],
    ['2008-06-15', '2026-06-15', '18-24'],
    ['2001-06-15', '2026-06-15', '25-34'],
    ['1991-06-16', '2026-06-15', '25-34'],
    ['1991-06-15', '2026-06-15', '35-44'],
    ['1981-01-01', '2026-06-15', '45-54'],
    ['1971-01-01', '2026-06-15', '55-64'],
    ['1961-06-15', '2026-06-15', '65-plus'],
  ])('born %s is %s on %s', (birth, on, band) => {
    expect(ageBandOn(birth, on)).toBe(band);
  });

  it('a birth date after the day has no band', () => {
    expect(ageBandOn('2027-01-01', '2026-06-15')).toBeUndefined();
  });
});
