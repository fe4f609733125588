export * from './upcasters';
export * from './with-upcasters';
