/** The model-name rule: the version after `@` goes; a name a rule cannot address is none. */
import { modelName } from './analytics-model-name';

describe('modelName', () => {
  it.each([
    ['propensity@3', 'propensity'],
    ['propensity', 'propensity'],
    ['churn-risk@2.1.0', 'churn-risk'],
    ['next_best_offer@v7@beta', 'next_best_offer'],
    [' rfm @1', 'rfm'],
  ])('%s is kept as %s', (model, name) => {
    expect(modelName(model)).toBe(name);
  });

  it.each(['@3', '', '   ', '3d-model@1', 'has space@1', 'dots.in.name', 'x;drop table@1'])(
    '%j has no name a rule could use',
    (model) => {
      expect(modelName(model)).toBeUndefined();
    },
  );
});
