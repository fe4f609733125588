/**
 * The bench's integration events, as contacts and sales publish them (crm.contacts.v1,
 * crm.sales.v1, typed with @crm/contracts): products in 20 families, contacts with demographics,
 * and orders with 1-6 lines over the last two years. One order in three is built around one of
 * 150 bundles (2-4 products bought together) and the rest draws products by a Zipf-like
 * popularity, so the baskets have rules to find; about a third of the customers buy once.
 * Deterministic: a seeded generator, the same events in every run and for every contender.
 */
import {
  ContactRegistered,
  OrderPlaced,
  ProductCreated,
  topicFor,
  type ContactRegisteredV1,
  type OrderLineV1,
  type OrderPlacedV1,
  type ProductCreatedV1,
} from '@crm/contracts';

const DAY_MS = 86_400_000;

export interface BenchEvent {
  readonly topic: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  readonly data: ContactRegisteredV1 | ProductCreatedV1 | OrderPlacedV1;
}

export interface BenchHistory {
  /** Products first, then contacts, then orders (each topic in publishing order). */
  readonly events: readonly BenchEvent[];
  readonly orders: readonly OrderPlacedV1[];
}

/** Park-Miller: small, seeded, good enough to shape synthetic data. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

const GENDERS = ['female', 'male', 'non-binary', 'undisclosed'] as const;
const INCOME = ['low', 'middle', 'high'] as const;

export function benchHistory(
  sizes: { contacts: number; orders: number; products?: number },
  now: Date,
  seed = 16,
): BenchHistory {
  const random = generator(seed);
  const productCount = sizes.products ?? 300;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
  const contacts = topicFor('contacts');
  const sales = topicFor('sales');

  const prices = Array.from({ length: productCount }, () => 500 + Math.floor(random() * 40_000));
  const products: BenchEvent[] = prices.map((_, k) => {
    const productId = `p-${k}`;
    const family = `family-${k % 20}`;
    const data: ProductCreatedV1 = {
      productId,
      sku: `SKU-${k}`,
      name: `Product ${k}`,
      family,
      createdAt: at(800),
      state: {
        id: productId,
        sku: `SKU-${k}`,
        name: `Product ${k}`,
        family,
        active: true,
        options: { groups: [], rules: [] },
        version: 1,
      },
    };
    return { topic: sales, type: ProductCreated.type, subject: productId, time: at(800), data };
  });

  const people: BenchEvent[] = Array.from({ length: sizes.contacts }, (_, i) => {
    const contactId = `c-${i}`;
    const registeredAt = at(730 + Math.floor(random() * 30));
    const data: ContactRegisteredV1 = {
      contactId,
      displayName: `Person ${i}`,
      lifecycleStage: 'customer',
      primaryEmail: `person${i}@example.com`,
      demographics: {
        birthDate: `${1950 + Math.floor(random() * 50)}-0${1 + Math.floor(random() * 9)}-15`,
        gender: GENDERS[Math.floor(random() * GENDERS.length)],
        householdIncomeBand: INCOME[Math.floor(random() * INCOME.length)],
      },
    };
    return {
      topic: contacts,
      type: ContactRegistered.type,
      subject: contactId,
      time: registeredAt,
      data,
    };
  });

  // Zipf-like popularity: product k drawn with weight 1 / (k + 10).
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < productCount; k++) cumulative.push((total += 1 / (k + 10)));
  const popular = () => {
    const x = random() * total;
    let low = 0;
    let high = productCount - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < x) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const bundles = Array.from({ length: 150 }, () =>
    Array.from({ length: 2 + Math.floor(random() * 3) }, () => Math.floor(random() * productCount)),
  );

  const orders: OrderPlacedV1[] = [];
  const placedEvents: BenchEvent[] = [];
  for (let j = 0; j < sizes.orders; j++) {
    const items = new Set<number>();
    if (random() < 1 / 3)
      for (const p of bundles[Math.floor(random() * bundles.length)]) items.add(p);
    const size = 1 + Math.floor(random() * 6);
    while (items.size < size) items.add(popular());
    // Buyers skewed to the first contacts (a squared uniform): regulars and one-time buyers.
    const buyer = Math.floor(random() ** 2 * sizes.contacts);
    const placedAt = at(Math.floor(random() * 730));
    const lines: OrderLineV1[] = [...items].map((p) => {
      const quantity = 1 + Math.floor(random() * 3);
      const netMinor = prices[p] * quantity;
      return {
        productId: `p-${p}`,
        sku: `SKU-${p}`,
        quantity,
        unitPrice: { amount: (prices[p] / 100).toFixed(2), currency: 'EUR' },
        lineTotal: { amount: (netMinor / 100).toFixed(2), currency: 'EUR' },
        unitPriceMinor: prices[p],
        netMinor,
      };
    });
    const totalMinor = lines.reduce((sum, l) => sum + (l.netMinor ?? 0), 0);
    const order: OrderPlacedV1 = {
      orderId: `o-${j}`,
      contactId: `c-${buyer}`,
      lines,
      total: { amount: (totalMinor / 100).toFixed(2), currency: 'EUR' },
      currency: 'EUR',
      totals: { subtotalMinor: totalMinor, discountMinor: 0, taxMinor: 0, totalMinor },
      placedAt,
      source: 'api',
    };
    orders.push(order);
    placedEvents.push({
      topic: sales,
      type: OrderPlaced.type,
      subject: order.orderId,
      time: placedAt,
      data: order,
    });
  }
  return { events: [...products, ...people, ...placedEvents], orders };
}
