export * from './readiness-checks';
export * from './database.indicator';
export * from './kafka.indicator';
export * from './health.controller';
export * from './projection-health';
