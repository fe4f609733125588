/**
 * Area under the ROC curve as the Mann-Whitney statistic: the probability that a random positive
 * scores above a random negative, ties counting one half (Hanley & McNeil 1982, Radiology
 * 143:29; Bamber 1975). It equals the trapezoidal area under the empirical ROC curve, which is
 * what pROC's auc() reports. Higher scores mean "more likely positive"; unlike pROC, the direction
 * is never flipped to make the AUC exceed 0.5, since a propensity model's direction is known.
 */

export interface RocPoint {
  /** Rows scoring at or above this count as positive. */
  readonly threshold: number;
  /** 1 - specificity. */
  readonly falsePositiveRate: number;
  /** Sensitivity. */
  readonly truePositiveRate: number;
}

export type AucResult =
  | {
      readonly kind: 'auc';
      readonly auc: number;
      readonly positives: number;
      readonly negatives: number;
    }
  | {
      readonly kind: 'undefined';
      readonly reason: 'no-positives' | 'no-negatives' | 'invalid-input';
      readonly positives: number;
      readonly negatives: number;
    };

/** Row indices ordered by score, descending; ties keep input order so the result is stable. */
function byScoreDescending(scores: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(scores.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => scores[b] - scores[a] || a - b);
}

function counts(labels: ArrayLike<number | boolean>): { positives: number; negatives: number } {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1 || labels[i] === true) positives++;
  return { positives, negatives: labels.length - positives };
}

/** O(n log n): walks the rows from the highest score, one group of tied scores at a time. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number | boolean>): AucResult {
  const { positives, negatives } = counts(labels);
  if (scores.length !== labels.length) {
    return { kind: 'undefined', reason: 'invalid-input', positives, negatives };
  }
  for (let i = 0; i < scores.length; i++) {
    if (Number.isNaN(scores[i]))
      return { kind: 'undefined', reason: 'invalid-input', positives, negatives };
  }
  if (positives === 0) return { kind: 'undefined', reason: 'no-positives', positives, negatives };
  if (negatives === 0) return { kind: 'undefined', reason: 'no-negatives', positives, negatives };

  const order = byScoreDescending(scores);
  // Pairs (positive, negative) with the positive above, plus half of the tied ones.
  let wins = 0;
  let positivesAbove = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    let tiedPositives = 0;
    while (end < order.length && scores[order[end]] === scores[order[start]]) {
      const label = labels[order[end]];
      if (label === 1 || label === true) tiedPositives++;
      end++;
    }
    const tiedNegatives = end - start - tiedPositives;
    wins += tiedNegatives * (positivesAbove + tiedPositives / 2);
    positivesAbove += tiedPositives;
    start = end;
  }
  return { kind: 'auc', auc: wins / (positives * negatives), positives, negatives };
}

/**
 * The empirical ROC curve: (0, 0), then one point per distinct score from the highest down, so
 * tied scores make one diagonal step; it ends at (1, 1). Empty when either class is missing.
 */
export function rocCurve(
  scores: ArrayLike<number>,
  labels: ArrayLike<number | boolean>,
): RocPoint[] {
  const { positives, negatives } = counts(labels);
  if (positives === 0 || negatives === 0 || scores.length !== labels.length) return [];
  const order = byScoreDescending(scores);
  const points: RocPoint[] = [{ threshold: Infinity, falsePositiveRate: 0, truePositiveRate: 0 }];
  let truePositives = 0;
  let falsePositives = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end < order.length && scores[order[end]] === scores[order[start]]) {
      const label = labels[order[end]];
      if (label === 1 || label === true) truePositives++;
      else falsePositives++;
      end++;
    }
    points.push({
      threshold: scores[order[start]],
      falsePositiveRate: falsePositives / negatives,
      truePositiveRate: truePositives / positives,
    });
    start = end;
  }
  return points;
}
