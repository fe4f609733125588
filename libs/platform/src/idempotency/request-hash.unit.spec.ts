import { canonicalJson, requestHash } from './request-hash';

describe('requestHash', () => {
  it('ignores key order and undefined members', () => {
    expect(requestHash('POST', '/a', { x: 1, y: { b: 2, a: [1, { d: 1, c: 2 }] } })).toBe(
      requestHash('post', '/a', { y: { a: [1, { c: 2, d: 1 }], b: 2 }, x: 1, z: undefined }),
    );
  });

  it('differs by body, path and method', () => {
    const base = requestHash('POST', '/a', { x: 1 });
    expect(requestHash('POST', '/a', { x: 2 })).not.toBe(base);
    expect(requestHash('POST', '/b', { x: 1 })).not.toBe(base);
    expect(requestHash('PUT', '/a', { x: 1 })).not.toBe(base);
  });

  it('distinguishes values that stringify alike', () => {
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson([null])).toBe('[null]');
  });
});
