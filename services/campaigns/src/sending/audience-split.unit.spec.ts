import { bucketOf, inTestShare, variantFor } from './audience-split';

const variants = [
  { id: 'A', templateId: 't', templateVersion: 1, sharePercent: 70 },
  { id: 'B', templateId: 't', templateVersion: 1, sharePercent: 30 },
];
const people = Array.from({ length: 20_000 }, (_, i) => `contact-${i}`);

describe('audience split', () => {
  it('gives one person the same bucket every time, and another campaign another split', () => {
    expect(bucketOf('c1', 'p1', 'variant')).toBe(bucketOf('c1', 'p1', 'variant'));
    const same = people.filter((p) => inTestShare('c1', p, 50) === inTestShare('c2', p, 50));
    // Independent halves agree about half the time (20 000 people: within 3 standard deviations).
    expect(Math.abs(same.length / people.length - 0.5)).toBeLessThan(0.011);
  });

  it('splits by share: 70/30 variants, a 20 % test share (binomial, 3 standard deviations)', () => {
    const a = people.filter((p) => variantFor('c1', p, variants).id === 'A').length / people.length;
    expect(Math.abs(a - 0.7)).toBeLessThan(3 * Math.sqrt((0.7 * 0.3) / people.length));
    const test = people.filter((p) => inTestShare('c1', p, 20)).length / people.length;
    expect(Math.abs(test - 0.2)).toBeLessThan(3 * Math.sqrt((0.2 * 0.8) / people.length));
    expect(people.filter((p) => inTestShare('c1', p, 0))).toEqual([]);
    expect(people.every((p) => inTestShare('c1', p, 100))).toBe(true);
  });
});
