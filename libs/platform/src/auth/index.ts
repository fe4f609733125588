export * from './user';
export * from './decorators';
export * from './token-verifier';
export * from './auth.guard';
export * from './dev-token';
export * from './record-access';
export * from './record-access.errors';
