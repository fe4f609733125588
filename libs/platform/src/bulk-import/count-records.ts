/**
 * How many records a file holds, read as the server will read it (CSV data rows through the CSV
 * parser, so quoted newlines count once; JSON array elements or NDJSON lines through the same
 * splitter), so a progress bar can count rows of rows expected instead of bytes.
 */
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { jsonRecordSplitter } from './json-records';

export type BulkFileFormat = 'csv' | 'json';

/** `.csv` is CSV; `.json`, `.ndjson`, `.jsonl` are JSON; anything else is refused. */
export function formatOfFile(file: string): BulkFileFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (/\.(json|ndjson|jsonl)$/.test(lower)) return 'json';
  throw new Error(`cannot tell the format of ${file}: name it .csv, .json, .ndjson or .jsonl`);
}

export async function countRecords(file: string, format: BulkFileFormat): Promise<number> {
  let count = 0;
  const counter = new Writable({
    objectMode: true,
    write(_record, _encoding, callback) {
      count += 1;
      callback();
    },
  });
  const splitter =
    format === 'csv'
      ? parse({ columns: true, skip_empty_lines: true, bom: true, relax_column_count: true })
      : jsonRecordSplitter();
  await pipeline(createReadStream(file), splitter, counter);
  return count;
}
