export * from './given-when-then';
export * from './recorded-event';
