/**
 * Opaque, signed keyset cursors. A cursor is base64url JSON of the list it was made for (`list`:
 * the route and sort, e.g. `contacts:-created`) and the last row's sort value and id, followed by
 * an HMAC of that text. A client can only send back what this service handed out for the same
 * list and sort: anything else (tampered, made up, made for another sort) is a 400 naming
 * `cursor` before its value reaches SQL, where a foreign value would fail a cast (500).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { validationProblem } from '../errors/validation';

/** Where the previous page ended: its last row's sort value and id (stable under inserts). */
export interface KeysetCursor {
  readonly value: string;
  readonly id: string;
}

export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(list: string, cursor: KeysetCursor): string {
    const body = Buffer.from(JSON.stringify([list, cursor.value, cursor.id])).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** `undefined` for no cursor (the first page); a 400 problem for one this list did not issue. */
  decode(list: string, raw: string | undefined): KeysetCursor | undefined {
    if (raw === undefined) return undefined;
    const [body, mac, ...rest] = raw.split('.');
    if (body && mac && !rest.length && this.verifies(body, mac)) {
      const payload = parseJson(Buffer.from(body, 'base64url').toString('utf8'));
      if (Array.isArray(payload) && payload.length === 3 && payload.every(isString)) {
        const [madeFor, value, id] = payload;
        if (madeFor === list) return { value, id };
        throw invalidCursor('cursor belongs to another list or sort: start again without it');
      }
    }
    throw invalidCursor('cursor is not one this API returned');
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  private verifies(body: string, mac: string): boolean {
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function invalidCursor(message: string) {
  return validationProblem([{ field: 'cursor', message }]);
}
