/**
 * The fits' figures, in memory (the fit jobs' own pure code, no I/O), medians over rounds:
 * - lifetime value: `fitLifetimeValue` (BG/NBD + Gamma-Gamma, as LifetimeValueFitJob runs it) on
 *   25,000 customers drawn from the two processes with the CDNOW estimates (the models' fixture
 *   `simulateCustomers`; continuous ages, so the summaries hardly compress: the costly case).
 *   Floor: one evaluation of each model's public log-likelihood (it compresses the summaries,
 *   then sums over them): reading the data once. The fit compresses once and then evaluates
 *   its compressed form every iteration, which the public API cannot time alone, so the ratio
 *   says how many such readings the whole fit costs, next to the iterations it took.
 * - basket rules: `associationRules` (FP-growth + rules) at support 0.001 with the service's
 *   other defaults (confidence 0.2, lift 1, up to 4 items) on 10,000 of the bench's orders, and
 *   the whole `fitBaskets` (product and family rules, next best offers). Floor: encoding the
 *   baskets (one pass counting items, the first step of the mining); no other FP-growth is at
 *   hand in this repository to compare with.
 */
import { performance } from 'node:perf_hooks';
import { fitBaskets, type CustomerHoldings, type OrderBasket } from '../basket/basket-fit';
import { fitLifetimeValue } from '../customer-value/lifetime-value-fit';
import type { ModelInput } from '../customer-value/purchase-inputs';
import { associationRules, encodeBaskets } from '../models/basket';
import {
  bgNbdLogLikelihood,
  fitBgNbd,
  fitGammaGamma,
  gammaGammaLogLikelihood,
} from '../models/clv';
import { simulateCustomers } from '../models/clv/fixtures/simulate';
import type { OrderPlacedV1 } from '@crm/contracts';

/** Fader, Hardie & Lee (2005) and Fader, Hardie & Berger's Gamma-Gamma on CDNOW (models/clv/README.md). */
const CDNOW_BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CDNOW_GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function seconds<T>(run: () => T): { seconds: number; result: T } {
  const started = performance.now();
  const result = run();
  return { seconds: (performance.now() - started) / 1000, result };
}

export interface LifetimeValueFigures {
  readonly customers: number;
  readonly fitSeconds: number;
  readonly status: string;
  readonly bgNbd: { iterations: number; evaluationMs: number; params: object | null };
  readonly gammaGamma: { iterations: number; evaluationMs: number; params: object | null };
  /** One public evaluation of each model: the floor. */
  readonly floorSeconds: number;
  readonly ratioVsFloor: number;
}

export function lifetimeValueFigures(customers: number, rounds: number): LifetimeValueFigures {
  const drawn = simulateCustomers(customers, CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA);
  const inputs: ModelInput[] = drawn.summaries.map((s, i) => ({
    contactId: `c-${i}`,
    currency: 'EUR',
    ...s,
    averageValue: drawn.spend[i].averageValue,
  }));
  const fits: number[] = [];
  let status = '';
  for (let round = 0; round < rounds; round++) {
    const fitted = seconds(() => fitLifetimeValue(inputs));
    fits.push(fitted.seconds);
    status = fitted.result.status;
  }
  const bg = fitBgNbd(inputs);
  const gg = fitGammaGamma(inputs);
  const bgIterations = bg.status === 'fitted' ? bg.iterations : 0;
  const ggIterations = gg.status === 'fitted' ? gg.iterations : 0;
  const evaluations = 5;
  const bgEval =
    seconds(() => {
      for (let i = 0; i < evaluations; i++) bgNbdLogLikelihood(CDNOW_BG_NBD, inputs);
    }).seconds / evaluations;
  const ggEval =
    seconds(() => {
      for (let i = 0; i < evaluations; i++) gammaGammaLogLikelihood(CDNOW_GAMMA_GAMMA, inputs);
    }).seconds / evaluations;
  const floorSeconds = bgEval + ggEval;
  const fitSeconds = median(fits);
  return {
    customers,
    fitSeconds,
    status,
    bgNbd: {
      iterations: bgIterations,
      evaluationMs: bgEval * 1000,
      params: bg.status === 'fitted' ? bg.params : null,
    },
    gammaGamma: {
      iterations: ggIterations,
      evaluationMs: ggEval * 1000,
      params: gg.status === 'fitted' ? gg.params : null,
    },
    floorSeconds,
    ratioVsFloor: fitSeconds / floorSeconds,
  };
}

export interface MiningFigures {
  readonly baskets: number;
  readonly miningSeconds: number;
  readonly rules: number;
  readonly frequentItemsets: number;
  readonly wholeFitSeconds: number;
  readonly customersWithOffers: number;
  readonly encodeSeconds: number;
  readonly ratioVsEncode: number;
}

export function miningFigures(orders: readonly OrderPlacedV1[], rounds: number): MiningFigures {
  const familyOf = (productId: string) => `family-${Number(productId.slice(2)) % 20}`;
  const baskets: OrderBasket[] = orders.map((o) => {
    const products = [...new Set(o.lines.map((l) => l.productId))];
    return { products, families: [...new Set(products.map(familyOf))] };
  });
  const held = new Map<string, Set<string>>();
  orders.forEach((o, i) => {
    const set = held.get(o.contactId ?? '') ?? new Set<string>();
    for (const p of baskets[i].products) set.add(p);
    held.set(o.contactId ?? '', set);
  });
  const holdings: CustomerHoldings[] = [...held].map(([contactId, products]) => ({
    contactId,
    products: [...products],
  }));
  const thresholds = { minSupport: 0.001, minConfidence: 0.2, minLift: 1, maxLength: 4 };
  const productBaskets = baskets.map((b) => b.products);
  const mine: number[] = [];
  const whole: number[] = [];
  const encode: number[] = [];
  let rules = 0;
  let itemsets = 0;
  let offered = 0;
  for (let round = 0; round < rounds; round++) {
    encode.push(seconds(() => encodeBaskets(productBaskets)).seconds);
    const mined = seconds(() => associationRules(productBaskets, thresholds));
    mine.push(mined.seconds);
    if (mined.result.status === 'mined') {
      rules = mined.result.rules.length;
      itemsets = mined.result.frequentItemsets;
    }
    const fitted = seconds(() =>
      fitBaskets(baskets, holdings, { thresholds, minBaskets: 1, offersPerCustomer: 5 }),
    );
    whole.push(fitted.seconds);
    offered = fitted.result.offers.length;
  }
  const miningSeconds = median(mine);
  return {
    baskets: baskets.length,
    miningSeconds,
    rules,
    frequentItemsets: itemsets,
    wholeFitSeconds: median(whole),
    customersWithOffers: offered,
    encodeSeconds: median(encode),
    ratioVsEncode: miningSeconds / median(encode),
  };
}
