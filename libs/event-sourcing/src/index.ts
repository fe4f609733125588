export * from './domain-error';
export * from './event-store';
export * from './decider';
export * from './testing';
export * from './postgres';
export * from './command';
export * from './upcasting';
export * from './crypto-shredding';
