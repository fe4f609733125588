import { InvalidValue } from './invalid-value';

/**
 * A trimmed, non-empty string of at most `max` characters. Blank is "missing" (RequiredText), not
 * "too short": a client that sent `"  "` sent nothing.
 */
export function parseText(raw: unknown, field: string, max = 200): string {
  if (typeof raw !== 'string' || raw.trim().length === 0) {
    throw new InvalidValue('RequiredText', field, `${field} must be a non-empty string`);
  }
  const text = raw.trim();
  if (text.length > max)
    throw new InvalidValue('TextTooLong', field, `${field} must be at most ${max} characters`);
  return text;
}

/** `parseText` for an optional field: absent, null or blank is `undefined`. */
export function parseOptionalText(raw: unknown, field: string, max = 200): string | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === ''))
    return undefined;
  return parseText(raw, field, max);
}

/** One of a closed list of values (an enum of the domain), exactly as listed. */
export function parseOneOf<T extends string>(
  raw: unknown,
  allowed: readonly T[],
  field: string,
): T {
  if (typeof raw !== 'string' || !(allowed as readonly string[]).includes(raw)) {
    throw new InvalidValue(
      'NotAllowedValue',
      field,
      `${field} must be one of: ${allowed.join(', ')}`,
    );
  }
  return raw as T;
}
