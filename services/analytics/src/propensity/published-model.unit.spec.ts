import { publishedModel, publishedModelName } from './published-model';

/** What campaigns accepts after `scores.` (services/campaigns field-catalogue DYNAMIC_KEY). */
const CAMPAIGNS_KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

describe('published propensity model names', () => {
  it('keeps a plain family and adds the fit version after @', () => {
    expect(publishedModel('Cars', 3)).toBe('propensity_Cars@3');
  });

  it('slugs other families into a key campaigns accepts, distinct per family', () => {
    const names = ['Home & Garden', 'Home_Garden', 'Café', '日本', 'x'.repeat(200), ' '].map(
      publishedModelName,
    );
    for (const n of names) expect(n).toMatch(CAMPAIGNS_KEY);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toMatch(/^propensity_Home_Garden_[0-9a-f]{8}$/);
    expect(names[2]).toMatch(/^propensity_Cafe_[0-9a-f]{8}$/);
  });
});
