export const ROLES = [
  'admin',
  'sales-manager',
  'sales-rep',
  'marketer',
  'analyst',
  'integrator',
  'customer',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is calling, from the verified bearer token. The tenant is never taken from input. */
export interface AuthenticatedUser {
  readonly sub: string;
  readonly tenant: string;
  readonly roles: readonly Role[];
  /**
   * The `team` claim of a sales manager: the user ids (subs) of the people they lead. It scopes
   * the records the manager may change (record-access.ts); absent, the tenant is one team.
   */
  readonly team?: readonly string[];
}
