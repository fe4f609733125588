/**
 * Streams the values of a JSON upload one by one, without holding the file: either a JSON array
 * (`[{...}, {...}]`, each element one record) or NDJSON (one value per line). The format is
 * told by the first non-blank character. Each record comes out as its own text with its number
 * (1-based) and is parsed by the caller, so a malformed NDJSON line is that row's problem and
 * not the whole import's; a broken array (a missing bracket, text after the end) fails the stream.
 */
import { Transform, type TransformCallback } from 'node:stream';

export interface JsonRecordText {
  /** 1-based position of the record in the file (array element or NDJSON line with a value). */
  readonly row: number;
  readonly text: string;
}

/** The upload is not JSON the splitter can cut into records (not a row's fault). */
export class MalformedJsonError extends Error {
  readonly code = 'MalformedJson';
}

type Mode = 'unknown' | 'array' | 'lines' | 'done';

/** An object-mode Transform: bytes in, `JsonRecordText` out. */
export function jsonRecordSplitter(maxRecordChars = 1_000_000): Transform {
  let mode: Mode = 'unknown';
  let current = '';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let row = 0;
  /** Array mode: a comma was seen after the last element, so another one must follow. */
  let expectingElement = false;
  const decoder = new TextDecoder('utf-8');

  function emit(stream: Transform, text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    row += 1;
    stream.push({ row, text: trimmed } satisfies JsonRecordText);
  }

  function scan(stream: Transform, chunk: string): void {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (mode === 'unknown') {
        if (c === '\uFEFF' || /\s/.test(c)) continue;
        mode = c === '[' ? 'array' : 'lines';
        if (mode === 'array') continue;
      }
      if (mode === 'done') {
        if (!/\s/.test(c)) throw new MalformedJsonError('text after the end of the JSON array');
        continue;
      }
      if (inString) {
        current += c;
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (mode === 'lines') {
        if (c === '\n') {
          emit(stream, current);
          current = '';
          depth = 0;
          continue;
        }
        current += c;
        if (c === '"') inString = true;
        continue;
      }
      // Array mode, outside strings.
      if (depth === 0 && (c === ',' || c === ']')) {
        const element = current.trim();
        if (!element && (c === ',' || expectingElement))
          throw new MalformedJsonError(`an empty element before '${c}' in the JSON array`);
        emit(stream, current);
        current = '';
        expectingElement = c === ',';
        if (c === ']') mode = 'done';
        continue;
      }
      current += c;
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth += 1;
      else if (c === '}' || c === ']') depth -= 1;
      if (depth < 0) throw new MalformedJsonError('unbalanced brackets in the JSON array');
    }
    if (current.length > maxRecordChars)
      throw new MalformedJsonError(`a record longer than ${maxRecordChars} characters`);
  }

  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        scan(this, decoder.decode(chunk, { stream: true }));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        scan(this, decoder.decode());
        if (mode === 'array') throw new MalformedJsonError('the JSON array is not closed');
        if (mode === 'lines') emit(this, current);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
