/**
 * The raw bytes of one route's request body, kept beside the parsed JSON: the webhook signature
 * is over the bytes as sent, and JSON.stringify of the parsed body is not them. A preParsing hook
 * reads the body of that route only (every other route is untouched), at most `maxBytes`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';

const rawBodies = new WeakMap<object, Buffer>();

export class BodyTooLarge extends Error {
  readonly statusCode = 413;
  readonly code = 'FST_ERR_CTP_BODY_TOO_LARGE';
}

export function keepRawBodyOf(fastify: FastifyInstance, routeUrl: string, maxBytes: number): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    if (request.routeOptions.url !== routeUrl) return payload;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
      size += buffer.length;
      if (size > maxBytes) throw new BodyTooLarge(`The body may hold at most ${maxBytes} bytes`);
      chunks.push(buffer);
    }
    const raw = Buffer.concat(chunks);
    rawBodies.set(request.raw, raw);
    return Readable.from([raw]);
  });
}

/** The body as it arrived (empty when there was none). */
export function rawBodyOf(request: FastifyRequest): Buffer {
  return rawBodies.get(request.raw) ?? Buffer.alloc(0);
}
