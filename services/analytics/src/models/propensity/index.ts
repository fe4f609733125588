/** The propensity model maths the analytics service uses (see README.md in this folder). */
export * from './feature-encoding';
export * from './holdout-split';
export * from './logistic-regression';
export * from './propensity-model';
export * from './roc';
