import {
  createParamDecorator,
  SetMetadata,
  UnauthorizedException,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandCaller } from '../event-sourcing/aggregate-commands';
import { ifMatchPrecondition, parseIfMatch } from '../http/etag';
import { PUBLIC_ROUTE_KEY } from '@crm/contracts';
import type { Role, AuthenticatedUser } from './user';

/** The contracts' key, so libs below the platform (messaging's /asyncapi.json) can set it too. */
export const IS_PUBLIC_KEY = PUBLIC_ROUTE_KEY;
export const ROLES_KEY = 'crm:roles';

/** No token needed (health, metrics, docs, webhooks with their own signature check). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

/** The caller needs at least one of these roles. A route without it (and not @Public) is refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

function userOf(ctx: ExecutionContext): AuthenticatedUser {
  const user = ctx.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
  // Only reachable when a @Public() route asks for the caller: a programming error, but never
  // a reason to proceed without a tenant.
  if (!user) throw new UnauthorizedException('This operation needs an authenticated caller');
  return user;
}

/** The tenant id from the verified token; never from the body, query or path. */
export const Tenant = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string => userOf(ctx).tenant,
);

/** `{ sub, tenant, roles }` of the verified token. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser => userOf(ctx),
);

export interface CallerOptions {
  /**
   * false: the command names no version of one resource the client has seen (rows of an import,
   * a catalogue, several streams at once), so If-Match is not read. Default true.
   */
  readonly ifMatch?: boolean;
}

/**
 * Who issues a command and on which version of the resource: `{ tenant, actor, expectedVersion }`
 * from the verified token (actor = `sub`, `user` for record-level access) and If-Match (absent: none; one version: expectedVersion;
 * `*`, a list or weak tags only: `ifMatch`, checked on the version read; malformed: 400 problem).
 * Hand it to `AggregateCommands.execute` as it is.
 */
export const Caller = createParamDecorator(callerOfRequest);

/** Caller's factory, named so the OpenAPI document can tell which routes read If-Match. */
export function callerOfRequest(
  options: CallerOptions | undefined,
  ctx: ExecutionContext,
): CommandCaller {
  const user = userOf(ctx);
  const { tenant, sub } = user;
  if (options?.ifMatch === false) return { tenant, actor: sub, user };
  const ifMatch = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
  return { tenant, actor: sub, user, ...ifMatchPrecondition(parseIfMatch(ifMatch)) };
}
