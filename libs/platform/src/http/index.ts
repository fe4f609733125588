export * from './etag';
export * from './command-answer';
export * from './drain-connections';
export * from './storable-text';
export * from './reject-unstorable-input';
export * from './resource-commands';
export * from './signed-cursor';
export * from './cors';
