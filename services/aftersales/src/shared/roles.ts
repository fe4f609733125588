/**
 * Who may call what in after-sales: service agents are the sales roles and admins (the CRM has
 * no separate agent role yet); analysts and integrators read; customers only reach /me.
 */
import type { Role } from '@crm/platform';

/** Work cases and assets. */
export const AGENTS = [
  'admin',
  'sales-manager',
  'sales-rep',
  'integrator',
] as const satisfies readonly Role[];
/** Set warranty terms and SLA settings. */
export const MANAGERS = ['admin', 'sales-manager'] as const satisfies readonly Role[];
/** Everyone who may look at assets and cases. */
export const READERS = [...AGENTS, 'analyst', 'marketer'] as const satisfies readonly Role[];
