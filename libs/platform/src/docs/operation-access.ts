/**
 * Who may call each operation, from the same metadata the AuthGuard reads: `@Public()` routes
 * need no token (`security: []`, no 401/403), the others list their `@Roles` as `x-roles` and in
 * a line of the description, so a client team sees the access rule where it reads the operation.
 */
import { Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { IS_PUBLIC_KEY, ROLES_KEY } from '../auth/decorators';
import type { Role } from '../auth/user';
import { eachOperation } from './each-operation';
import type { RouteHandler } from './route-handlers';

export const ROLES_EXTENSION = 'x-roles';

export function describeOperationAccess(
  document: OpenAPIObject,
  handlers: ReadonlyMap<string, RouteHandler>,
): OpenAPIObject {
  const reflector = new Reflector();
  for (const { operation } of eachOperation(document)) {
    const route = operation.operationId ? handlers.get(operation.operationId) : undefined;
    if (!route) continue;
    const targets = [route.handler, route.controller];
    if (reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) {
      operation.security = [];
      delete operation.responses['401'];
      delete operation.responses['403'];
      continue;
    }
    const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    Object.assign(operation, { [ROLES_EXTENSION]: roles });
    const line = roles.length
      ? `Roles: ${roles.join(', ')}.`
      : 'Roles: none declared, so every caller is refused (403).';
    operation.description = operation.description ? `${operation.description}\n\n${line}` : line;
  }
  return document;
}
