/**
 * Record-level access: which records a caller may change, beyond the route's roles. The one
 * policy every service applies (README "Access"), through `resourceCommands`' `access` option or
 * `requireRecordAccess` where a command does not go through it:
 *
 * - admin, integrator and marketer act on every record of the tenant their route allows
 *   (integrations and marketing own no records; their routes are narrow);
 * - sales-manager: records owned by or assigned to them or a member of their `team` claim; a
 *   token without the claim manages the whole tenant (one team);
 * - sales-rep: records they own or are assigned to;
 * - a record nobody owns (a web-form lead, an unassigned contact) is the pool: every seller may
 *   act on it, e.g. work the lead and so take it.
 *
 * Roles add up: any role of the caller that allows the change is enough. Reads are not limited
 * here: every employee role reads the tenant's records.
 */
import type { AuthenticatedUser } from './user';
import { RecordAccessErrors } from './record-access.errors';

/** Who holds a record: its owner, its assignee; undefined or '' entries are ignored. */
export type RecordHolders = readonly (string | null | undefined)[];

/** Whether `user` may change a record held by `holders` (see the policy above). */
export function mayChangeRecord(user: AuthenticatedUser, holders: RecordHolders): boolean {
  const held = holders.filter((h): h is string => typeof h === 'string' && h !== '');
  return user.roles.some((role) => {
    switch (role) {
      case 'admin':
      case 'integrator':
      case 'marketer':
        return true;
      case 'sales-manager':
        return (
          held.length === 0 ||
          user.team === undefined ||
          held.some((h) => h === user.sub || user.team!.includes(h))
        );
      case 'sales-rep':
        return held.length === 0 || held.includes(user.sub);
      default:
        return false;
    }
  });
}

/** Throws the 403 NotYourRecord problem (naming `record`, e.g. 'opportunity') unless allowed. */
export function requireRecordAccess(
  user: AuthenticatedUser,
  record: string,
  holders: RecordHolders,
): void {
  if (!mayChangeRecord(user, holders)) throw RecordAccessErrors.notYourRecord(record);
}
