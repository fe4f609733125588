import { nameSimilarity, scoreDuplicate, type DuplicateProbe } from './duplicate-score';

const ada: DuplicateProbe = {
  contactId: 'c1',
  name: 'ada lovelace',
  emails: ['ada@example.com'],
  phones: ['+4930123456'],
  companyId: 'co1',
};

describe('duplicate scoring', () => {
  it('agrees with pg_trgm similarity() (values taken from PostgreSQL 15)', () => {
    expect(nameSimilarity('word', 'words')).toBeCloseTo(0.5714286, 5);
    expect(nameSimilarity('ada lovelace', 'ada lovelac')).toBeCloseTo(0.78571427, 5);
    expect(nameSimilarity('Ada Lovelace', 'ada lovelace')).toBe(1);
    expect(nameSimilarity('', 'x')).toBe(0);
  });

  it('a shared email is near-certain', () => {
    const other = { contactId: 'c2', name: 'a. king', emails: ['ada@example.com'], phones: [] };
    expect(scoreDuplicate(ada, other)).toEqual({ score: 0.95, reasons: ['same-email'] });
  });

  it('signals add up: same phone and similar name at the same company beats either alone', () => {
    const other = {
      contactId: 'c2',
      name: 'ada lovelac',
      emails: [],
      phones: ['+4930123456'],
      companyId: 'co1',
    };
    const both = scoreDuplicate(ada, other);
    expect(both.reasons).toEqual(['same-phone', 'similar-name-same-company']);
    expect(both.score).toBeGreaterThan(scoreDuplicate(ada, { ...other, phones: [] }).score);
    expect(both.score).toBeGreaterThan(scoreDuplicate(ada, { ...other, name: 'zz top' }).score);
    expect(both.score).toBeLessThanOrEqual(1);
  });

  it('a similar name alone at another company is weak; unrelated people score 0', () => {
    expect(
      scoreDuplicate(ada, {
        contactId: 'c3',
        name: 'ada lovelace',
        emails: [],
        phones: [],
        companyId: 'co2',
      }),
    ).toEqual({
      score: 0.35,
      reasons: ['similar-name'],
    });
    expect(
      scoreDuplicate(ada, { contactId: 'c4', name: 'grace hopper', emails: [], phones: [] }),
    ).toEqual({ score: 0, reasons: [] });
  });
});
