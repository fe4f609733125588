/**
 * The methods the router takes on a request's path, asked of Fastify's own router, so a known
 * path with a wrong method can be told apart from an unknown path (405 with Allow, RFC 9110
 * 15.5.6, instead of 404).
 */
import type { FastifyRequest } from 'fastify';

// OPTIONS is left out: CORS answers it on every path (`OPTIONS *`), known or not.
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods other than the request's own that a route takes on its path; [] for none. */
export function allowedMethods(request: FastifyRequest): string[] {
  const path = request.url.split('?')[0]!;
  return METHODS.filter(
    (method) => method !== request.method && request.server.findRoute({ method, url: path }),
  );
}
