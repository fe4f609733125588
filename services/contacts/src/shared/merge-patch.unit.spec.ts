import { applyMergePatch } from './merge-patch';

describe('applyMergePatch (RFC 7396)', () => {
  const target = { given: 'Ada', family: 'Lovelace', tz: { zone: 'Europe/London', dst: true } };

  it('leaves absent (and undefined) members as they are, and merges nested objects', () =>
    expect(
      applyMergePatch(target, { given: 'Augusta', family: undefined, tz: { dst: false } }),
    ).toEqual({
      given: 'Augusta',
      family: 'Lovelace',
      tz: { zone: 'Europe/London', dst: false },
    }));

  it('removes a member patched with null, and replaces arrays and scalars whole', () => {
    expect(applyMergePatch({ ...target, tags: ['a', 'b'] }, { family: null, tags: ['c'] })).toEqual(
      {
        given: 'Ada',
        tz: { zone: 'Europe/London', dst: true },
        tags: ['c'],
      },
    );
    expect(applyMergePatch(target, null)).toBeNull();
    expect(applyMergePatch(undefined, { given: 'Ada', family: null })).toEqual({ given: 'Ada' });
  });

  it('does not change the target', () => {
    const copy = structuredClone(target);
    applyMergePatch(target, { tz: { zone: null } });
    expect(target).toEqual(copy);
  });
});
