/**
 * Query strings a front-end or an attacker may send to any list or read: tampered and foreign
 * cursors, impossible calendar dates and instants, numbers out of range. Every read must answer
 * them with a 4xx problem (or ignore them), never a 5xx. Storable text only: NULs and lone
 * surrogates have their own probes (unstorable-input.ts).
 */
import fc from 'fast-check';
import type { OpenApiDocumentLike } from './unstorable-input';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

const TAMPERED_CURSORS = [
  'WyJ4IiwieSJd', // ["x","y"] unsigned: the 500
  base64url('{"sort":"name","after":["a",1]}'),
  base64url('["2026-01-01T00:00:00Z","00000000-0000-0000-0000-000000000000"]') + '.c2ln',
  'eyJhbGciOiJub25lIn0.e30.',
  '%%%',
  '.',
];

const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-04-31',
  '2026-13-01',
  '2025-02-29',
  '0000-00-00',
  '2026-02-30T10:00:00Z',
  '2026-12-01T25:61:00Z',
  '+275760-09-14',
  '1970-01-01T00:00:00+99:00',
];

const NUMBERS = ['-1', '0', '1e309', 'NaN', '9007199254740993', '0x10', ' 5', '1.5'];

/** One value for any query parameter: the cases above, or an arbitrary short string. */
export const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TAMPERED_CURSORS, ...IMPOSSIBLE_DATES, ...NUMBERS),
  fc.string({ maxLength: 40 }).filter((s) => !s.includes('\u0000') && !/[\ud800-\udfff]/.test(s)),
);

/** A GET operation of the document and the names of the query parameters it declares. */
export interface QueryOperation {
  readonly operation: string;
  readonly template: string;
  readonly parameters: readonly string[];
}

export function queryOperations(document: OpenApiDocumentLike): QueryOperation[] {
  return Object.entries(document.paths).flatMap(([template, item]) => {
    const get = item.get as { parameters?: { in?: string; name?: string }[] } | undefined;
    const parameters = (get?.parameters ?? [])
      .filter((p) => p.in === 'query' && p.name)
      .map((p) => p.name!);
    return get && parameters.length ? [{ operation: `GET ${template}`, template, parameters }] : [];
  });
}
