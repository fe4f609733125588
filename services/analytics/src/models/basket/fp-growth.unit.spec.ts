import {
  frequentItemsets,
  minimumCount,
  type FrequentItemset,
  type MinedItemsets,
} from './fp-growth';
import { encodeBaskets, itemFrequencies } from './transactions';

function mined(result: ReturnType<typeof frequentItemsets>): MinedItemsets {
  if (result.status !== 'mined')
    throw new Error(`expected itemsets, got ${JSON.stringify(result)}`);
  return result;
}

const asText = (itemsets: readonly FrequentItemset[]) =>
  itemsets.map((s) => `${s.items.join('')}:${s.count}`).sort();

/**
 * Han, Pei & Yin, "Mining Frequent Patterns without Candidate Generation", SIGMOD 2000: the running
 * example (Table 1, transactions 100-500, minimum support 3 of 5) and the frequent patterns mined
 * from its conditional pattern bases (section 3, Table 2): f:4, c:4, a:3, b:3, m:3, p:3; for p:
 * cp:3; for m: am, cm, fm, cam, fam, fcm, fcam (all :3); for a: ca, fa, fca (:3); for c: fc:3.
 */
describe('frequentItemsets on the FP-growth paper example', () => {
  const baskets = [
    ['f', 'a', 'c', 'd', 'g', 'i', 'm', 'p'],
    ['a', 'b', 'c', 'f', 'l', 'm', 'o'],
    ['b', 'f', 'h', 'j', 'o'],
    ['b', 'c', 'k', 's', 'p'],
    ['a', 'f', 'c', 'e', 'l', 'p', 'm', 'n'],
  ];
  const found = mined(frequentItemsets(baskets, { minSupport: 3 / 5 }));

  it('finds exactly the 18 frequent patterns of the paper', () => {
    const sorted = (word: string) => [...word].sort().join('');
    const expected = [
      'f:4',
      'c:4',
      'a:3',
      'b:3',
      'm:3',
      'p:3',
      'cp:3',
      'am:3',
      'cm:3',
      'fm:3',
      'cam:3',
      'fam:3',
      'fcm:3',
      'fcam:3',
      'ca:3',
      'fa:3',
      'fca:3',
      'fc:3',
    ].map((text) => {
      const [items, count] = text.split(':');
      return `${sorted(items)}:${count}`;
    });
    expect(asText(found.itemsets)).toEqual(expected.sort());
    expect(found.minCount).toBe(3);
    expect(found.frequentItems).toBe(6);
  });

  it('lists the most frequent first, then the shorter, then by the items', () => {
    expect(found.itemsets.slice(0, 3).map((s) => s.items.join(''))).toEqual(['c', 'f', 'a']);
    expect(found.itemsets[0].support).toBe(0.8);
  });

  it('stops at maxLength and filters by minLength without changing the counts', () => {
    const short = mined(frequentItemsets(baskets, { minSupport: 0.6, maxLength: 2 }));
    expect(short.itemsets.every((s) => s.items.length <= 2)).toBe(true);
    expect(short.itemsets).toHaveLength(6 + 7);
    const long = mined(frequentItemsets(baskets, { minSupport: 0.6, minLength: 3 }));
    expect(asText(long.itemsets)).toEqual(['acf:3', 'acfm:3', 'acm:3', 'afm:3', 'cfm:3']);
  });
});

