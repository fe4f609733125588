/**
 * answerRead through a bare Fastify route (no Nest, no database); resourceCommands' run/create
 * are exercised through HTTP by the services' e2e specs (e.g. sales' command-answers.e2e).
 */
import Fastify from 'fastify';
import { answerRead } from './resource-commands';

class NoSuchThing extends Error {}

describe('answerRead', () => {
  const views = new Map([['t-1', { id: 't-1', version: 4, name: 'Ada' }]]);
  const app = Fastify();
  app.get<{ Params: { id: string } }>('/things/:id', async (request, reply) => {
    try {
      return answerRead(reply, views.get(request.params.id), () => new NoSuchThing());
    } catch (error) {
      if (!(error instanceof NoSuchThing)) throw error;
      return reply.status(404).send({ notFound: true });
    }
  });
  afterAll(() => app.close());

  it('answers the view with its version as the ETag', async () => {
    const res = await app.inject({ url: '/things/t-1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"4"');
    expect(res.json()).toEqual({ id: 't-1', version: 4, name: 'Ada' });
  });

  it('throws notFound() when there is no view, and sets no ETag', async () => {
    const res = await app.inject({ url: '/things/t-2' });
    expect(res.statusCode).toBe(404);
    expect(res.headers.etag).toBeUndefined();
  });
});
