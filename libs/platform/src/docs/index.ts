export * from './problem-details.schema';
export * from './openapi';
