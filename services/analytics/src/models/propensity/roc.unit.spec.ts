import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rocAuc, rocCurve } from './roc';

/** pROC's aSAH data (113 patients), fixtures/README.md says where from. */
function aSAH(): { outcome: string; wfns: number; s100b: number; ndka: number }[] {
  const [header, ...lines] = readFileSync(join(__dirname, 'fixtures/aSAH.csv'), 'utf8')
    .trim()
    .split('\n');
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell]));
    return {
      outcome: cells.outcome,
      wfns: Number(cells.wfns),
      s100b: Number(cells.s100b),
      ndka: Number(cells.ndka),
    };
  });
}

describe('rocAuc reproduces pROC on its aSAH data (cases: outcome Poor)', () => {
  const patients = aSAH();
  const poor = patients.map((p) => (p.outcome === 'Poor' ? 1 : 0));

  it('has the 72 controls and 41 cases pROC reports', () => {
    expect(
      rocAuc(
        patients.map((p) => p.s100b),
        poor,
      ),
    ).toMatchObject({ positives: 41, negatives: 72 });
  });

  it.each([
    // pROC's test suite, tests/testthat/test-auc.R ("full auc works": wfns 0.823678861788618,
    // ndka 0.611957994579946) and helper-roc-expected.R (s100b auc = 0.73136856368563685), at
    // github.com/xrobin/pROC commit ee2877e; auc(aSAH$outcome, aSAH$s100b) prints 0.7314.
    ['s100b', 0.73136856368563685],
    ['wfns', 0.823678861788618],
    ['ndka', 0.611957994579946],
  ] as const)(
    'AUC of %s is %d (ties count one half: wfns has only 5 values)',
    (marker, expected) => {
      const result = rocAuc(
        patients.map((p) => p[marker]),
        poor,
      );
      expect(result.kind).toBe('auc');
      if (result.kind === 'auc') expect(result.auc).toBeCloseTo(expected, 14);
    },
  );

  it('walks the same ROC curve as pROC for s100b (its 51 sensitivity/specificity pairs)', () => {
    // helper-roc-expected.R, s100b "forward" "<" sensitivities and specificities, thresholds
    // ascending from -Inf. Our points go from the highest score down, so they come reversed.
    const sensitivities = [
      1, 0.97560975609756095, 0.97560975609756095, 0.97560975609756095, 0.97560975609756095,
      0.90243902439024393, 0.87804878048780488, 0.82926829268292679, 0.78048780487804881,
      0.75609756097560976, 0.73170731707317072, 0.68292682926829273, 0.65853658536585369,
      0.65853658536585369, 0.63414634146341464, 0.63414634146341464, 0.63414634146341464,
      0.63414634146341464, 0.6097560975609756, 0.58536585365853655, 0.58536585365853655,
      0.56097560975609762, 0.53658536585365857, 0.51219512195121952, 0.51219512195121952,
      0.48780487804878048, 0.46341463414634149, 0.43902439024390244, 0.43902439024390244,
      0.41463414634146339, 0.41463414634146339, 0.3902439024390244, 0.3902439024390244,
      0.34146341463414637, 0.34146341463414637, 0.34146341463414637, 0.34146341463414637,
      0.31707317073170732, 0.29268292682926828, 0.29268292682926828, 0.26829268292682928,
      0.24390243902439024, 0.21951219512195122, 0.1951219512195122, 0.14634146341463414,
      0.12195121951219512, 0.097560975609756101, 0.073170731707317069, 0.04878048780487805,
      0.024390243902439025, 0,
    ];
    const specificities = [
      0, 0, 0.069444444444444448, 0.1111111111111111, 0.1388888888888889, 0.22222222222222221,
      0.30555555555555558, 0.3888888888888889, 0.4861111111111111, 0.54166666666666663,
      0.54166666666666663, 0.58333333333333337, 0.63888888888888884, 0.69444444444444442,
      0.73611111111111116, 0.76388888888888884, 0.77777777777777779, 0.80555555555555558,
      0.80555555555555558, 0.80555555555555558, 0.81944444444444442, 0.81944444444444442,
      0.81944444444444442, 0.81944444444444442, 0.83333333333333337, 0.83333333333333337,
      0.84722222222222221, 0.86111111111111116, 0.875, 0.875, 0.88888888888888884,
      0.88888888888888884, 0.90277777777777779, 0.90277777777777779, 0.91666666666666663,
      0.93055555555555558, 0.95833333333333337, 0.97222222222222221, 0.97222222222222221, 1, 1, 1,
      1, 1, 1, 1, 1, 1, 1, 1, 1,
    ];
    const curve = rocCurve(
      patients.map((p) => p.s100b),
      poor,
    ).reverse();
    expect(curve).toHaveLength(51);
    curve.forEach((point, i) => {
      expect(point.truePositiveRate).toBeCloseTo(sensitivities[i], 14);
      expect(1 - point.falsePositiveRate).toBeCloseTo(specificities[i], 14);
    });
  });
});

describe('rocAuc on hand-computed examples', () => {
  it('counts a tied positive/negative pair as one half', () => {
    // Pairs: (0.9 vs 0.1) win, (0.9 vs 0.5) win, (0.5 vs 0.1) win, (0.5 vs 0.5) half -> 3.5 / 4.
    const result = rocAuc([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0]);
    expect(result).toEqual({ kind: 'auc', auc: 0.875, positives: 2, negatives: 2 });
  });

  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 when every score ties', () => {
    expect(rocAuc([3, 2, 1], [1, 0, 0])).toMatchObject({ auc: 1 });
    expect(rocAuc([1, 2, 3], [1, 0, 0])).toMatchObject({ auc: 0 });
    expect(rocAuc([7, 7, 7, 7], [1, 0, 1, 0])).toMatchObject({ auc: 0.5 });
  });

  it('equals the trapezoidal area under its own ROC curve', () => {
    const scores = [0.1, 0.4, 0.35, 0.8, 0.4, 0.7, 0.2, 0.9];
    const labels = [0, 0, 1, 1, 1, 0, 0, 1];
    const curve = rocCurve(scores, labels);
    let area = 0;
    for (let i = 1; i < curve.length; i++) {
      area +=
        ((curve[i].falsePositiveRate - curve[i - 1].falsePositiveRate) *
          (curve[i].truePositiveRate + curve[i - 1].truePositiveRate)) /
        2;
    }
    const result = rocAuc(scores, labels);
    expect(result.kind === 'auc' && result.auc).toBeCloseTo(area, 14);
    expect(curve[0]).toEqual({ threshold: Infinity, falsePositiveRate: 0, truePositiveRate: 0 });
    expect(curve[curve.length - 1]).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
  });

  it('says why when a class is missing instead of dividing by zero', () => {
    expect(rocAuc([0.2, 0.3], [0, 0])).toMatchObject({ kind: 'undefined', reason: 'no-positives' });
    expect(rocAuc([0.2, 0.3], [1, true])).toMatchObject({
      kind: 'undefined',
      reason: 'no-negatives',
    });
    expect(rocCurve([0.2, 0.3], [0, 0])).toEqual([]);
  });
});
