/**
 * One Fastify hook for every route of every service: a body, query string or path parameter
 * holding text PostgreSQL refuses (see storable-text.ts) is answered 400 before any handler,
 * guard or pipe runs, so no route can forget it, raw-body routes included.
 */
import type { FastifyInstance } from 'fastify';
import { validationProblem } from '../errors/validation';
import { sendProblem } from '../errors/problem.filter';
import { findUnstorableText, MAX_UNSTORABLE_FIELDS } from './storable-text';

export function rejectUnstorableInput(fastify: FastifyInstance): void {
  // preValidation: the body is parsed by now (a stream for raw uploads, which is left alone).
  fastify.addHook('preValidation', async (request, reply) => {
    const errors = [
      ...findUnstorableText(request.params, 'path parameter '),
      ...findUnstorableText(request.query, 'query parameter '),
      ...findUnstorableText(request.body),
    ].slice(0, MAX_UNSTORABLE_FIELDS);
    if (!errors.length) return;
    sendProblem(request, reply, validationProblem(errors).problem);
    return reply;
  });
}
