/**
 * Two things about queries whose read model is not ready:
 * - with `gateAllQueries`, every GET (outside /health, /metrics, /docs) answers 503 while any
 *   read model is not built or is being rebuilt, rather than serving half a table as the truth;
 * - any 503 problem that carries `retryAfterSeconds` (also one a query handler raised through
 *   `ReadModels.assertReady(name)`) gets the Retry-After header that clients and proxies read.
 */
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, switchMap, throwError, type Observable } from 'rxjs';
import { ProblemException } from '../errors/problem';
import type { EventSourcingModuleOptions } from './event-sourcing-options';
import { ReadModels } from './read-models';
import { EVENT_SOURCING_OPTIONS } from './tokens';

const PLATFORM_PATHS = /^\/(health|metrics|docs)/;

@Injectable()
export class ReadModelReadyInterceptor implements NestInterceptor {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingModuleOptions,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const gated =
      this.options.gateAllQueries === true &&
      request.method === 'GET' &&
      !PLATFORM_PATHS.test(request.url);
    const handled = gated
      ? from(this.readModels.assertReady()).pipe(switchMap(() => next.handle()))
      : next.handle();
    return handled.pipe(
      catchError((error: unknown) => {
        const seconds = retryAfterSeconds(error);
        if (seconds !== undefined) void reply.header('retry-after', String(seconds));
        return throwError(() => error);
      }),
    );
  }
}

function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof ProblemException) || error.problem.status !== 503) return undefined;
  const seconds = error.problem.retryAfterSeconds;
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= 0
    ? seconds
    : undefined;
}
