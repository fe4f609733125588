/** The lifetime-value model maths (BG/NBD, Gamma-Gamma, CLV, calibration/holdout), for the service. */
export * from './types';
export * from './bg-nbd';
export * from './gamma-gamma';
export * from './lifetime-value';
export * from './purchase-summaries';
export * from './calibration-holdout';
