/**
 * With `gateAllQueries`, every GET (outside /health, /metrics, /docs) answers 503 while any read
 * model is not built or is being rebuilt, rather than serving half a table as the truth.
 */
import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, switchMap, type Observable } from 'rxjs';
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
    const gated =
      this.options.gateAllQueries === true &&
      request.method === 'GET' &&
      !PLATFORM_PATHS.test(request.url);
    return gated
      ? from(this.readModels.assertReady()).pipe(switchMap(() => next.handle()))
      : next.handle();
  }
}
