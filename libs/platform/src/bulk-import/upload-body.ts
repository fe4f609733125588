/**
 * The HTTP side of a file import that services share: the client-chosen import id, the raw
 * upload stream (no buffering, no JSON body limit) and the byte cap on one request.
 */
import type { FastifyInstance } from 'fastify';
import { Transform } from 'node:stream';
import { ProblemException } from '../errors/problem';

const IMPORT_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** The import id from the path, or 400 InvalidImportId naming the field. */
export function importIdOf(raw: string): string {
  if (!IMPORT_ID.test(raw))
    throw ProblemException.of(
      400,
      'InvalidImportId',
      'importId must be 1-100 of A-Z a-z 0-9 . _ -',
      { field: 'importId' },
    );
  return raw;
}

/** Hands the request body of these content types to the controller as the raw stream. */
export function streamUploadsOf(fastify: FastifyInstance, types: readonly string[]): void {
  for (const type of types)
    if (!fastify.hasContentTypeParser(type))
      fastify.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
}

/**
 * Fails the stream (413 ImportTooLarge) once more than `max` bytes arrived; `what` names the
 * import in the message ("A CSV import", "An order import").
 */
export function limitBytes(max: number, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) {
        callback(
          ProblemException.of(413, 'ImportTooLarge', `${what} may hold at most ${max} bytes`),
        );
        return;
      }
      callback(null, chunk);
    },
  });
}
