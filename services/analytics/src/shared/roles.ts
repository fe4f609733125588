/**
 * Who may read analytics: the people who look at reports. Analytics takes no writes from HTTP
 * (its tables come from the other services' events); a customer reads nothing here.
 */
import type { Role } from '@crm/platform';

/** Read reports and customer summaries. */
export const REPORT_READERS = [
  'admin',
  'analyst',
  'sales-manager',
  'marketer',
] as const satisfies readonly Role[];
