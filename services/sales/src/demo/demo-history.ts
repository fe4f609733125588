/**
 * Two years of believable sales history for the demo tenant (pure, seeded): a small catalogue of
 * cars, service plans, accessories and tyres; orders whose volume follows the seasons (tyres in
 * spring and autumn, cars in spring, a December bump) and grows slowly; baskets with structure
 * (a car often comes with floor mats and a service plan, an SUV with a roof box, tyres with an
 * inspection); a few loyal repeat buyers among many one-off ones; leads that are qualified or
 * disqualified; deals that move through the pipeline and are won or lost. Every date is relative
 * to `until` (the service clock), so the history always ends today. The same seed gives the same
 * history, which is what analytics' reports then show.
 */

export interface DemoProduct {
  readonly sku: string;
  readonly name: string;
  readonly family: 'Cars' | 'Service plans' | 'Accessories' | 'Tyres';
  /** Minor units (EUR cents). */
  readonly unitPriceMinor: number;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { sku: 'CAR-COMPACT', name: 'Compact hatchback', family: 'Cars', unitPriceMinor: 2_390_000 },
  { sku: 'CAR-SUV', name: 'Family SUV', family: 'Cars', unitPriceMinor: 4_190_000 },
  { sku: 'CAR-EV', name: 'Electric saloon', family: 'Cars', unitPriceMinor: 3_790_000 },
  {
    sku: 'SVC-PLAN-3Y',
    name: 'Service plan, 3 years',
    family: 'Service plans',
    unitPriceMinor: 119_000,
  },
  {
    sku: 'SVC-INSPECTION',
    name: 'Seasonal inspection',
    family: 'Service plans',
    unitPriceMinor: 14_900,
  },
  {
    sku: 'ACC-MATS',
    name: 'All-weather floor mats',
    family: 'Accessories',
    unitPriceMinor: 12_900,
  },
  { sku: 'ACC-ROOFBOX', name: 'Roof box 450 l', family: 'Accessories', unitPriceMinor: 44_900 },
  { sku: 'ACC-CHILDSEAT', name: 'Child seat', family: 'Accessories', unitPriceMinor: 29_900 },
  { sku: 'TYR-WINTER', name: 'Winter tyre', family: 'Tyres', unitPriceMinor: 15_900 },
  { sku: 'TYR-SUMMER', name: 'Summer tyre', family: 'Tyres', unitPriceMinor: 13_900 },
];

export interface DemoOrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPriceMinor: number;
}

export interface DemoOrder {
  readonly externalId: string;
  readonly contactId: string;
  readonly placedAt: string;
  readonly status: 'placed' | 'fulfilled' | 'cancelled' | 'returned';
  readonly statusAt: string;
  readonly lines: readonly DemoOrderLine[];
}

export interface DemoLead {
  readonly leadId: string;
  readonly source: 'web_form' | 'referral' | 'campaign' | 'manual';
  readonly name: string;
  readonly interest: string;
  readonly ownerId: string;
  readonly capturedAt: string;
  /** Qualified or disqualified, and when; undefined: still being worked. */
  readonly outcome?: { readonly kind: 'qualified' | 'disqualified'; readonly at: string };
}

export interface DemoDeal {
  readonly opportunityId: string;
  readonly name: string;
  readonly contactId: string;
  readonly leadId?: string;
  readonly ownerId: string;
  readonly amountMinor: number;
  readonly openedAt: string;
  readonly expectedCloseDate: string;
  /** The open stages it went through after the first, each with the time it moved there. */
  readonly moves: readonly { readonly stageId: string; readonly at: string }[];
  readonly end?: { readonly kind: 'won' | 'lost'; readonly at: string; readonly reason: string };
}

export const DEMO_STAGES = [
  { stageId: 'prospecting', name: 'Prospecting', kind: 'open', probability: 10 },
  { stageId: 'qualification', name: 'Qualification', kind: 'open', probability: 25 },
  { stageId: 'proposal', name: 'Proposal', kind: 'open', probability: 50 },
  { stageId: 'negotiation', name: 'Negotiation', kind: 'open', probability: 75 },
  { stageId: 'won', name: 'Won', kind: 'won', probability: 100 },
  { stageId: 'lost', name: 'Lost', kind: 'lost', probability: 0 },
] as const;

