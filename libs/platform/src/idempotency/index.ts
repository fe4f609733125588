export * from './request-hash';
export * from './idempotency.store';
export * from './idempotency.interceptor';
