/**
 * `Idempotency-Key` on POST: the first request with a key runs and its response is stored; a
 * retry with the same key and body gets the stored response (`Idempotent-Replayed: true`);
 * the same key with another body is 422; a retry while the first is still running is 409.
 * Failed requests are not stored, so the client may retry them with the same key.
 */
import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import type { AuthenticatedUser } from '../auth/user';
import { ProblemException } from '../errors/problem';
import { IdempotencyStore } from './idempotency.store';
import { requestHash } from './request-hash';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';
/** Headers worth replaying; others (date, request id) belong to the new response. */
const STORED_HEADERS = ['content-type', 'location', 'etag', 'content-location'];
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,255}$/;

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (request.method !== 'POST' || header === undefined) return next.handle();

    const key = Array.isArray(header) ? header[0] : header;
    if (!ACCEPTABLE_KEY.test(key)) {
      return throwError(() =>
        ProblemException.of(
          400,
          'InvalidIdempotencyKey',
          'Idempotency-Key must be 1 to 255 visible ASCII characters',
        ),
      );
    }
    // Keys are scoped by tenant: two tenants may pick the same key. Public routes share one scope.
    const tenant = request.user?.tenant ?? '';
    const hash = requestHash(request.method, request.url, request.body);

    return from(this.store.claim(tenant, key, hash)).pipe(
      mergeMap((claim) => {
        switch (claim.outcome) {
          case 'mismatch':
            return throwError(() =>
              ProblemException.of(
                422,
                'IdempotencyKeyReused',
                'This Idempotency-Key was already used with a different request',
              ),
            );
          case 'in-flight':
            return throwError(() =>
              ProblemException.of(
                409,
                'IdempotentRequestInProgress',
                'A request with this Idempotency-Key is still being processed; retry later',
              ),
            );
          case 'replay': {
            void reply.status(claim.response.status);
            for (const [name, value] of Object.entries(claim.response.headers))
              void reply.header(name, value);
            void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
            return of(claim.response.body ?? undefined);
          }
          case 'claimed':
            return next.handle().pipe(
              mergeMap(async (body) => {
                await this.store.complete(tenant, key, {
                  status: reply.statusCode,
                  headers: storedHeaders(reply),
                  body,
                });
                return body;
              }),
              catchError((error) =>
                from(this.store.release(tenant, key).catch(() => undefined)).pipe(
                  mergeMap(() => throwError(() => error)),
                ),
              ),
            );
        }
      }),
    );
  }
}

function storedHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  return headers;
}