export const DEMO_REPS = ['user-1', 'user-2', 'user-3', 'user-4', 'user-5'] as const;

export interface DemoHistorySpec {
  readonly seed: number;
  readonly contactIds: readonly string[];
  /** The history ends here (the clock's now). */
  readonly until: Date;
  readonly months?: number;
  /** Orders in an average month (before seasons and growth). */
  readonly ordersPerMonth?: number;
  readonly leadsPerMonth?: number;
  readonly dealsPerMonth?: number;
}

export interface DemoHistory {
  readonly orders: DemoOrder[];
  readonly leads: DemoLead[];
  readonly deals: DemoDeal[];
}

const DAY = 86_400_000;

/** mulberry32: small, fast, seedable (uniform in [0, 1)). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How much of each kind of purchase a calendar month (0 = January) brings, relative to 1. */
export function seasonOf(month: number): { cars: number; tyres: number; other: number } {
  const tyres = [0.3, 0.6, 1.8, 2.2, 0.9, 0.3, 0.2, 0.2, 0.6, 2.0, 2.4, 0.8][month];
  const cars = [0.7, 0.8, 1.3, 1.4, 1.2, 1.0, 0.8, 0.7, 1.1, 1.0, 0.9, 1.1][month];
  const other = month === 11 ? 1.6 : 1;
  return { cars, tyres, other };
}

const product = (sku: string) => DEMO_PRODUCTS.find((p) => p.sku === sku)!;
const line = (sku: string, quantity = 1): DemoOrderLine => ({
  sku,
  quantity,
  unitPriceMinor: product(sku).unitPriceMinor,
});

