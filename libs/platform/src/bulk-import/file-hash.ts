/**
 * The identity of an uploaded file: an import id repeated with the same file replays the import,
 * with another file it is refused (the id was reused by mistake).
 */
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';

/** Passes the upload through unchanged; `sha256()` is its hash once all of it went through. */
export function hashingTap(): { tap: Transform; sha256: () => string | undefined } {
  const hash = createHash('sha256');
  let digest: string | undefined;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      digest = hash.digest('hex');
      callback();
    },
  });
  return { tap, sha256: () => digest };
}

/** Reads the whole stream (failing as it fails, e.g. too large) and answers its hash. */
export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
