import { ProblemException } from '@crm/platform';

/** Opaque keyset cursor: the last row's sort value and id, so pages are stable under inserts. */
export interface Cursor {
  readonly value: string;
  readonly id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const [value, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown[];
    if (typeof value === 'string' && typeof id === 'string') return { value, id };
  } catch {
    // fall through to the problem below
  }
  throw ProblemException.of(400, 'InvalidCursor', 'cursor is not one this API returned', {
    field: 'cursor',
  });
}