export function demoHistory(spec: DemoHistorySpec): DemoHistory {
  const next = random(spec.seed);
  const chance = (p: number) => next() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const months = spec.months ?? 24;
  const until = spec.until.getTime();
  const start = until - months * 30.44 * DAY;
  // A fifth of the people buy again and again (the loyal ones); the rest now and then.
  const loyal = spec.contactIds.slice(0, Math.max(1, Math.floor(spec.contactIds.length / 5)));
  const buyer = () => (chance(0.45) ? pick(loyal) : pick(spec.contactIds));
  const orders: DemoOrder[] = [];
  const leads: DemoLead[] = [];
  const deals: DemoDeal[] = [];
  const linked = new Set<string>();
  const iso = (ms: number) => new Date(Math.min(ms, until - 60_000)).toISOString();

  for (let m = 0; m < months; m++) {
    const monthStart = start + m * 30.44 * DAY;
    const season = seasonOf(new Date(monthStart + 15 * DAY).getUTCMonth());
    const growth = 1 + 0.01 * m;
    const base = (spec.ordersPerMonth ?? 60) * growth;
    const counts = {
      cars: Math.round(base * 0.2 * season.cars),
      tyres: Math.round(base * 0.35 * season.tyres),
      other: Math.round(base * 0.45 * season.other),
    };
    const order = (lines: DemoOrderLine[]) => {
      const placed = monthStart + next() * 30.44 * DAY;
      const age = (until - placed) / DAY;
      const roll = next();
      const status =
        age < 14 ? 'placed' : roll < 0.05 ? 'cancelled' : roll < 0.08 ? 'returned' : 'fulfilled';
      orders.push({
        externalId: `DEMO-${spec.seed}-${orders.length + 1}`,
        contactId: buyer(),
        placedAt: iso(placed),
        status,
        statusAt: iso(placed + (1 + Math.floor(next() * 10)) * DAY),
        lines,
      });
    };
    for (let i = 0; i < counts.cars; i++) {
      const car = pick(['CAR-COMPACT', 'CAR-SUV', 'CAR-EV']);
      const lines = [line(car)];
      if (chance(0.6)) lines.push(line('ACC-MATS'));
      if (chance(0.45)) lines.push(line('SVC-PLAN-3Y'));
      if (car === 'CAR-SUV' && chance(0.35)) lines.push(line('ACC-ROOFBOX'));
      if (car === 'CAR-SUV' && chance(0.25)) lines.push(line('ACC-CHILDSEAT'));
      order(lines);
    }
    for (let i = 0; i < counts.tyres; i++) {
      const month = new Date(monthStart).getUTCMonth();
      const winter = month >= 8 || month <= 1;
      const lines = [line(winter ? 'TYR-WINTER' : 'TYR-SUMMER', 4)];
      if (chance(0.3)) lines.push(line('SVC-INSPECTION'));
      order(lines);
    }
    for (let i = 0; i < counts.other; i++) {
      const first = pick(['ACC-MATS', 'ACC-CHILDSEAT', 'ACC-ROOFBOX', 'SVC-INSPECTION']);
      const lines = [line(first)];
      if (first === 'ACC-CHILDSEAT' && chance(0.3)) lines.push(line('ACC-MATS'));
      order(lines);
    }

    for (let i = 0; i < (spec.leadsPerMonth ?? 30); i++) {
      const captured = monthStart + next() * 30.44 * DAY;
      const worked = (until - captured) / DAY > 10;
      const roll = next();
      const outcome: DemoLead['outcome'] = !worked
        ? undefined
        : roll < 0.55
          ? { kind: 'qualified', at: iso(captured + (2 + next() * 8) * DAY) }
          : roll < 0.9
            ? { kind: 'disqualified', at: iso(captured + (1 + next() * 6) * DAY) }
            : undefined;
      leads.push({
        leadId: `demo-lead-${spec.seed}-${leads.length + 1}`,
        source: pick(['web_form', 'web_form', 'referral', 'manual', 'campaign']),
        name: `Demo lead ${leads.length + 1}`,
        interest: pick(['Family SUV', 'Electric saloon', 'Fleet of compacts', 'Service plan']),
        ownerId: pick(DEMO_REPS),
        capturedAt: iso(captured),
        ...(outcome ? { outcome } : {}),
      });
    }

    // Each qualified lead becomes at most one deal.
    const qualified = leads.filter((l) => l.outcome?.kind === 'qualified' && !linked.has(l.leadId));
    for (let i = 0; i < (spec.dealsPerMonth ?? 12); i++) {
      let opened = monthStart + next() * 30.44 * DAY;
      const from = qualified.length && chance(0.7) ? qualified.shift() : undefined;
      if (from) {
        linked.add(from.leadId);
        // A deal from a lead opens after the lead was qualified.
        opened = Math.max(opened, Date.parse(from.outcome!.at) + DAY);
      }
      if (opened >= until - DAY) continue;
      const ownerIndex = Math.floor(next() * DEMO_REPS.length);
      // Reps differ: the first ones win more often.
      const winRate = 0.5 - ownerIndex * 0.06;
      const moves: { stageId: string; at: string }[] = [];
      let at = opened;
      let end: DemoDeal['end'];
      for (const stage of ['qualification', 'proposal', 'negotiation']) {
        at += (3 + next() * 12) * DAY;
        if (at >= until) break;
        if (chance(0.18)) {
          end = {
            kind: 'lost',
            at: iso(at),
            reason: pick(['price', 'competitor', 'no budget', 'timing']),
          };
          break;
        }
        moves.push({ stageId: stage, at: iso(at) });
      }
      if (!end && moves.length === 3) {
        at += (2 + next() * 10) * DAY;
        if (at < until)
          end = chance(winRate / 0.55)
            ? { kind: 'won', at: iso(at), reason: 'signed' }
            : { kind: 'lost', at: iso(at), reason: pick(['price', 'competitor']) };
      }
      const car = pick(['CAR-COMPACT', 'CAR-SUV', 'CAR-EV']);
      const units = 1 + Math.floor(next() * 5);
      deals.push({
        opportunityId: `demo-deal-${spec.seed}-${deals.length + 1}`,
        name: `${units} x ${product(car).name}`,
        contactId: buyer(),
        ...(from ? { leadId: from.leadId } : {}),
        ownerId: DEMO_REPS[ownerIndex],
        amountMinor: units * product(car).unitPriceMinor,
        openedAt: iso(opened),
        expectedCloseDate: iso(opened + 45 * DAY).slice(0, 10),
        moves,
        ...(end ? { end } : {}),
      });
    }
  }
  orders.sort((a, b) => a.placedAt.localeCompare(b.placedAt));
  return { orders, leads, deals };
}
