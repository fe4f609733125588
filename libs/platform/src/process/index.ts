export * from './deterministic-id';
export * from './process-plan';
export * from './process-store';
export * from './process-runner';
export * from './process-monitor';
