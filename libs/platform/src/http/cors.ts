/**
 * CORS for browser front ends, the same for every service (createServiceApp applies it). Only
 * the configured origins get CORS headers; any other origin gets none, so the browser keeps the
 * response from the page. Preflights are answered 204 in the first request hook, before the
 * auth guard and the hostile-input hook could refuse them (a preflight carries no token).
 */
import type { FastifyCorsOptions } from '@fastify/cors';
import type { CorsConfig } from '../config/platform-config';
import { READ_YOUR_WRITES_HEADER } from '../event-sourcing/read-your-writes';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAYED_HEADER,
} from '../idempotency/idempotency.interceptor';
import { REQUEST_ID_HEADER } from '../logging/request-context';

export const CORS_ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'If-Match',
  'If-None-Match',
  IDEMPOTENCY_KEY_HEADER,
  REQUEST_ID_HEADER,
];
/** The response headers a page may read: concurrency, idempotency, read-your-writes, tracing. */
export const CORS_EXPOSED_HEADERS = [
  'ETag',
  'Location',
  IDEMPOTENT_REPLAYED_HEADER,
  READ_YOUR_WRITES_HEADER,
  REQUEST_ID_HEADER,
];

export function corsOptions(config: CorsConfig): FastifyCorsOptions {
  const anyOrigin = config.origins.includes('*');
  const allowed = new Set(config.origins);
  return {
    // A function, not the list: @fastify/cors would still send the other CORS headers to an
    // origin the list does not hold; `false` sends none.
    origin: anyOrigin ? '*' : (origin, done) => done(null, !!origin && allowed.has(origin)),
    credentials: config.credentials,
    methods: CORS_ALLOWED_METHODS,
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: 600,
  };
}
