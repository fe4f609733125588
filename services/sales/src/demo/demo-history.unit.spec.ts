import { DEMO_PRODUCTS, DEMO_REPS, demoHistory, seasonOf } from './demo-history';

const until = new Date('2031-03-10T12:00:00Z');
const contactIds = Array.from({ length: 200 }, (_, i) => `c${i}`);
const history = demoHistory({ seed: 7, contactIds, until });

describe('demo sales history', () => {
  it('is the same for the same seed and ends at the clock', () => {
    expect(demoHistory({ seed: 7, contactIds, until })).toEqual(history);
    const last = history.orders[history.orders.length - 1];
    expect(Date.parse(last.placedAt)).toBeLessThan(until.getTime());
    const first = Date.parse(history.orders[0].placedAt);
    expect((until.getTime() - first) / 86_400_000).toBeGreaterThan(700); // two years
  });

  it('follows the seasons: winter tyres in autumn, summer tyres in spring', () => {
    const tyresIn = (sku: string, months: number[]) =>
      history.orders.filter(
        (o) => months.includes(new Date(o.placedAt).getUTCMonth()) && o.lines[0].sku === sku,
      ).length;
    expect(tyresIn('TYR-WINTER', [9, 10])).toBeGreaterThan(3 * tyresIn('TYR-WINTER', [5, 6]));
    expect(seasonOf(3).tyres).toBeGreaterThan(seasonOf(6).tyres);
  });

  it('gives baskets structure: most cars come with floor mats, tyres come in fours', () => {
    const cars = history.orders.filter((o) => o.lines[0].sku.startsWith('CAR-'));
    const withMats = cars.filter((o) => o.lines.some((l) => l.sku === 'ACC-MATS'));
    expect(withMats.length / cars.length).toBeGreaterThan(0.45);
    expect(withMats.length / cars.length).toBeLessThan(0.75);
    for (const o of history.orders.filter((o) => o.lines[0].sku.startsWith('TYR-')))
      expect(o.lines[0].quantity).toBe(4);
    const skus = new Set(DEMO_PRODUCTS.map((p) => p.sku));
    for (const o of history.orders) for (const l of o.lines) expect(skus.has(l.sku)).toBe(true);
  });

  it('has repeat buyers, recent orders still open, and some cancelled or returned', () => {
    const perBuyer = new Map<string, number>();
    for (const o of history.orders) perBuyer.set(o.contactId, (perBuyer.get(o.contactId) ?? 0) + 1);
    expect(Math.max(...perBuyer.values())).toBeGreaterThanOrEqual(5);
    const recent = history.orders.filter(
      (o) => until.getTime() - Date.parse(o.placedAt) < 14 * 86_400_000,
    );
    expect(recent.length).toBeGreaterThan(0);
    for (const o of recent) expect(o.status).toBe('placed');
    expect(history.orders.some((o) => o.status === 'cancelled')).toBe(true);
    expect(history.orders.some((o) => o.status === 'returned')).toBe(true);
  });

  it('moves deals through the stages in time order, won or lost by reps who differ', () => {
    for (const deal of history.deals) {
      const times = [
        deal.openedAt,
        ...deal.moves.map((m) => m.at),
        ...(deal.end ? [deal.end.at] : []),
      ];
      expect([...times].sort()).toEqual(times);
      expect(Date.parse(times[times.length - 1])).toBeLessThan(until.getTime());
    }
    const winRate = (rep: string) => {
      const closed = history.deals.filter((d) => d.ownerId === rep && d.end);
      return closed.filter((d) => d.end!.kind === 'won').length / closed.length;
    };
    expect(winRate(DEMO_REPS[0])).toBeGreaterThan(winRate(DEMO_REPS[4]));
    const linked = history.deals.flatMap((d) => (d.leadId ? [d.leadId] : []));
    expect(new Set(linked).size).toBe(linked.length);
    const qualified = new Set(
      history.leads.filter((l) => l.outcome?.kind === 'qualified').map((l) => l.leadId),
    );
    for (const id of linked) expect(qualified.has(id)).toBe(true);
    const qualifiedAt = new Map(history.leads.map((l) => [l.leadId, l.outcome?.at]));
    for (const deal of history.deals.filter((d) => d.leadId))
      expect(deal.openedAt > qualifiedAt.get(deal.leadId!)!).toBe(true);
  });
});
