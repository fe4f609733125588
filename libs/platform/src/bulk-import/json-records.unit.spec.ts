import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { jsonRecordSplitter, MalformedJsonError, type JsonRecordText } from './json-records';

/** Splits `text` fed in chunks of `size` characters (records cut anywhere, strings included). */
async function split(text: string, size = 3): Promise<JsonRecordText[]> {
  const chunks: Buffer[] = [];
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const out: JsonRecordText[] = [];
  await pipeline(Readable.from(chunks), jsonRecordSplitter(), async (records) => {
    for await (const r of records as AsyncIterable<JsonRecordText>) out.push(r);
  });
  return out;
}

describe('jsonRecordSplitter', () => {
  const a = { id: 'a', text: 'with ] and } and , and "quotes" and é', lines: [{ q: 1 }] };
  const b = { id: 'b', nested: { deep: [[1, 2], { x: '\\' }] } };

  it('cuts a JSON array into its elements, however the bytes are chunked', async () => {
    for (const size of [1, 2, 7, 1000]) {
      const records = await split(`\uFEFF [${JSON.stringify(a)},\n ${JSON.stringify(b)}] \n`, size);
      expect(records.map((r) => [r.row, JSON.parse(r.text)])).toEqual([
        [1, a],
        [2, b],
      ]);
    }
    expect(await split('[]')).toEqual([]);
  });

  it('reads NDJSON line by line, skipping blank lines, keeping a malformed line as its own record', async () => {
    const records = await split(`${JSON.stringify(a)}\n\n{"broken": \n${JSON.stringify(b)}`);
    expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(JSON.parse(records[0].text)).toEqual(a);
    expect(records[1].text).toBe('{"broken":');
    expect(JSON.parse(records[2].text)).toEqual(b);
  });

  it('fails on a broken array: unclosed, an empty element, text after the end', async () => {
    await expect(split('[{"a":1}')).rejects.toBeInstanceOf(MalformedJsonError);
    await expect(split('[{"a":1},,{"b":2}]')).rejects.toBeInstanceOf(MalformedJsonError);
    await expect(split('[{"a":1},]')).rejects.toBeInstanceOf(MalformedJsonError);
    await expect(split('[{"a":1}] {"b":2}')).rejects.toBeInstanceOf(MalformedJsonError);
  });
});
