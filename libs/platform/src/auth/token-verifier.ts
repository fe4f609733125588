/**
 * Bearer token verification with jose: HS256 with a shared secret in development, RS256 against
 * the identity provider's JWKS in production (keys fetched and cached by jose, rotated by `kid`).
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { JwtConfig } from '../config/platform-config';
import { isRole, type AuthenticatedUser } from './user';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

export interface TokenVerifier {
  /** Resolves the caller, or rejects with InvalidTokenError. */
  verify(token: string): Promise<AuthenticatedUser>;
}

export class InvalidTokenError extends Error {
  constructor(
    message: string,
    readonly expired = false,
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

export function createTokenVerifier(config: JwtConfig): TokenVerifier {
  const options: JWTVerifyOptions = {
    algorithms: [config.algorithm],
    issuer: config.issuer,
    audience: config.audience,
    requiredClaims: ['sub', 'exp'],
  };
  const key =
    config.algorithm === 'HS256'
      ? new TextEncoder().encode(config.secret)
      : createRemoteJWKSet(new URL(config.jwksUrl));
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        // Two call shapes because jose types a secret and a key set differently.
        payload =
          key instanceof Uint8Array
            ? (await jwtVerify(token, key, options)).payload
            : (await jwtVerify(token, key, options)).payload;
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw new InvalidTokenError(
          code === 'ERR_JWT_EXPIRED'
            ? 'The bearer token has expired'
            : 'The bearer token is invalid',
          code === 'ERR_JWT_EXPIRED',
        );
      }
      return userFromClaims(payload);
    },
  };
}

export function userFromClaims(payload: JWTPayload): AuthenticatedUser {
  const { sub, tenant, roles, team } = payload as JWTPayload & {
    tenant?: unknown;
    roles?: unknown;
    team?: unknown;
  };
  if (typeof sub !== 'string' || !sub)
    throw new InvalidTokenError('The bearer token has no subject');
  if (typeof tenant !== 'string' || !tenant) {
    throw new InvalidTokenError('The bearer token has no tenant claim');
  }
  if (roles !== undefined && !Array.isArray(roles)) {
    throw new InvalidTokenError('The roles claim of the bearer token must be an array');
  }
  if (team !== undefined && !(Array.isArray(team) && team.every((m) => typeof m === 'string'))) {
    throw new InvalidTokenError('The team claim of the bearer token must be an array of user ids');
  }
  // Roles this platform does not know grant nothing; they are dropped rather than rejected so an
  // identity provider can carry roles for other systems in the same token.
  return {
    sub,
    tenant,
    roles: (roles ?? []).filter(isRole),
    ...(team !== undefined ? { team: team as string[] } : {}),
  };
}
