/**
 * SMS length and parts against 3GPP TS 23.038 (V17.0.0), 6.2.1 "GSM 7 bit Default Alphabet"
 * (128 positions, 0x1B being the escape to the extension table) and 6.2.1.1 "GSM 7 bit default
 * alphabet extension table" (0x0A FF, 0x14 ^, 0x28 {, 0x29 }, 0x2F \, 0x3C [, 0x3D ~, 0x3E ],
 * 0x40 |, 0x65 €), and the concatenation limits of TS 23.040 (160/153 septets, 70/67 UCS-2 units).
 */
import { isGsm7, smsLength } from './sms-encoding';

/** The default alphabet by position, rows 0x00-0x7F as the table prints them (0x1B = ESC). */
const TS_23_038_DEFAULT_ALPHABET: Record<number, string> = {
  0x00: '@',
  0x01: '£',
  0x02: '$',
  0x03: '¥',
  0x04: 'è',
  0x05: 'é',
  0x06: 'ù',
  0x07: 'ì',
  0x08: 'ò',
  0x09: 'Ç',
  0x0a: '\n',
  0x0b: 'Ø',
  0x0c: 'ø',
  0x0d: '\r',
  0x0e: 'Å',
  0x0f: 'å',
  0x10: 'Δ',
  0x11: '_',
  0x12: 'Φ',
  0x13: 'Γ',
  0x14: 'Λ',
  0x15: 'Ω',
  0x16: 'Π',
  0x17: 'Ψ',
  0x18: 'Σ',
  0x19: 'Θ',
  0x1a: 'Ξ',
  0x1c: 'Æ',
  0x1d: 'æ',
  0x1e: 'ß',
  0x1f: 'É',
  0x24: '¤',
  0x40: '¡',
  0x5b: 'Ä',
  0x5c: 'Ö',
  0x5d: 'Ñ',
  0x5e: 'Ü',
  0x5f: '§',
  0x60: '¿',
  0x7b: 'ä',
  0x7c: 'ö',
  0x7d: 'ñ',
  0x7e: 'ü',
  0x7f: 'à',
};
// Positions 0x20-0x7E not listed above are ASCII at the same code.
for (let code = 0x20; code <= 0x7f; code++)
  if (!(code in TS_23_038_DEFAULT_ALPHABET))
    TS_23_038_DEFAULT_ALPHABET[code] = String.fromCharCode(code);

const EXTENSION_TABLE = ['\f', '^', '{', '}', '\\', '[', '~', ']', '|', '€'];

describe('SMS length (3GPP TS 23.038)', () => {
  it('takes every character of the default alphabet as one septet, and ASCII outside it as UCS-2', () => {
    const alphabet = Object.values(TS_23_038_DEFAULT_ALPHABET);
    expect(alphabet).toHaveLength(127);
    for (const char of alphabet)
      expect(smsLength(char)).toMatchObject({ encoding: 'GSM-7', units: 1 });
    // ASCII but not in the default alphabet: 0x60 is ¿ there, the backtick has no position.
    expect(isGsm7('`')).toBe(false);
    expect(smsLength('`')).toMatchObject({ encoding: 'UCS-2', units: 1 });
  });

  it('counts the extension table characters as 2 septets', () => {
    for (const char of EXTENSION_TABLE)
      expect(smsLength(char)).toMatchObject({ encoding: 'GSM-7', units: 2, segments: 1 });
    expect(smsLength('Price: 5€ [now]').units).toBe(18);
  });

  it('sends 160 septets as one message and 161 as two parts of 153', () => {
    expect(smsLength('a'.repeat(160))).toMatchObject({ units: 160, segments: 1 });
    expect(smsLength('a'.repeat(161))).toMatchObject({ units: 161, segments: 2 });
    expect(smsLength('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsLength('a'.repeat(307))).toMatchObject({ segments: 3 });
    expect(smsLength('')).toMatchObject({ encoding: 'GSM-7', units: 0, segments: 0 });
  });

  it('never splits an escape sequence: an extension character that does not fit opens the next part', () => {
    // 152 septets then '€' (2): 154 > 153, so the euro starts part 2; 161 septets in all.
    expect(smsLength(`${'a'.repeat(152)}€${'a'.repeat(7)}`)).toMatchObject({
      units: 161,
      segments: 2,
    });
    // 152 + 2 + 152 = 306 septets would fit two parts of 153 if the pair could be split; it cannot.
    expect(smsLength(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toMatchObject({
      units: 306,
      segments: 3,
    });
  });

  it('switches the whole text to UCS-2 for one character outside GSM-7: 70 units, then parts of 67', () => {
    expect(smsLength(`${'a'.repeat(69)}ł`)).toMatchObject({
      encoding: 'UCS-2',
      units: 70,
      segments: 1,
    });
    expect(smsLength(`${'a'.repeat(70)}ł`)).toMatchObject({ units: 71, segments: 2 });
    expect(smsLength('Привет'.repeat(23))).toMatchObject({ units: 138, segments: 3 });
  });

  it('counts a surrogate pair as 2 UCS-2 units and never splits it', () => {
    expect(smsLength('😀')).toMatchObject({ encoding: 'UCS-2', units: 2, segments: 1 });
    expect(smsLength('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
    // 66 units then an emoji (2): 68 > 67, so the pair opens part 2.
    expect(smsLength(`${'ł'.repeat(66)}😀${'ł'.repeat(5)}`)).toMatchObject({
      units: 73,
      segments: 2,
    });
    expect(smsLength(`${'ł'.repeat(66)}😀${'ł'.repeat(66)}`)).toMatchObject({
      units: 134,
      segments: 3,
    });
  });
});
