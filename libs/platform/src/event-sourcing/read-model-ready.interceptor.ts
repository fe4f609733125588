/**
 * With `gateAllQueries`, every GET (outside /health, /metrics, /docs and routes marked
 * `@ServesDuringRebuild()`) answers 503 while any read model is not built or is being rebuilt,
 * rather than serving half a table as the truth.
 * Every request also gets a read-your-writes slot: a command whose write the read models do not
 * show answers with the `Read-Your-Writes` header (read-your-writes.ts).
 */
import {
  Inject,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, Observable, switchMap, tap } from 'rxjs';
import type { EventSourcingModuleOptions } from './event-sourcing-options';
import { ReadModels } from './read-models';
import { collectReadYourWrites, READ_YOUR_WRITES_HEADER } from './read-your-writes';
import { EVENT_SOURCING_OPTIONS } from './tokens';

const PLATFORM_PATHS = /^\/(health|metrics|docs)/;
const SERVES_DURING_REBUILD = 'crm:serves-during-rebuild';

/**
 * A GET that must answer while read models rebuild: it reads none of them, or answers sensibly
 * without them (a tracking redirect whose target is in its signed token must never 503).
 */
export const ServesDuringRebuild = () => SetMetadata(SERVES_DURING_REBUILD, true);

@Injectable()
export class ReadModelReadyInterceptor implements NestInterceptor {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(EVENT_SOURCING_OPTIONS) private readonly options: EventSourcingModuleOptions,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const gated =
      this.options.gateAllQueries === true &&
      request.method === 'GET' &&
      !PLATFORM_PATHS.test(request.url) &&
      !this.reflector.getAllAndOverride<boolean>(SERVES_DURING_REBUILD, [
        context.getHandler(),
        context.getClass(),
      ]);
    const reply = http.getResponse<FastifyReply>();
    // next.handle() binds the handler to the async context it is called in: call it in the slot's.
    return new Observable((subscriber) =>
      collectReadYourWrites((slot) =>
        (gated
          ? from(this.readModels.assertReady()).pipe(switchMap(() => next.handle()))
          : next.handle()
        )
          .pipe(
            tap(() => {
              if (slot.outcome) void reply.header(READ_YOUR_WRITES_HEADER, slot.outcome);
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}
