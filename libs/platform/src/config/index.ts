export * from './config';
export * from './platform-config';
export * from './service-config';
