/**
 * Who may call what in campaigns: marketers shape segments (and, in part 2, campaigns); analysts
 * and the sales roles read them. The matrix is in README.md, "Access".
 */
import type { Role } from '@crm/platform';

/** Build and change segments. */
export const MARKETERS = ['admin', 'marketer'] as const satisfies readonly Role[];
/** Everyone who may look at segments and who is in them. */
export const READERS = [
  ...MARKETERS,
  'analyst',
  'sales-manager',
  'sales-rep',
  'integrator',
] as const satisfies readonly Role[];
