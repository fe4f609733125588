/**
 * Per-request context reachable from any depth (command handlers put the correlation id and the
 * actor into event metadata) without threading the request through every call.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import {
  createParamDecorator,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import type { AuthenticatedUser } from '../auth/user';

export const REQUEST_ID_HEADER = 'x-request-id';

export interface RequestContext {
  readonly correlationId: string;
  readonly user?: AuthenticatedUser;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** Runs `fn` with a context, e.g. a Kafka consumer handling one message. */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

// A caller's id is echoed into logs and headers: accept only a short token-like value.
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify `genReqId`: the caller's `x-request-id` when sane, else a fresh UUID. */
export function requestIdFor(request: {
  headers: Record<string, string | string[] | undefined>;
}): string {
  const header = request.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && ACCEPTABLE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** The request's correlation id (from `x-request-id` or generated). */
export const CorrelationId = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): string =>
    ctx.switchToHttp().getRequest<FastifyRequest>().id,
);

/**
 * Runs pipes and the handler inside the request's AsyncLocalStorage context. An interceptor
 * rather than a Fastify hook: body parsing resumes on stream callbacks that would lose a context
 * entered earlier.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const store: RequestContext = { correlationId: request.id, user: request.user };
    return new Observable((subscriber) =>
      storage.run(store, () => next.handle().subscribe(subscriber)),
    );
  }
}
