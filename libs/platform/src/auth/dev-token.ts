/**
 * Development tokens (HS256), for `npm run token` and for tests. Production tokens come from the
 * identity provider and are verified via JWKS.
 */
import { SignJWT } from 'jose';
import type { Role } from './user';

/** Same default as `npm start` (deploy/local/start.ts) so a minted token works out of the box. */
export const DEV_JWT_SECRET = 'dev-only-secret-change-me-0123456789abcdef';

export interface DevTokenOptions {
  readonly tenant: string;
  readonly roles: readonly Role[];
  readonly sub?: string;
  /** A sales manager's team: the subs of the people they lead (the `team` claim). */
  readonly team?: readonly string[];
  /** Defaults to JWT_SECRET, else DEV_JWT_SECRET. */
  readonly secret?: string;
  /** jose time span (`'1h'`, `'8h'`) or seconds since epoch. */
  readonly expiresIn?: string | number;
  readonly issuer?: string;
  readonly audience?: string;
}

export async function mintDevToken(options: DevTokenOptions): Promise<string> {
  const secret = options.secret ?? process.env.JWT_SECRET ?? DEV_JWT_SECRET;
  let jwt = new SignJWT({
    tenant: options.tenant,
    roles: [...options.roles],
    ...(options.team ? { team: [...options.team] } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.sub ?? 'dev-user')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '1h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
