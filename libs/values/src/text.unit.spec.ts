import { parseOneOf, parseOptionalText, parseText } from './text';

describe('parseText', () => {
  it('trims', () => expect(parseText('  Ada  ', 'name')).toBe('Ada'));
  it('defaults to at most 200 characters', () => {
    expect(parseText('a'.repeat(200), 'name')).toHaveLength(200);
    expect(() => parseText('a'.repeat(201), 'name')).toThrow(
      expect.objectContaining({ code: 'TextTooLong' }),
    );
  });

  // Sales used to answer InvalidText for both, contacts RequiredText / TextTooLong: one answer now.
  it.each([
    ['', 'RequiredText'],
    ['   ', 'RequiredText'],
    [undefined, 'RequiredText'],
    [7, 'RequiredText'],
    ['abcdef', 'TextTooLong'],
  ])('refuses %j as %s naming the field', (raw, code) =>
    expect(() => parseText(raw, 'lines[0].name', 5)).toThrow(
      expect.objectContaining({ code, field: 'lines[0].name', kind: 'invalid' }),
    ),
  );

  it('counts the trimmed length', () => expect(parseText('  abcde  ', 'f', 5)).toBe('abcde'));
});

describe('parseOptionalText', () => {
  it.each([undefined, null, '', '  '])('reads %j as absent', (raw) =>
    expect(parseOptionalText(raw, 'label', 40)).toBeUndefined(),
  );
  it('applies the text rule to the rest', () => {
    expect(parseOptionalText(' work ', 'label', 40)).toBe('work');
    expect(() => parseOptionalText('x'.repeat(41), 'label', 40)).toThrow(
      expect.objectContaining({ code: 'TextTooLong', field: 'label' }),
    );
  });
});

describe('parseOneOf', () => {
  it('accepts a listed value exactly', () =>
    expect(parseOneOf('sms', ['email', 'sms'] as const, 'channel')).toBe('sms'));
  it.each(['SMS', 'fax', undefined])('refuses %j as NotAllowedValue', (raw) =>
    expect(() => parseOneOf(raw, ['email', 'sms'] as const, 'channel')).toThrow(
      expect.objectContaining({ code: 'NotAllowedValue', field: 'channel' }),
    ),
  );
});
