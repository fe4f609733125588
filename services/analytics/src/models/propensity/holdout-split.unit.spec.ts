import { fnv1a, holdoutSplit, mulberry32 } from './holdout-split';

describe('holdoutSplit', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `customer-${i}`);

  it('holds out about the fraction asked for', () => {
    const split = holdoutSplit(ids, { seed: 42, holdoutFraction: 0.2 });
    expect(split.train.length + split.holdout.length).toBe(ids.length);
    // Binomial(10000, 0.2): sd 40, so +-200 is five standard deviations.
    expect(Math.abs(split.holdout.length - 2_000)).toBeLessThan(200);
  });

  it('puts an id on the same side whatever the order and company it comes in', () => {
    const all = holdoutSplit(ids, { seed: 7 });
    const held = new Set(all.holdout.map((i) => ids[i]));
    const reversed = [...ids].reverse().slice(0, 500);
    const again = holdoutSplit(reversed, { seed: 7 });
    expect(again.holdout.map((i) => reversed[i]).every((id) => held.has(id))).toBe(true);
    expect(again.train.map((i) => reversed[i]).some((id) => held.has(id))).toBe(false);
  });

  it('changes with the seed', () => {
    const a = holdoutSplit(ids, { seed: 1 }).holdout;
    const b = holdoutSplit(ids, { seed: 2 }).holdout;
    expect(a).not.toEqual(b);
  });
});

describe('the hash and PRNG it is built on', () => {
  it('FNV-1a gives the published test vectors', () => {
    // Fowler/Noll/Vo test vectors (http://www.isthe.com/chongo/tech/comp/fnv/): FNV-1a 32-bit of
    // "" is 0x811c9dc5, of "a" 0xe40c292c, of "foobar" 0xbf9cf968.
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('mulberry32 is deterministic, in [0, 1), and roughly uniform', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const draws = Array.from({ length: 20_000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(draws.every((u) => u >= 0 && u < 1)).toBe(true);
    const mean = draws.reduce((s, u) => s + u, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });
});
