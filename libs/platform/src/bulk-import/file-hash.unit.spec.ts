import { pipeline } from 'node:stream/promises';
import { Readable, Writable } from 'node:stream';
import { hashingTap, sha256Of } from './file-hash';

describe('file hash', () => {
  const chunks = () => Readable.from([Buffer.from('email\n'), Buffer.from('ada@example.com\n')]);

  it('the tap passes the bytes through and knows the hash only once the whole file went through', async () => {
    const { tap, sha256 } = hashingTap();
    const seen: Buffer[] = [];
    expect(sha256()).toBeUndefined();
    await pipeline(
      chunks(),
      tap,
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          seen.push(chunk);
          callback();
        },
      }),
    );
    expect(Buffer.concat(seen).toString()).toBe('email\nada@example.com\n');
    expect(sha256()).toBe(await sha256Of(chunks()));
  });

  it('tells files apart, however they are chunked', async () => {
    expect(await sha256Of(Readable.from([Buffer.from('email\nada@example.com\n')]))).toBe(
      await sha256Of(chunks()),
    );
    expect(await sha256Of(Readable.from([Buffer.from('email\ngrace@example.com\n')]))).not.toBe(
      await sha256Of(chunks()),
    );
  });
});
