export * from './problem';
export * from './validation';
export * from './domain-error-problem';
export * from './problem.filter';
