/**
 * Which controller method each OpenAPI operation documents, so the document can say what the
 * route's metadata says (roles, @Public, the If-Match it reads) instead of repeating it by hand.
 * Operation ids are `<Controller>_<method>` (set explicitly in createOpenApiDocument).
 */
import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

export interface RouteHandler {
  readonly controller: Type<unknown>;
  readonly methodKey: string;
  readonly handler: (...args: unknown[]) => unknown;
}

export function operationIdOf(controllerKey: string, methodKey: string): string {
  return `${controllerKey}_${methodKey}`;
}

/** Every controller method of the app by its operation id. */
export function routeHandlers(app: INestApplication): Map<string, RouteHandler> {
  const handlers = new Map<string, RouteHandler>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | undefined;
      if (!controller?.prototype) continue;
      for (const methodKey of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = Object.getOwnPropertyDescriptor(controller.prototype, methodKey)?.value;
        if (methodKey === 'constructor' || typeof handler !== 'function') continue;
        handlers.set(operationIdOf(controller.name, methodKey), {
          controller,
          methodKey,
          handler,
        });
      }
    }
  }
  return handlers;
}
