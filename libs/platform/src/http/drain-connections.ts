import type { FastifyInstance } from 'fastify';

/**
 * Once the server starts closing, every response still being written tells the client to close
 * its keep-alive connection. Without this an in-flight request finishes but its connection stays
 * open, and the server's close (hence the graceful shutdown) waits until the client drops it.
 */
export function closeConnectionsWhenDraining(fastify: FastifyInstance): void {
  let draining = false;
  fastify.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (draining) void reply.header('connection', 'close');
    done(null, payload);
  });
}
