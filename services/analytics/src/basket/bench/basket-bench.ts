/**
 * SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register \
 *   services/analytics/src/basket/bench/basket-bench.ts [--baskets 10000] [--products 3000] [--rounds 5] [--json]
 *
 * Issue 16's basket figure: mining rules at support 0.001 on 10,000 baskets (goal < 2 s on this
 * machine), printed, never asserted. Three timings, medians over the rounds:
 * 1. `associationRules` alone (FP-growth itemsets + rules) at support 0.001, confidence 0.5,
 *    maximum length 4 (the service's default);
 * 2. the whole fit the job runs in memory (`fitBaskets`: rules by product and by family, then
 *    next best offers for one customer per basket's buyer), the same thresholds;
 * 3. the Groceries data (9,835 real baskets, the arules reference) at support 0.001, confidence
 *    0.5, no length limit (5,668 rules), for comparison with published runs of arules.
 * The baskets are synthetic and deterministic (a seeded generator): 1-12 items per basket, the
 * products' popularity Zipf-like, and one basket in three built around one of 200 bundles (2-4
 * products bought together), so there are rules to find; 20 families.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { associationRules } from '../../models/basket';
import { loadGroceries } from '../../models/basket/fixtures/load-groceries';
import { fitBaskets, type CustomerHoldings, type OrderBasket } from '../basket-fit';

function argument(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** mulberry32: a small seeded generator, so every run mines the same baskets. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticBaskets(baskets: number, products: number) {
  const random = generator(16);
  // Zipf-like popularity: product k drawn with weight 1 / (k + 10).
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < products; k++) cumulative.push((total += 1 / (k + 10)));
  const popular = () => {
    const x = random() * total;
    let low = 0;
    let high = products - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < x) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const bundles = Array.from({ length: 200 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => Math.floor(random() * products)),
  );
  const result: OrderBasket[] = [];
  const customers = new Map<string, Set<string>>();
  for (let b = 0; b < baskets; b++) {
    const items = new Set<number>();
    if (random() < 1 / 3)
      for (const p of bundles[Math.floor(random() * bundles.length)]) items.add(p);
    const size = 1 + Math.floor(random() * 12);
    while (items.size < size) items.add(popular());
    const ids = [...items].map((p) => `p${p}`);
    result.push({ products: ids, families: [...new Set([...items].map((p) => `f${p % 20}`))] });
    // About three orders per customer.
    const buyer = `c${Math.floor(random() * (baskets / 3))}`;
    const held = customers.get(buyer) ?? new Set<string>();
    for (const id of ids) held.add(id);
    customers.set(buyer, held);
  }
  const holdings: CustomerHoldings[] = [...customers].map(([contactId, held]) => ({
    contactId,
    products: [...held],
  }));
  return { baskets: result, holdings };
}

function time<T>(run: () => T): { seconds: number; result: T } {
  const started = performance.now();
  const result = run();
  return { seconds: (performance.now() - started) / 1000, result };
}

function main(): void {
  const basketCount = argument('baskets', 10_000);
  const productCount = argument('products', 3_000);
  const rounds = argument('rounds', 5);
  const { baskets, holdings } = syntheticBaskets(basketCount, productCount);
  const groceries = loadGroceries();
  const thresholds = { minSupport: 0.001, minConfidence: 0.5, minLift: 0, maxLength: 4 };
  const mine: number[] = [];
  const fit: number[] = [];
  const reference: number[] = [];
  let rules = 0;
  let itemsets = 0;
  let offered = 0;
  let groceriesRules = 0;
  for (let round = 0; round < rounds; round++) {
    const mined = time(() =>
      associationRules(
        baskets.map((b) => b.products),
        thresholds,
      ),
    );
    mine.push(mined.seconds);
    if (mined.result.status === 'mined') {
      rules = mined.result.rules.length;
      itemsets = mined.result.frequentItemsets;
    }
    const fitted = time(() =>
      fitBaskets(baskets, holdings, { thresholds, minBaskets: 1, offersPerCustomer: 5 }),
    );
    fit.push(fitted.seconds);
    offered = fitted.result.offers.length;
    const g = time(() => associationRules(groceries, { minSupport: 0.001, minConfidence: 0.5 }));
    reference.push(g.seconds);
    if (g.result.status === 'mined') groceriesRules = g.result.rules.length;
  }
  const figures = {
    machine: `${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
    baskets: basketCount,
    products: productCount,
    rounds,
    minSupport: 0.001,
    mineSeconds: Number(median(mine).toFixed(3)),
    frequentItemsets: itemsets,
    rules,
    fitSeconds: Number(median(fit).toFixed(3)),
    customers: holdings.length,
    customersWithOffers: offered,
    groceriesSeconds: Number(median(reference).toFixed(3)),
    groceriesRules,
    goalSeconds: 2,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(figures));
    return;
  }
  console.log(`basket mining on ${figures.machine}, median of ${rounds} rounds`);
  console.log(
    `  rules at support 0.001 on ${basketCount} baskets (${productCount} products): ` +
      `${figures.mineSeconds} s (${itemsets} itemsets, ${rules} rules; goal < 2 s)`,
  );
  console.log(
    `  the whole fit (product + family rules, offers for ${holdings.length} customers): ` +
      `${figures.fitSeconds} s (${offered} with offers)`,
  );
  console.log(
    `  Groceries (9835 baskets) at 0.001 / 0.5: ${figures.groceriesSeconds} s (${groceriesRules} rules)`,
  );
}

main();
