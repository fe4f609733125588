/**
 * Conditional GET for every route at once (RFC 9110 13.1.2, 15.4.5): a GET or HEAD whose
 * If-None-Match is `*` or names the ETag of the 200 about to be sent answers 304 with that ETag
 * and no body, so a client revalidating its copy downloads nothing. Routes only set the ETag.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export function answerNotModified(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (!isNotModified(request, reply)) return done(null, payload);
    // The ETag (and Cache-Control, Vary, ...) stay; what described the body goes with it.
    void reply.code(304).removeHeader('content-type').removeHeader('content-length');
    // HEAD: Fastify's own HEAD hook drops the body after this one (and wants it to measure).
    done(null, request.method === 'HEAD' ? payload : null);
  });
}

function isNotModified(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const ifNoneMatch = request.headers['if-none-match'];
  const etag = reply.getHeader('etag');
  if (reply.statusCode !== 200 || !ifNoneMatch || typeof etag !== 'string') return false;
  return ifNoneMatchNames(ifNoneMatch, etag);
}

/** `*`, or a member equal to the ETag by weak comparison (RFC 9110 8.8.3.2: `W/` is ignored). */
export function ifNoneMatchNames(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((member) => opaque(member) === opaque(etag));
}
