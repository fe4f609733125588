/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), and names the
 * roles it serves with @Roles(). 401 says "who are you?", 403 says "you may not".
 *
 * Deny by default: a route with neither @Roles nor @Public answers 403 to every caller. Letting
 * it through to "any authenticated role" handed tenant-wide data to the `customer` role (issue
 * 12); refusing only customers would still leave a forgotten route open to every employee and
 * hide the omission. Refusing everyone makes a forgotten declaration fail the first test that
 * calls the route, and the services' role-matrix e2e walks every OpenAPI operation.
 */
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../errors/problem';
import { IS_PUBLIC_KEY, ROLES_KEY } from './decorators';
import { InvalidTokenError, TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';
import type { AuthenticatedUser, Role } from './user';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const reply = http.getResponse<FastifyReply>();
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      void reply.header('www-authenticate', 'Bearer');
      throw ProblemException.of(401, 'Unauthenticated', 'A bearer token is required');
    }
    try {
      request.user = await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      void reply.header('www-authenticate', 'Bearer error="invalid_token"');
      throw ProblemException.of(401, 'InvalidToken', error.message);
    }

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!required?.length)
      throw ProblemException.of(403, 'RolesUndeclared', 'This route serves no role');
    if (!required.some((role) => request.user!.roles.includes(role))) {
      throw ProblemException.of(
        403,
        'MissingRole',
        `Requires one of the roles: ${required.join(', ')}`,
        {
          requiredRoles: required,
        },
      );
    }
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}
