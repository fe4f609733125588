import Fastify from 'fastify';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ProblemException } from '../errors/problem';
import { importIdOf, limitBytes, streamUploadsOf } from './upload-body';

function problemOf(run: () => unknown): { status: number; body: Record<string, unknown> } {
  try {
    run();
  } catch (e) {
    const p = e as ProblemException;
    return { status: p.getStatus(), body: p.getResponse() as Record<string, unknown> };
  }
  throw new Error('expected a problem');
}

describe('upload body', () => {
  it('takes import ids of 1-100 of A-Z a-z 0-9 . _ - and names the field otherwise', () => {
    expect(importIdOf('erp-2019_03.v1')).toBe('erp-2019_03.v1');
    expect(importIdOf('x'.repeat(100))).toBe('x'.repeat(100));
    for (const bad of ['', 'x'.repeat(101), 'a b', 'a/b', 'ü']) {
      const { status, body } = problemOf(() => importIdOf(bad));
      expect(status).toBe(400);
      expect(body).toMatchObject({ type: '/problems/invalid-import-id', field: 'importId' });
    }
  });

  it('passes bytes up to the cap through and fails the stream with 413 past it', async () => {
    const seen: Buffer[] = [];
    const sink = () =>
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          seen.push(chunk);
          callback();
        },
      });
    await pipeline(
      Readable.from([Buffer.from('abc'), Buffer.from('de')]),
      limitBytes(5, 'A test import'),
      sink(),
    );
    expect(Buffer.concat(seen).toString()).toBe('abcde');

    const failure = await pipeline(
      Readable.from([Buffer.from('abc'), Buffer.from('def')]),
      limitBytes(5, 'A test import'),
      sink(),
    ).catch((e: unknown) => e as ProblemException);
    expect(failure).toBeInstanceOf(ProblemException);
    const p = failure as ProblemException;
    expect(p.getStatus()).toBe(413);
    expect(p.getResponse()).toMatchObject({
      type: '/problems/import-too-large',
      detail: 'A test import may hold at most 5 bytes',
    });
  });

  it('hands the named content types to the route as the raw stream, once however often asked', async () => {
    const app = Fastify();
    streamUploadsOf(app, ['text/csv', 'application/x-ndjson']);
    streamUploadsOf(app, ['text/csv']);
    app.put('/up', async (request) => {
      const body = request.body as Readable;
      if (typeof body.pipe !== 'function') return { stream: false };
      const chunks: Buffer[] = [];
      for await (const c of body) chunks.push(c as Buffer);
      return { stream: typeof body.pipe === 'function', text: Buffer.concat(chunks).toString() };
    });
    try {
      for (const type of ['text/csv', 'application/x-ndjson']) {
        const res = await app.inject({
          method: 'PUT',
          url: '/up',
          headers: { 'content-type': type },
          payload: 'a,b\n1,2\n',
        });
        expect(res.json()).toEqual({ stream: true, text: 'a,b\n1,2\n' });
      }
      const other = await app.inject({
        method: 'PUT',
        url: '/up',
        headers: { 'content-type': 'text/plain' },
        payload: 'x',
      });
      expect(other.json()).toEqual({ stream: false }); // fastify's own text/plain parser
    } finally {
      await app.close();
    }
  });
});
