export * from './bulk-import-store';
export * from './count-records';
export * from './file-hash';
export * from './json-records';
export * from './upload-progress';
export * from './keyed-scheduler';
export * from './upload-body';
export * from './import-cli-args';
