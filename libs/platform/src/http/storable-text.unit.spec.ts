import {
  findUnstorableText,
  MAX_UNSTORABLE_FIELDS,
  printableText,
  unstorableReason,
} from './storable-text';

describe('unstorableReason', () => {
  it.each([
    ['NUL', 'A\u0000'],
    ['a lone high surrogate', '\ud800x'],
    ['a lone high surrogate at the end', 'x\ud83d'],
    ['a lone low surrogate', '\udc00'],
    ['a low surrogate before its high one', '\ude00\ud83d'],
  ])('refuses %s', (_, text) => {
    expect(unstorableReason(text)).toEqual(expect.any(String));
  });

  it.each([
    ['plain text', 'Ada Lovelace'],
    ['a surrogate pair (emoji)', 'hi 😀'],
    ['astral letters', '𝔘𝔫𝔦'],
    ['other control characters', '\u0001\t\n\u007f'],
    ['the empty string', ''],
  ])('stores %s', (_, text) => {
    expect(unstorableReason(text)).toBeUndefined();
  });

  it('names the NUL character and the surrogate apart', () => {
    expect(unstorableReason('\u0000')).toMatch(/NUL/);
    expect(unstorableReason('\ud800')).toMatch(/surrogate/);
  });
});

describe('findUnstorableText', () => {
  it('accepts a clean value', () => {
    expect(
      findUnstorableText({ name: { given: 'Ada 😀' }, tags: ['a', 'b'], n: 1, ok: true, x: null }),
    ).toEqual([]);
  });

  it('names nested fields and array elements with dotted paths', () => {
    const errors = findUnstorableText({
      name: { given: 'A\u0000' },
      lines: [{ productId: 'p' }, { productId: '\ud800x' }],
    });
    expect(errors.map((e) => e.field).sort()).toEqual(['lines.1.productId', 'name.given']);
    expect(errors.find((e) => e.field === 'name.given')?.message).toBe(
      'name.given must not contain the NUL character (U+0000)',
    );
  });

  it('finds bad strings at any depth', () => {
    let deep: unknown = '\udc00';
    for (let i = 0; i < 50_000; i++) deep = i % 2 ? [deep] : { a: deep };
    const [error] = findUnstorableText(deep);
    expect(error.field.split('.')).toHaveLength(50_000);
    expect(error.message).toMatch(/surrogate/);
  });

  it('checks property names and names them printably', () => {
    const errors = findUnstorableText({ customFields: { 'a\u0000b': 'fine' } });
    expect(errors).toEqual([
      {
        field: 'customFields.a\uFFFDb',
        message: 'the name of customFields.a\uFFFDb must not contain the NUL character (U+0000)',
      },
    ]);
    expect(unstorableReason(errors[0].field)).toBeUndefined();
  });

  it('checks top-level arrays and strings', () => {
    expect(findUnstorableText(['ok', ['\u0000']]).map((e) => e.field)).toEqual(['1.0']);
    expect(findUnstorableText('\u0000')).toEqual([
      { field: 'body', message: 'body must not contain the NUL character (U+0000)' },
    ]);
  });

  it('labels where the value came from', () => {
    expect(findUnstorableText({ q: 'x\u0000' }, 'query parameter ')).toEqual([
      { field: 'q', message: 'query parameter q must not contain the NUL character (U+0000)' },
    ]);
  });

  it('walks dictionaries such as Fastify params and query', () => {
    const params = Object.assign(Object.create(Object.create(null)) as object, { id: 'a\u0000' });
    expect(findUnstorableText(params).map((e) => e.field)).toEqual(['id']);
  });

  it('leaves non-JSON objects (streams, buffers) alone', () => {
    expect(findUnstorableText(Buffer.from([0, 0xed, 0xa0, 0x80]))).toEqual([]);
    expect(findUnstorableText(undefined)).toEqual([]);
  });

  it('reports a bounded number of fields', () => {
    const body = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, '\u0000']));
    expect(findUnstorableText(body)).toHaveLength(MAX_UNSTORABLE_FIELDS);
  });

  it('printableText replaces only what PostgreSQL refuses', () => {
    expect(printableText('a\u0000b\ud800c😀')).toBe('a\uFFFDb\uFFFDc😀');
  });
});
