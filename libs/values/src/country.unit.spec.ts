import { parseCountryCode } from './country';

describe('parseCountryCode', () => {
  it.each([
    ['GB', 'GB'],
    ['de', 'DE'],
    [' us ', 'US'],
    ['AX', 'AX'],
  ])('accepts %j as %j', (raw, expected) => expect(parseCountryCode(raw)).toBe(expected));

  // ZZ, UK, EU, XK: two letters ICU knows, none an assigned ISO 3166-1 country.
  it.each(['ZZ', 'UK', 'EU', 'XK', 'GBR', 'G', '', '12', 49, null])(
    'refuses %j as InvalidCountry',
    (raw) =>
      expect(() => parseCountryCode(raw, 'addresses[0].country')).toThrow(
        expect.objectContaining({ code: 'InvalidCountry', field: 'addresses[0].country' }),
      ),
  );

  it('knows all 249 assigned codes and nothing else of the 676 pairs', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const accepted = [...letters].flatMap((a) =>
      [...letters].filter((b) => {
        try {
          parseCountryCode(a + b);
          return true;
        } catch {
          return false;
        }
      }),
    );
    expect(accepted).toHaveLength(249);
  });
});
