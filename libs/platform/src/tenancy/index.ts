export * from './tenant-setting';
export * from './row-level-security';
export * from './tenant-pool';
export * from './connected-role';
export * from './row-level-security.service';
export * from './with-row-level-security';
