import { ProblemException } from '../errors/problem';
import { CursorCodec } from './signed-cursor';

const codec = new CursorCodec('a-test-cursor-secret-of-32-chars!');
const cursor = { value: '2026-03-01 10:00:00+00', id: 'c0ffee00-0000-4000-8000-000000000001' };

function refusal(list: string, raw: string): unknown {
  try {
    codec.decode(list, raw);
  } catch (error) {
    if (error instanceof ProblemException) return error.getResponse();
    throw error;
  }
  throw new Error('the cursor was accepted');
}

describe('CursorCodec', () => {
  it('gives back what it encoded for the same list, and nothing for no cursor', () => {
    expect(codec.decode('contacts:-created', codec.encode('contacts:-created', cursor))).toEqual(
      cursor,
    );
    expect(codec.decode('contacts:-created', undefined)).toBeUndefined();
  });

  it('refuses a cursor made for another sort, naming cursor', () => {
    const raw = codec.encode('contacts:-created', cursor);
    expect(refusal('contacts:name', raw)).toMatchObject({
      status: 400,
      errors: [{ field: 'cursor', message: expect.stringMatching(/another list or sort/) }],
    });
  });

  it('refuses a tampered cursor', () => {
    const raw = codec.encode('contacts:name', cursor);
    const [, mac] = raw.split('.');
    const forged = Buffer.from(JSON.stringify(['contacts:name', 'x', 'y'])).toString('base64url');
    expect(refusal('contacts:name', `${forged}.${mac}`)).toMatchObject({
      status: 400,
      errors: [{ field: 'cursor' }],
    });
  });

  it('refuses one signed with another secret', () => {
    const other = new CursorCodec('another-cursor-secret-of-32-chars').encode('t', cursor);
    expect(refusal('t', other)).toMatchObject({ errors: [{ field: 'cursor' }] });
  });

  it.each(['WyJ4IiwieSJd', '', '.', 'not base64 at all!', 'a.b.c', '%%%.%%%'])(
    'refuses the unsigned or garbage cursor %p',
    (raw) => expect(refusal('contacts:name', raw)).toMatchObject({ errors: [{ field: 'cursor' }] }),
  );
});
