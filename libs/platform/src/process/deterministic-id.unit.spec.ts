import { deterministicId, uuidV5 } from './deterministic-id';

describe('uuidV5', () => {
  it('gives the RFC 9562 test vector (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('names each role of each record once: same parts, same id; other parts, other id', () => {
    const contact = deterministicId('tenant-a', 'lead', 'l-1', 'contact');
    expect(deterministicId('tenant-a', 'lead', 'l-1', 'contact')).toBe(contact);
    expect(contact).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const others = [
      deterministicId('tenant-b', 'lead', 'l-1', 'contact'),
      deterministicId('tenant-a', 'lead', 'l-1', 'company'),
      // Joining is unambiguous: moving a separator moves the id.
      deterministicId('tenant-a', 'lead/l-1', 'contact'),
    ];
    expect(new Set([contact, ...others]).size).toBe(4);
  });
});
