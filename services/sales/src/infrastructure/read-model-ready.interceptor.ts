/**
 * Queries (GET) of the sales API answer 503 problem+json while the read models are being built
 * or rebuilt, instead of serving a half-filled table as if it were the truth.
 */
import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, switchMap, type Observable } from 'rxjs';
import { ReadModels } from './read-models';

const PLATFORM_PATHS = /^\/(health|metrics|docs)/;

@Injectable()
export class ReadModelReadyInterceptor implements NestInterceptor {
  constructor(private readonly readModels: ReadModels) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method !== 'GET' || PLATFORM_PATHS.test(request.url)) return next.handle();
    return from(this.readModels.assertReady()).pipe(switchMap(() => next.handle()));
  }
}
