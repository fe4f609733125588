import { mulberry32 } from './holdout-split';
import { scorePropensity, trainPropensityModel } from './propensity-model';

describe('trainPropensityModel', () => {
  // Synthetic customers whose log-odds of buying are known: -1 + 1.5 * (holds a car)
  // + 0.8 * (income high) + 0.5 * standardised spend.
  const random = mulberry32(2024);
  const customers = Array.from({ length: 4_000 }, (_, i) => {
    const car = random() < 0.4;
    const income = ['low', 'mid', 'high'][Math.floor(random() * 3)];
    const spend = 100 + 50 * (random() + random() + random() - 1.5) * 2;
    return { id: `c${i}`, record: { income, spend, holdings: car ? ['car'] : [] }, car };
  });
  const logits = customers.map(
    (c) =>
      -1 +
      (c.car ? 1.5 : 0) +
      (c.record.income === 'high' ? 0.8 : 0) +
      0.5 * ((c.record.spend - 100) / 50),
  );
  const outcomes = logits.map((eta) => (random() < 1 / (1 + Math.exp(-eta)) ? 1 : 0));
  const input = {
    ids: customers.map((c) => c.id),
    records: customers.map((c) => c.record),
    outcomes,
    features: [
      { kind: 'categorical', name: 'income', reference: 'low' },
      { kind: 'numeric', name: 'spend' },
      { kind: 'holdings', name: 'holdings', items: ['car'] },
    ] as const,
    seed: 11,
  };

  it('recovers the effects it was built with and reports a holdout AUC', () => {
    const model = trainPropensityModel(input);
    expect(model.kind).toBe('fitted');
    if (model.kind !== 'fitted') return;
    const estimate = (name: string) => model.fit.coefficients.find((c) => c.name === name)!;
    for (const [name, truth] of [
      ['holdings:car', 1.5],
      ['income=high', 0.8],
    ] as const) {
      // Within three standard errors of the truth.
      expect(Math.abs(estimate(name).estimate - truth)).toBeLessThan(
        3 * estimate(name).standardError,
      );
    }
    expect(model.train.observations + (model.holdout.positives + model.holdout.negatives)).toBe(
      4_000,
    );
    expect(model.holdout.kind).toBe('auc');
    if (model.holdout.kind === 'auc') {
      expect(model.holdout.auc).toBeGreaterThan(0.65);
      expect(model.holdout.auc).toBeLessThan(0.85);
    }
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });

  it('scores new customers with the stored encoding, holders of a car above non-holders', () => {
    const model = trainPropensityModel(input);
    if (model.kind !== 'fitted') throw new Error(model.reason);
    const [withCar, without] = scorePropensity(model, [
      { income: 'mid', spend: 100, holdings: ['car'] },
      { income: 'mid', spend: 100, holdings: [] },
    ]);
    expect(withCar).toBeGreaterThan(without);
  });

  it('passes a cannot-fit result through, with the encoding it tried', () => {
    const result = trainPropensityModel({ ...input, outcomes: outcomes.map(() => 0) });
    expect(result).toMatchObject({ kind: 'cannot-fit', reason: 'single-class' });
  });
});
