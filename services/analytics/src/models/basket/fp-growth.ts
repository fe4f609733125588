/**
 * Frequent itemsets by FP-growth (Han, Pei & Yin, "Mining Frequent Patterns without Candidate
 * Generation", SIGMOD 2000): the baskets are compressed once into a prefix tree of their frequent
 * items (most frequent first), and each item's itemsets are grown from the tree built on the paths
 * that lead to it (its conditional pattern base), so no candidate itemset is ever counted against
 * the baskets. This is what keeps support 0.001 on 10k baskets fast; Apriori (what arules calls)
 * finds the same itemsets with one pass over the data per itemset size.
 *
 * The tree lives in flat number arrays (item, count, parent, first child, next sibling, next node
 * of the same item) so growing it allocates no objects per node.
 */
import { compareIds, encodeBaskets, EncodedBaskets, type Basket } from './transactions';

export interface FrequentItemsetOptions {
  /** Smallest fraction of baskets an itemset must appear in, in (0, 1]. */
  readonly minSupport: number;
  /** Most items per itemset (arules' maxlen; default 10 as there). */
  readonly maxLength?: number;
  /** Fewest items per itemset in the answer (arules' minlen; default 1). Does not change the mining. */
  readonly minLength?: number;
  /**
   * Stop with `too-many-itemsets` beyond this many itemsets (default 2,000,000): a support set
   * too low for the data explodes combinatorially, and a service should say so, not run out of memory.
   */
  readonly maxItemsets?: number;
}

export interface FrequentItemset {
  /** Item ids in code-point order. */
  readonly items: string[];
  /** Baskets holding every item. */
  readonly count: number;
  readonly support: number;
}

export type CannotMineReason = 'no-baskets' | 'invalid-parameters' | 'too-many-itemsets';

/** Mining did not run or did not finish; `message` says why in words. */
export interface CannotMine {
  readonly status: 'cannot-mine';
  readonly reason: CannotMineReason;
  readonly message: string;
  readonly baskets: number;
}

export interface MinedItemsets {
  readonly status: 'mined';
  readonly algorithm: 'fp-growth';
  readonly parameters: {
    readonly minSupport: number;
    readonly minLength: number;
    readonly maxLength: number;
  };
  readonly baskets: number;
  readonly distinctItems: number;
  /** The absolute support threshold: the fewest baskets an itemset was required to appear in. */
  readonly minCount: number;
  /** Items that are frequent on their own (what arules reports as "sorting and recoding items"). */
  readonly frequentItems: number;
  /** Most frequent first; ties by fewer items, then by the items' ids. */
  readonly itemsets: FrequentItemset[];
}

export const DEFAULT_MAX_LENGTH = 10;
export const DEFAULT_MAX_ITEMSETS = 2_000_000;

export function frequentItemsets(
  baskets: readonly Basket[],
  options: FrequentItemsetOptions,
): MinedItemsets | CannotMine {
  const encoded = encodeBaskets(baskets);
  const minLength = options.minLength ?? 1;
  const problem = checkLengths(minLength, options.maxLength);
  if (problem) return cannotMine('invalid-parameters', problem, encoded.size);
  const table = mineItemsetTable(encoded, options);
  if (table.status === 'cannot-mine') return table;

  const itemsets: FrequentItemset[] = [];
  for (let s = 0; s < table.itemsetCount; s++) {
    const length = table.lengthOf(s);
    if (length < minLength) continue;
    const items = table.labelsOf(s).sort(compareIds);
    const count = table.counts[s];
    itemsets.push({ items, count, support: count / encoded.size });
  }
  itemsets.sort(
    (a, b) =>
      b.count - a.count || a.items.length - b.items.length || compareIdLists(a.items, b.items),
  );
  return {
    status: 'mined',
    algorithm: 'fp-growth',
    parameters: { minSupport: options.minSupport, minLength, maxLength: table.maxLength },
    baskets: encoded.size,
    distinctItems: encoded.labels.length,
    minCount: table.minCount,
    frequentItems: table.frequentItems,
    itemsets,
  };
}

