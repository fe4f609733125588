import type { Role } from '@crm/platform';

/** Employees who work with contacts day to day (everyone except customers and analysts). */
export const WRITERS: Role[] = ['admin', 'sales-manager', 'sales-rep', 'marketer', 'integrator'];
/** Every employee role may read; customers use /me instead. */
export const READERS: Role[] = [...WRITERS, 'analyst'];
/** Irreversible or bulk-destructive operations. */
export const MANAGERS: Role[] = ['admin', 'sales-manager'];
