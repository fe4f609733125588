export * from './etag';
