/**
 * `@crm/platform/testing`: what services' tests use from the platform, kept out of the
 * production entry (`@crm/platform`) so no production import can reach it. Lint enforces that.
 */
export * from './start-test-service-app';
export * from './error-catalogue-audit';
export * from './http-test-app';
export * from './openapi/openapi-test-client';
export * from './system/service-process';
export * from './system/service-client';
export * from './system/running-crm';