/** A deterministic pseudo-random generator (mulberry32), so the cross-check is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every itemset of the baskets with its count, by enumerating each basket's subsets. */
function bruteForce(baskets: readonly string[][], minCount: number, maxLength: number): string[] {
  const counts = new Map<string, number>();
  for (const basket of baskets) {
    const items = [...new Set(basket)].sort();
    for (let mask = 1; mask < 1 << items.length; mask++) {
      const subset = items.filter((_, i) => mask & (1 << i));
      if (subset.length > maxLength) continue;
      const key = subset.join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts]
    .filter(([, c]) => c >= minCount)
    .map(([key, c]) => `${key}:${c}`)
    .sort();
}

describe('frequentItemsets against brute-force counting', () => {
  it('agrees on 30 random skewed data sets, supports and maximum lengths', () => {
    const next = random(20001);
    const alphabet = 'abcdefghijkl';
    for (let round = 0; round < 30; round++) {
      const baskets = Array.from({ length: 20 + Math.floor(next() * 80) }, () =>
        // Skewed: early letters are much more frequent, so long itemsets occur.
        Array.from(
          { length: Math.floor(next() * 8) },
          () => alphabet[Math.floor(next() ** 2 * alphabet.length)],
        ),
      );
      const minSupport = 0.02 + next() * 0.2;
      const maxLength = 1 + Math.floor(next() * 6);
      const found = mined(frequentItemsets(baskets, { minSupport, maxLength }));
      const minCount = minimumCount(minSupport, baskets.length);
      expect(asText(found.itemsets)).toEqual(bruteForce(baskets, minCount, maxLength));
    }
  });

  it('gives the same itemsets whatever the order of the baskets and of their items', () => {
    const next = random(7);
    const baskets = Array.from({ length: 200 }, () =>
      Array.from({ length: Math.floor(next() * 6) }, () => 'abcdefgh'[Math.floor(next() ** 2 * 8)]),
    );
    const shuffled = [...baskets].reverse().map((basket) => [...basket].reverse());
    expect(frequentItemsets(shuffled, { minSupport: 0.03 })).toEqual(
      frequentItemsets(baskets, { minSupport: 0.03 }),
    );
  });
});

describe('frequentItemsets on ordinary and degenerate input', () => {
  it('counts an item listed twice in a basket once, and empty baskets in the denominator', () => {
    const found = mined(frequentItemsets([['a', 'a', 'b'], ['a'], []], { minSupport: 0.5 }));
    expect(found.baskets).toBe(3);
    expect(found.itemsets).toEqual([{ items: ['a'], count: 2, support: 2 / 3 }]);
  });

  it('says cannot-mine, with a reason, when there are no baskets', () => {
    expect(frequentItemsets([], { minSupport: 0.1 })).toEqual({
      status: 'cannot-mine',
      reason: 'no-baskets',
      message: 'there are no baskets to mine',
      baskets: 0,
    });
  });

  it('mines nothing (not an error) when nothing is frequent', () => {
    const found = mined(frequentItemsets([['a'], ['b'], ['c']], { minSupport: 0.5 }));
    expect(found.itemsets).toEqual([]);
    expect(found.frequentItems).toBe(0);
  });

  it.each([
    [{ minSupport: 0 }],
    [{ minSupport: 1.5 }],
    [{ minSupport: NaN }],
    [{ minSupport: 0.1, maxLength: 0 }],
    [{ minSupport: 0.1, minLength: 0 }],
    [{ minSupport: 0.1, minLength: 3, maxLength: 2 }],
    [{ minSupport: 0.1, maxItemsets: 0 }],
  ])('refuses invalid parameters %j with a typed answer, not a throw', (options) => {
    const result = frequentItemsets([['a', 'b']], options);
    expect(result).toMatchObject({
      status: 'cannot-mine',
      reason: 'invalid-parameters',
      baskets: 1,
    });
  });

  it('takes a maxLength far beyond any basket without allocating for it', () => {
    const found = mined(
      frequentItemsets(
        [
          ['a', 'b'],
          ['a', 'b'],
        ],
        { minSupport: 1, maxLength: 1e9 },
      ),
    );
    expect(asText(found.itemsets)).toEqual(['a:2', 'ab:2', 'b:2']);
  });

  it('stops with too-many-itemsets instead of exhausting memory', () => {
    // One basket of 20 items holds 2^20 - 1 itemsets at any support.
    const basket = Array.from({ length: 20 }, (_, i) => `item${i}`);
    const result = frequentItemsets([basket], {
      minSupport: 1,
      maxItemsets: 10_000,
      maxLength: 20,
    });
    expect(result).toMatchObject({
      status: 'cannot-mine',
      reason: 'too-many-itemsets',
      baskets: 1,
    });
  });
});

describe('minimumCount', () => {
  it('is the smallest count whose relative support reaches the threshold', () => {
    expect(minimumCount(0.001, 9835)).toBe(10); // 9.835
    expect(minimumCount(0.006, 9835)).toBe(60); // 59.01
    // 0.006 * 10000 = 60.00000000000001 in floating point, yet 60 / 10000 is exactly 0.006.
    expect(minimumCount(0.006, 10_000)).toBe(60);
    expect(minimumCount(0.25, 8)).toBe(2);
    expect(minimumCount(1e-9, 10)).toBe(1);
    expect(minimumCount(1, 7)).toBe(7);
  });
});

describe('encodeBaskets and itemFrequencies', () => {
  it('codes items in order of first appearance and drops repeats within a basket', () => {
    const encoded = encodeBaskets([
      ['b', 'a', 'b'],
      ['a', 'c'],
    ]);
    expect(encoded.labels).toEqual(['b', 'a', 'c']);
    expect([...encoded.counts]).toEqual([1, 2, 1]);
    expect(encoded.baskets.map((b) => [...b])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('grows past its initial capacity', () => {
    const items = Array.from({ length: 1000 }, (_, i) => `p${i}`);
    const encoded = encodeBaskets([items, items.slice(0, 10)]);
    expect(encoded.labels).toHaveLength(1000);
    expect(encoded.counts[5]).toBe(2);
    expect(encoded.counts[999]).toBe(1);
  });

  it('ranks by count, ties by id in code-point order', () => {
    expect(
      itemFrequencies([
        ['b', 'a'],
        ['c', 'B'],
      ]).map((f) => f.item),
    ).toEqual(['B', 'a', 'b', 'c']);
  });
});
