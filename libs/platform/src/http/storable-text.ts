/**
 * Strings PostgreSQL refuses to store: the NUL character (text and jsonb reject it, 22021 /
 * 22P05) and unpaired UTF-16 surrogates (no UTF-8 form: json rejects the `\ud800` escape, text
 * would silently get U+FFFD). Found here, at the edge, they are a 400 naming the field; let
 * through, an encrypted event appends fine and then stalls every projection that reads it.
 */
import type { FieldError } from '../errors/problem';

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
/** An answer names at most this many fields: enough to fix the input, bounded for huge bodies. */
export const MAX_UNSTORABLE_FIELDS = 20;

/** Why PostgreSQL would refuse `text`, or undefined when it stores it as sent. */
export function unstorableReason(text: string): string | undefined {
  if (text.includes(NUL)) return 'must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return undefined;
}

/** The text with every unstorable character replaced by U+FFFD: safe to echo in a field path. */
export function printableText(text: string): string {
  return text.replaceAll(NUL, '\uFFFD').replace(LONE_SURROGATES, '\uFFFD');
}

/**
 * Every string and property name in a parsed JSON value that PostgreSQL would refuse, as
 * `{ field, message }` with dotted paths (`lines.0.productId`); `label` says where the value came
 * from in messages (`query parameter `). Iterative, so a deeply nested body cannot overflow the
 * stack. Non-JSON objects (streams, buffers) are not looked into.
 */
export function findUnstorableText(value: unknown, label = ''): FieldError[] {
  const errors: FieldError[] = [];
  const pending: { value: unknown; path: string }[] = [{ value, path: '' }];
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
  while (pending.length && errors.length < MAX_UNSTORABLE_FIELDS) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const reason = unstorableReason(current);
      const field = path || 'body';
      if (reason) errors.push({ field, message: `${label}${field} ${reason}` });
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--)
        pending.push({ value: current[i], path: join(path, String(i)) });
    } else if (isPlainObject(current)) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const field = join(path, printableText(key));
        const reason = unstorableReason(key);
        if (reason) errors.push({ field, message: `the name of ${label}${field} ${reason}` });
        else pending.push({ value: child, path: field });
      }
    }
  }
  return errors.slice(0, MAX_UNSTORABLE_FIELDS);
}

/**
 * A parsed JSON object or a dictionary (Fastify's params and query inherit from a bare
 * null-prototype object); not a class instance such as a Buffer or a stream.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (
    prototype === Object.prototype ||
    prototype === null ||
    Object.getPrototypeOf(prototype) === null
  );
}
