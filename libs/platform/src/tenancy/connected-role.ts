/**
 * A superuser or a BYPASSRLS role is exempt from row-level security: the tenant policies would
 * be inert. Said once at start-up, so a deployment on the wrong role is visible in the logs.
 */
import type { Queryable } from './queryable';

export interface ConnectedRole {
  readonly name: string;
  readonly superuser: boolean;
  readonly bypassesRowLevelSecurity: boolean;
}

export async function connectedRole(db: Queryable): Promise<ConnectedRole> {
  const { rows } = await db.query<{ name: string; rolsuper: boolean; rolbypassrls: boolean }>(
    `SELECT rolname AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
  );
  const row = rows[0]!;
  return { name: row.name, superuser: row.rolsuper, bypassesRowLevelSecurity: row.rolbypassrls };
}

/** The warning to log, or undefined when row-level security applies to this role. */
export function roleWarning(role: ConnectedRole): string | undefined {
  if (!role.superuser && !role.bypassesRowLevelSecurity) return undefined;
  const why = role.superuser ? 'a superuser' : 'BYPASSRLS';
  return `connected as "${role.name}", which is ${why}: row-level security does not apply to it; connect as a role without SUPERUSER and BYPASSRLS (libs/platform/src/tenancy/README.md)`;
}
