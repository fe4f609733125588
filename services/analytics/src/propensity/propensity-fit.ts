/**
 * One propensity fit as model_fits stores it (kind `propensity:<family>`): the model of
 * ../models/propensity trained on a training set, or `insufficient-data` saying why. Pure; the
 * job does the I/O. Everything is JSON, so a stored fit scores later with the same encoding.
 */
import {
  scorePropensity,
  trainPropensityModel,
  type FeatureRecord,
  type PropensityModel,
} from '../models/propensity';
import { propensityFeatureSpecs, tooLittleData, type TrainingSet } from './propensity-features';

export const PROPENSITY_KIND_PREFIX = 'propensity:';
export const propensityKind = (family: string) => `${PROPENSITY_KIND_PREFIX}${family}`;

/** Fixed, so a refit keeps last time's holdout customers out of training (holdout-split.ts). */
export const HOLDOUT_SEED = 16;

export interface PropensitySettings {
  readonly family: string;
  readonly windowDays: number;
  readonly cutoff: string;
  readonly l2: number;
  /** Every family the tenant sells at fit time: the holdings columns. */
  readonly families: readonly string[];
}

export interface PropensityParameters extends PropensitySettings {
  readonly model: PropensityModel;
}

export interface PropensityQuality {
  readonly n: number;
  readonly positives: number;
  readonly holdout: {
    readonly n: number;
    readonly positives: number;
    readonly auc: number | null;
    readonly reason?: string;
  } | null;
  readonly logLikelihood: number | null;
  readonly converged: boolean | null;
  readonly iterations: number | null;
}

export interface PropensityFit {
  readonly status: 'fitted' | 'insufficient-data';
  readonly reason: string | null;
  readonly parameters: PropensityParameters | null;
  readonly quality: PropensityQuality;
}

export function fitPropensity(set: TrainingSet, settings: PropensitySettings): PropensityFit {
  const unfit = (reason: string): PropensityFit => ({
    status: 'insufficient-data',
    reason,
    parameters: null,
    quality: {
      n: set.outcomes.length,
      positives: set.positives,
      holdout: null,
      logLikelihood: null,
      converged: null,
      iterations: null,
    },
  });
  const tooLittle = tooLittleData(set, settings.family);
  if (tooLittle) return unfit(tooLittle);

  const result = trainPropensityModel({
    ids: set.ids,
    records: set.records,
    outcomes: set.outcomes,
    features: propensityFeatureSpecs(settings.families),
    seed: HOLDOUT_SEED,
    l2: settings.l2,
  });
  if (result.kind === 'cannot-fit') return unfit(`${result.reason}: ${result.detail}`);
  const h = result.holdout;
  return {
    status: 'fitted',
    reason: result.fit.converged
      ? null
      : `did not converge in ${result.fit.iterations} iterations: the coefficients are where IRLS stopped`,
    parameters: { ...settings, model: result },
    quality: {
      n: set.outcomes.length,
      positives: set.positives,
      holdout: {
        n: h.positives + h.negatives,
        positives: h.positives,
        auc: h.kind === 'auc' ? h.auc : null,
        ...(h.kind === 'auc' ? {} : { reason: h.reason }),
      },
      logLikelihood: result.fit.logLikelihood,
      converged: result.fit.converged,
      iterations: result.fit.iterations,
    },
  };
}

/** P(buys in the window) per record under a stored fit. */
export function scoreWith(
  parameters: PropensityParameters,
  records: readonly FeatureRecord[],
): Float64Array {
  return scorePropensity(parameters.model, records);
}
