/**
 * How long an SMS is and how many parts it is sent in (3GPP TS 23.038 and 23.040). A text
 * written only with the GSM 7-bit default alphabet (6.2.1) is sent as septets: 160 per single
 * message, 153 per part of a concatenated one (the user data header takes 7). A character of the
 * extension table (6.2.1.1: `^ { } \ [ ~ ] | €` and form feed) is an escape plus a septet: it
 * counts 2 and is never split across parts. Any other character makes the whole text UCS-2:
 * UTF-16 code units, 70 per single message, 67 per part; a character outside the BMP (an emoji)
 * is a surrogate pair, 2 units, and never split either.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsLength {
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  readonly units: number;
  /** Parts the text is sent in (0 for an empty text). */
  readonly segments: number;
  /** Units a single message may hold in this encoding (160 or 70). */
  readonly singleLimit: number;
  /** Units each part of a concatenated message holds (153 or 67). */
  readonly perSegment: number;
}

/** 3GPP TS 23.038 6.2.1, the GSM 7-bit default alphabet (0x1B, the escape, is not a character). */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** 3GPP TS 23.038 6.2.1.1, the default extension table: each is sent as ESC + one septet. */
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

/** True when every character of `text` is in the GSM 7-bit default alphabet or its extension. */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!BASIC.has(char) && !EXTENSION.has(char)) return false;
  return true;
}

export function smsLength(text: string): SmsLength {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  // `for of` walks code points: a surrogate pair is one character of 2 units.
  const costs: number[] = [];
  for (const char of text)
    costs.push(encoding === 'GSM-7' ? (EXTENSION.has(char) ? 2 : 1) : char.length);
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const { single, part } = LIMITS[encoding];
  return {
    encoding,
    units,
    segments: units === 0 ? 0 : units <= single ? 1 : partsOf(costs, part),
    singleLimit: single,
    perSegment: part,
  };
}

/** Fills parts of `capacity` units in order; a character that does not fit opens the next part. */
function partsOf(costs: readonly number[], capacity: number): number {
  let parts = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > capacity) {
      parts += 1;
      used = 0;
    }
    used += cost;
  }
  return parts;
}
