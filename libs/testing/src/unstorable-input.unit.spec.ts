import fc from 'fast-check';
import { unstorableProbes, unstorableText, withUnstorableStrings } from './unstorable-input';

// A NUL is matched on purpose: it is what PostgreSQL refuses.
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const at = (value: unknown, path: string) =>
  path.split('.').reduce<any>((node, key) => node?.[key], value);

describe('unstorable input for fuzzers', () => {
  it('unstorableText always holds a NUL or a lone surrogate', () => {
    fc.assert(fc.property(unstorableText, (text) => UNSTORABLE.test(text)));
  });

  it('withUnstorableStrings names exactly the strings it replaced', () => {
    const valid = { name: 'A', lines: [{ productId: 'p', quantity: 1 }], tags: ['x'] };
    fc.assert(
      fc.property(withUnstorableStrings(valid), ({ body, fields }) => {
        expect(fields.length).toBeGreaterThan(0);
        for (const field of fields) expect(at(body, field)).toMatch(UNSTORABLE);
        for (const field of ['name', 'lines.0.productId', 'tags.0'].filter(
          (f) => !fields.includes(f),
        ))
          expect(at(body, field)).toBe(at(valid, field));
        expect(at(body, 'lines.0.quantity')).toBe(1);
      }),
    );
  });

  it('withUnstorableStrings adds a probe to a body without strings', () => {
    const [{ body, fields }] = fc.sample(withUnstorableStrings({ n: 1 }), 1);
    expect(fields).toEqual(['probe']);
    expect(body).toMatchObject({ n: 1, probe: expect.stringMatching(UNSTORABLE) });
  });

  it('unstorableProbes aims at each path parameter, query parameter and body', () => {
    const probes = unstorableProbes(
      {
        paths: {
          '/things/{id}/parts/{partId}': {
            get: {
              parameters: [
                { name: 'id', in: 'path' },
                { name: 'partId', in: 'path' },
                { name: 'q', in: 'query' },
              ],
            },
            put: {
              parameters: [
                { name: 'id', in: 'path' },
                { name: 'partId', in: 'path' },
              ],
              requestBody: {
                content: { 'application/json': { schema: { $ref: '#/components/schemas/Part' } } },
              },
            },
          },
          '/uploads': { post: { requestBody: { content: { 'text/csv': {} } } } },
        },
        components: { schemas: { Part: { properties: { label: { type: 'string' } } } } },
      },
      '\ud800',
    );
    expect(probes.map((p) => [p.method, p.where, p.url, p.fields])).toEqual([
      ['GET', 'path', '/things/A%00/parts/probe-1', ['id']],
      ['GET', 'path', '/things/probe-1/parts/A%00', ['partId']],
      ['GET', 'query', '/things/probe-1/parts/probe-1?q=A%00', ['q']],
      ['PUT', 'path', '/things/A%00/parts/probe-1', ['id']],
      ['PUT', 'path', '/things/probe-1/parts/A%00', ['partId']],
      ['PUT', 'query', '/things/probe-1/parts/probe-1?probe=A%00', ['probe']],
      ['PUT', 'body', '/things/probe-1/parts/probe-1', ['label', 'labelExtra.list.1']],
      ['POST', 'query', '/uploads?probe=A%00', ['probe']],
      ['POST', 'body', '/uploads', []],
    ]);
    expect(probes[6].body).toEqual({ label: '\ud800', labelExtra: { list: ['ok', '\ud800'] } });
    expect(probes[8]).toMatchObject({ contentType: 'text/csv' });
  });
});
