/** The RFM maths the analytics service uses (see README.md in this folder). */
export * from './rfm-scores';
export * from './rfm-segments';
export * from './segment-transitions';
