export * from './etag';
export * from './drain-connections';
export * from './storable-text';
export * from './reject-unstorable-input';
