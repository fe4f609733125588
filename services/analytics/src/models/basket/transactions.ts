/**
 * Baskets as the miners see them: every distinct item id gets a small integer code once, so the
 * FP-tree and the rule derivation work on integers and typed arrays instead of strings, and the
 * item frequencies (the first pass of every frequent-pattern algorithm) come out of the same pass.
 */

/** One transaction: the ids of the items (products, families) bought together. */
export type Basket = readonly string[];

export interface EncodedBaskets {
  /** Number of baskets, empty ones included (they count in every support's denominator, as in arules). */
  readonly size: number;
  /** Item id per code, codes in order of first appearance. */
  readonly labels: readonly string[];
  /** Number of baskets holding each code. */
  readonly counts: Int32Array;
  /** Each basket's distinct codes (an item listed twice in a basket counts once). */
  readonly baskets: readonly Int32Array[];
}

export function encodeBaskets(baskets: readonly Basket[]): EncodedBaskets {
  const codeOf = new Map<string, number>();
  const labels: string[] = [];
  let counts = new Int32Array(64);
  const encoded: Int32Array[] = [];
  // The basket a code was last seen in: drops repeated items without a per-basket Set.
  let lastSeen = new Int32Array(64).fill(-1);
  for (let b = 0; b < baskets.length; b++) {
    const basket = baskets[b];
    const codes = new Int32Array(basket.length);
    let length = 0;
    for (const item of basket) {
      let code = codeOf.get(item);
      if (code === undefined) {
        code = labels.length;
        codeOf.set(item, code);
        labels.push(item);
        if (code >= counts.length) {
          counts = grow(counts, 0);
          lastSeen = grow(lastSeen, -1);
        }
      }
      if (lastSeen[code] === b) continue;
      lastSeen[code] = b;
      counts[code]++;
      codes[length++] = code;
    }
    encoded.push(length === codes.length ? codes : codes.slice(0, length));
  }
  return { size: baskets.length, labels, counts: counts.slice(0, labels.length), baskets: encoded };
}

function grow(array: Int32Array<ArrayBuffer>, fill: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2).fill(fill);
  bigger.set(array);
  return bigger;
}

export interface ItemFrequency {
  readonly item: string;
  /** Baskets holding the item. */
  readonly count: number;
  /** count / baskets. */
  readonly support: number;
}

/**
 * How often each item is bought (arules' itemFrequency, absolute and relative), most frequent
 * first; ties by item id (code-point order), so the order never depends on the baskets' order.
 */
export function itemFrequencies(baskets: readonly Basket[]): ItemFrequency[] {
  return frequenciesOf(encodeBaskets(baskets));
}

export function frequenciesOf(encoded: EncodedBaskets): ItemFrequency[] {
  return encoded.labels
    .map((item, code) => ({
      item,
      count: encoded.counts[code],
      support: encoded.counts[code] / encoded.size,
    }))
    .sort((a, b) => b.count - a.count || compareIds(a.item, b.item));
}

/** Code-point order: the same on every machine and locale (localeCompare is not). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
