import { campaignStories } from './demo-campaigns-history';

const launchedAt = new Date('2031-01-10T09:00:00Z');
const ids = Array.from({ length: 4000 }, (_, i) => `c${i}`);
const stories = campaignStories(3, ids, launchedAt, {
  A: { open: 0.35, click: 0.08 },
  B: { open: 0.45, click: 0.14 },
});

describe('demo campaign stories', () => {
  it('splits recipients over the variants and paces the sends', () => {
    expect(stories.filter((s) => s.variantId === 'A')).toHaveLength(2000);
    expect(stories[1].sentAt.getTime() - stories[0].sentAt.getTime()).toBe(500);
    expect(
      campaignStories(3, ids, launchedAt, {
        A: { open: 0.35, click: 0.08 },
        B: { open: 0.45, click: 0.14 },
      }),
    ).toEqual(stories);
  });

  it('has retail-like rates, and B does better than A', () => {
    const rate = (variant: string, key: 'openedAt' | 'clickedAt') => {
      const of = stories.filter((s) => s.variantId === variant);
      return of.filter((s) => s[key]).length / of.length;
    };
    expect(rate('A', 'openedAt')).toBeGreaterThan(0.3);
    expect(rate('A', 'openedAt')).toBeLessThan(0.4);
    expect(rate('B', 'clickedAt')).toBeGreaterThan(rate('A', 'clickedAt') + 0.03);
    expect(stories.filter((s) => s.bouncedAt).length / stories.length).toBeLessThan(0.03);
  });

  it('keeps every response after its send, and clicks minutes after an open (never a scanner)', () => {
    for (const s of stories) {
      if (s.bouncedAt) expect(s.openedAt).toBeUndefined();
      if (s.openedAt) expect(s.openedAt.getTime()).toBeGreaterThan(s.sentAt.getTime());
      if (s.clickedAt)
        expect(s.clickedAt.getTime() - s.openedAt!.getTime()).toBeGreaterThanOrEqual(60_000);
      if (s.unsubscribedAt) expect(s.clickedAt).toBeUndefined();
    }
  });
});