export function compareIdLists(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const order = compareIds(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

export function cannotMine(reason: CannotMineReason, message: string, baskets: number): CannotMine {
  return { status: 'cannot-mine', reason, message, baskets };
}

export function checkLengths(minLength: number, maxLength: number | undefined): string | undefined {
  if (!Number.isInteger(minLength) || minLength < 1) return 'minLength must be an integer >= 1';
  if (maxLength !== undefined && (!Number.isInteger(maxLength) || maxLength < minLength)) {
    return 'maxLength must be an integer >= minLength';
  }
  return undefined;
}

/**
 * The smallest basket count c with c / baskets >= minSupport, compared as arules compares
 * (relative support): 0.006 of 9835 baskets is 59.01, so 60. Division is exactly rounded, so
 * c / n equals minSupport whenever the ratio is exactly that decimal (0.006 of 10000 is 60, not 61
 * as ceil(0.006 * 10000 = 60.00000000000001) would say).
 */
export function minimumCount(minSupport: number, baskets: number): number {
  let count = Math.max(1, Math.ceil(minSupport * baskets));
  while (count > 1 && (count - 1) / baskets >= minSupport) count--;
  while (count / baskets < minSupport) count++;
  return count;
}

/**
 * Every frequent itemset with its count, in a compact form for rule derivation: items as ranks
 * (0 = the most frequent item), each itemset's ranks in descending order, and a lookup from an
 * itemset's ranks to its count (every subset of a frequent itemset is frequent, so a rule's
 * antecedent is always found).
 */
export class ItemsetTable {
  /** Tells it apart from CannotMine in mineItemsetTable's answer. */
  readonly status = 'mined';
  /** Ranks of all itemsets, one after another. */
  private readonly flat: number[] = [];
  private readonly starts: number[] = [0];
  readonly counts: number[] = [];
  private index: Map<string, number> | undefined;

  constructor(
    readonly encoded: EncodedBaskets,
    readonly minCount: number,
    readonly maxLength: number,
    /** Item code per rank. */
    readonly codeOfRank: Int32Array,
  ) {}

  get frequentItems(): number {
    return this.codeOfRank.length;
  }

  get itemsetCount(): number {
    return this.counts.length;
  }

  add(ranks: ArrayLike<number>, length: number, count: number): void {
    for (let i = 0; i < length; i++) this.flat.push(ranks[i]);
    this.starts.push(this.flat.length);
    this.counts.push(count);
  }

  lengthOf(itemset: number): number {
    return this.starts[itemset + 1] - this.starts[itemset];
  }

  /** The itemset's ranks, descending. */
  ranksOf(itemset: number): number[] {
    return this.flat.slice(this.starts[itemset], this.starts[itemset + 1]);
  }

  labelsOf(itemset: number): string[] {
    return this.ranksOf(itemset).map((rank) => this.labelOfRank(rank));
  }

  labelOfRank(rank: number): string {
    return this.encoded.labels[this.codeOfRank[rank]];
  }

  /** Baskets holding the item of this rank. */
  countOfRank(rank: number): number {
    return this.encoded.counts[this.codeOfRank[rank]];
  }

  /** Count of the itemset whose ranks (descending) are given; undefined when it is not frequent. */
  countOf(ranks: readonly number[]): number | undefined {
    if (!this.index) {
      this.index = new Map();
      for (let s = 0; s < this.counts.length; s++) this.index.set(this.keyAt(s), s);
    }
    const found = this.index.get(keyOf(ranks, 0, ranks.length));
    return found === undefined ? undefined : this.counts[found];
  }

  private keyAt(itemset: number): string {
    return keyOf(this.flat, this.starts[itemset], this.starts[itemset + 1]);
  }
}

function keyOf(ranks: ArrayLike<number>, from: number, to: number): string {
  let key = '';
  // Ranks as UTF-16 code units (two per rank keeps any catalogue size exact).
  for (let i = from; i < to; i++) key += String.fromCharCode(ranks[i] >>> 16, ranks[i] & 0xffff);
  return key;
}

/** Mines every frequent itemset of up to maxLength items. */
export function mineItemsetTable(
  encoded: EncodedBaskets,
  options: Pick<FrequentItemsetOptions, 'minSupport' | 'maxLength' | 'maxItemsets'>,
): ItemsetTable | CannotMine {
  const { minSupport } = options;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const maxItemsets = options.maxItemsets ?? DEFAULT_MAX_ITEMSETS;
  if (!(minSupport > 0 && minSupport <= 1)) {
    return cannotMine('invalid-parameters', 'minSupport must be in (0, 1]', encoded.size);
  }
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    return cannotMine('invalid-parameters', 'maxLength must be an integer >= 1', encoded.size);
  }
  if (!Number.isInteger(maxItemsets) || maxItemsets < 1) {
    return cannotMine('invalid-parameters', 'maxItemsets must be an integer >= 1', encoded.size);
  }
  if (encoded.size === 0) return cannotMine('no-baskets', 'there are no baskets to mine', 0);

  const minCount = minimumCount(minSupport, encoded.size);
  // Ranks: frequent items by descending count (ties by code), the FP-tree's item order.
  const frequentCodes: number[] = [];
  for (let code = 0; code < encoded.labels.length; code++) {
    if (encoded.counts[code] >= minCount) frequentCodes.push(code);
  }
  frequentCodes.sort((a, b) => encoded.counts[b] - encoded.counts[a] || a - b);
  const codeOfRank = Int32Array.from(frequentCodes);
  const rankOfCode = new Int32Array(encoded.labels.length).fill(-1);
  codeOfRank.forEach((code, rank) => (rankOfCode[code] = rank));

  const width = codeOfRank.length;
  const table = new ItemsetTable(encoded, minCount, maxLength, codeOfRank);
  if (width === 0) return table;

  const tree = new FpTree(width);
  const path = new Int32Array(width);
  for (const basket of encoded.baskets) {
    let length = 0;
    for (let i = 0; i < basket.length; i++) {
      const rank = rankOfCode[basket[i]];
      if (rank >= 0) path[length++] = rank;
    }
    if (length === 0) continue;
    path.subarray(0, length).sort();
    tree.insert(path, length, 1);
  }

  const miner = new Miner(table, minCount, maxLength, maxItemsets, width);
  miner.grow(
    tree,
    Int32Array.from({ length: width }, (_, rank) => rank),
    0,
  );
  if (miner.overflowed) {
    return cannotMine(
      'too-many-itemsets',
      `more than ${maxItemsets} frequent itemsets at minSupport ${minSupport}: raise minSupport or lower maxLength`,
      encoded.size,
    );
  }
  return table;
}

/** An FP-tree over items 0..width-1 (a tree's own item numbering, in global rank order). */
class FpTree {
  readonly item: number[] = [-1];
  readonly count: number[] = [0];
  readonly parent: number[] = [-1];
  private readonly firstChild: number[] = [-1];
  private readonly nextSibling: number[] = [-1];
  /** Next node holding the same item (the header table's node-links). */
  readonly link: number[] = [-1];
  /** First node of each item, and each item's total count in the tree. */
  readonly head: Int32Array;
  readonly total: Float64Array;
  private readonly lastOfItem: Int32Array;

  constructor(readonly width: number) {
    this.head = new Int32Array(width).fill(-1);
    this.lastOfItem = new Int32Array(width).fill(-1);
    this.total = new Float64Array(width);
  }

  /** Adds a path of ascending items with the given weight (how many baskets it stands for). */
  insert(path: ArrayLike<number>, length: number, weight: number): void {
    let node = 0;
    for (let i = 0; i < length; i++) {
      const item = path[i];
      let child = this.firstChild[node];
      while (child !== -1 && this.item[child] !== item) child = this.nextSibling[child];
      if (child === -1) {
        child = this.item.length;
        this.item.push(item);
        this.count.push(0);
        this.parent.push(node);
        this.firstChild.push(-1);
        this.nextSibling.push(this.firstChild[node]);
        this.firstChild[node] = child;
        this.link.push(-1);
        if (this.lastOfItem[item] === -1) this.head[item] = child;
        else this.link[this.lastOfItem[item]] = child;
        this.lastOfItem[item] = child;
      }
      this.count[child] += weight;
      this.total[item] += weight;
      node = child;
    }
  }
}

class Miner {
  overflowed = false;
  private readonly prefix: Int32Array;
  /** Scratch for one path at a time (a conditional tree is built before the recursion uses it). */
  private readonly path: Int32Array;

  constructor(
    private readonly table: ItemsetTable,
    private readonly minCount: number,
    private readonly maxLength: number,
    private readonly maxItemsets: number,
    width: number,
  ) {
    // An itemset never has more items than there are frequent items, whatever maxLength says.
    this.prefix = new Int32Array(Math.min(maxLength, width));
    this.path = new Int32Array(width);
  }

  /**
   * Emits prefix + {item} for every item of the tree, then grows each from its conditional tree.
   * Items are taken least frequent first, so the prefix's ranks are always descending.
   */
  grow(tree: FpTree, globalRank: Int32Array, depth: number): void {
    const { minCount, prefix, path } = this;
    for (let item = tree.width - 1; item >= 0; item--) {
      const support = tree.total[item];
      if (support < minCount) continue;
      prefix[depth] = globalRank[item];
      if (this.table.itemsetCount >= this.maxItemsets) {
        this.overflowed = true;
        return;
      }
      this.table.add(prefix, depth + 1, support);
      if (depth + 1 >= this.maxLength || item === 0) continue;

      // The conditional pattern base: every path above a node of this item, weighted by its count.
      const conditional = new Float64Array(item);
      for (let node = tree.head[item]; node !== -1; node = tree.link[node]) {
        const weight = tree.count[node];
        for (let up = tree.parent[node]; up > 0; up = tree.parent[up]) {
          conditional[tree.item[up]] += weight;
        }
      }
      const local = new Int32Array(item);
      let width = 0;
      for (let other = 0; other < item; other++) {
        local[other] = conditional[other] >= minCount ? width++ : -1;
      }
      if (width === 0) continue;
      const subRank = new Int32Array(width);
      for (let other = 0; other < item; other++) {
        if (local[other] >= 0) subRank[local[other]] = globalRank[other];
      }
      const sub = new FpTree(width);
      for (let node = tree.head[item]; node !== -1; node = tree.link[node]) {
        let length = 0;
        for (let up = tree.parent[node]; up > 0; up = tree.parent[up]) {
          const mapped = local[tree.item[up]];
          if (mapped >= 0) path[length++] = mapped;
        }
        if (length === 0) continue;
        // Collected leaf to root (descending); the tree takes paths root first.
        for (let i = 0, j = length - 1; i < j; i++, j--) {
          const t = path[i];
          path[i] = path[j];
          path[j] = t;
        }
        sub.insert(path, length, tree.count[node]);
      }
      this.grow(sub, subRank, depth + 1);
      if (this.overflowed) return;
    }
  }
}
