/**
 * Who may call what in contacts: the one place its controllers take role lists from (the matrix
 * is in README.md, "Access"). `customer` is in none: customers reach only /me (the touchpoint).
 */
import type { Role } from '@crm/platform';

/** Employees who work with contacts day to day (everyone except customers and analysts). */
export const WRITERS: Role[] = ['admin', 'sales-manager', 'sales-rep', 'marketer', 'integrator'];
/** Every employee role may read; customers use /me instead. */
export const READERS: Role[] = [...WRITERS, 'analyst'];
/** Irreversible or bulk operations: erase, merge, GDPR export and the bulk export. */
export const MANAGERS: Role[] = ['admin', 'sales-manager'];
