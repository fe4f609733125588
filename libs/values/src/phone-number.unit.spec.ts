import fc from 'fast-check';
import { normalisePhone, parsePhoneNumber } from './phone-number';

describe('parsePhoneNumber', () => {
  it.each([
    ['+4930123456', '+4930123456'],
    ['+4915112345678', '+4915112345678'],
    // Separators are typed, never stored: sales used to refuse these, contacts accepted them.
    ['+49 151 1234 5678', '+4915112345678'],
    ['+1 (650) 253-0000', '+16502530000'],
    // 7 digits in all: sales' old "7 to 15 digits" and contacts' "2 to 15" agree; the plan decides.
    ['+6834002', '+6834002'],
  ])('accepts %j as %j', (raw, expected) => expect(parsePhoneNumber(raw)).toBe(expected));

  it.each([
    '030 123456', // national format: no country to assume
    '+0301234567', // country codes never start with 0
    '+49123', // too short for the German plan
    '+491511234567890123', // over 15 digits
    '+44 20 FLOWERS',
    'nope',
    '',
  ])('refuses %j as InvalidPhone naming the field', (raw) =>
    expect(() => parsePhoneNumber(raw, 'profile.phone')).toThrow(
      expect.objectContaining({ code: 'InvalidPhone', field: 'profile.phone', kind: 'invalid' }),
    ),
  );

  it('refuses what is not a string', () =>
    expect(() => parsePhoneNumber(4930123456)).toThrow(
      expect.objectContaining({ code: 'InvalidPhone', field: 'phone' }),
    ));

  it('normalises for matching without throwing', () => {
    expect(normalisePhone('+49 30 123456')).toBe('+4930123456');
    expect(normalisePhone('nope')).toBeUndefined();
  });

  it('accepts its own output unchanged', () =>
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^\+[1-9][\d ]{6,16}$/),
          fc.constantFrom('+4930123456', '+1 (650) 253-0000'),
        ),
        (raw) => {
          const once = normalisePhone(raw);
          if (once !== undefined) expect(parsePhoneNumber(once)).toBe(once);
        },
      ),
    ));
});
