/** The demand-forecast maths a service uses; see README.md in this folder. */
export * from './backtest';
export * from './demand-forecast';
export * from './holt-winters';
export * from './model-selection';
export * from './monthly-series';
export * from './price-bands';
