export * from './domain-error';
export * from './event-store';
export * from './decider';
export * from './testing';
