/**
 * A propensity model end to end, as the analytics service trains one per tenant and product (or
 * family): split customers into train and holdout by id, learn the feature encoding on the train
 * side only, fit the logistic regression, and report the holdout AUC with the model. Everything
 * in the result is plain JSON so a fit can be stored and versioned, then used to score.
 */
import {
  encode,
  FeatureEncoding,
  FeatureRecord,
  FeatureSpec,
  learnEncoding,
} from './feature-encoding';
import { holdoutSplit } from './holdout-split';
import {
  fitLogistic,
  LogisticCannotFit,
  LogisticFit,
  predictProbabilities,
} from './logistic-regression';
import { AucResult, rocAuc } from './roc';

export interface PropensityTrainingInput {
  /** One per customer, aligned with records and outcomes; decides the train/holdout side. */
  readonly ids: readonly string[];
  readonly records: readonly FeatureRecord[];
  /** 1 (or true) when the customer bought the product in the outcome window. */
  readonly outcomes: ArrayLike<number | boolean>;
  readonly features: readonly FeatureSpec[];
  readonly seed: number;
  /** Default 0.2. */
  readonly holdoutFraction?: number;
  /** Ridge penalty, default 0 (see fitLogistic). */
  readonly l2?: number;
}

export interface PropensityModel {
  readonly kind: 'fitted';
  readonly encoding: FeatureEncoding;
  readonly fit: LogisticFit;
  readonly train: { readonly observations: number; readonly positives: number };
  /** Holdout discrimination; 'undefined' with a reason when the holdout lacks a class. */
  readonly holdout: AucResult;
  readonly seed: number;
  readonly holdoutFraction: number;
}

export type PropensityTrainingResult =
  PropensityModel | (LogisticCannotFit & { readonly encoding: FeatureEncoding });

export function trainPropensityModel(input: PropensityTrainingInput): PropensityTrainingResult {
  const split = holdoutSplit(input.ids, {
    seed: input.seed,
    holdoutFraction: input.holdoutFraction,
  });
  const pick = <T>(rows: ArrayLike<T>, indices: readonly number[]) => indices.map((i) => rows[i]);
  const trainRecords = pick(input.records, split.train);
  const trainOutcomes = pick(input.outcomes, split.train);
  const encoding = learnEncoding(trainRecords, input.features);
  const fit = fitLogistic(encode(trainRecords, encoding), trainOutcomes, { l2: input.l2 });
  if (fit.kind === 'cannot-fit') return { ...fit, encoding };

  const holdoutScores = predictProbabilities(
    fit,
    encode(pick(input.records, split.holdout), encoding),
  );
  return {
    kind: 'fitted',
    encoding,
    fit,
    train: { observations: fit.observations, positives: fit.positives },
    holdout: rocAuc(holdoutScores, pick(input.outcomes, split.holdout)),
    seed: split.seed,
    holdoutFraction: split.holdoutFraction,
  };
}

/** P(buys) for each record under a trained model. */
export function scorePropensity(
  model: PropensityModel,
  records: readonly FeatureRecord[],
): Float64Array {
  return predictProbabilities(model.fit, encode(records, model.encoding));
}
