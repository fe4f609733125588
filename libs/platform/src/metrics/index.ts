export * from './http-metrics';
export * from './metrics.controller';
