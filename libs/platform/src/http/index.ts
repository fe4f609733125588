export * from './etag';
export * from './drain-connections';
