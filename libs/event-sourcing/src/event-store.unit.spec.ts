import { categoryOf, idOfStream, streamIdOf } from './event-store';

describe('stream ids (`<category>-<id>`)', () => {
  it('splits at the first dash: ids may contain dashes (UUIDs), categories may not', () => {
    const streamId = 'contact-3f2a9c1e-0b7d-4e59-9a51-5c7f1d0e2b64';
    expect(categoryOf(streamId)).toBe('contact');
    expect(idOfStream(streamId)).toBe('3f2a9c1e-0b7d-4e59-9a51-5c7f1d0e2b64');
  });

  it('builds the id that categoryOf and idOfStream take apart again', () => {
    const streamId = streamIdOf('pricebook', 'std-eur');
    expect(streamId).toBe('pricebook-std-eur');
    expect(categoryOf(streamId)).toBe('pricebook');
    expect(idOfStream(streamId)).toBe('std-eur');
  });

  it('refuses a category that would not survive the round trip', () => {
    expect(() => streamIdOf('price-book', 'p1')).toThrow(/price-book/);
    expect(() => streamIdOf('', 'p1')).toThrow(/category/);
  });
});
