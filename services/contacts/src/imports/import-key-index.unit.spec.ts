import { ImportKeyIndex } from './import-key-index';

/** A read model that knows `known` (key -> oldest holder) and records what it was asked. */
function readModel(known: Record<string, string> = {}) {
  const asked: string[][] = [];
  const lookup = async (keys: string[]) => {
    asked.push(keys);
    return new Map(keys.filter((k) => known[k]).map((k) => [k, known[k]] as const));
  };
  return { asked, lookup };
}

describe('ImportKeyIndex', () => {
  it('matches a contact this import created without asking the read model again', async () => {
    const index = new ImportKeyIndex();
    const rm = readModel();
    expect(await index.match(['e:ada@x.io'], rm.lookup)).toBeUndefined();
    index.created('c1', 1);
    index.wrote('c1', ['e:ada@x.io']);

    expect(await index.match(['e:ada@x.io'], rm.lookup)).toBe('c1');
    expect(rm.asked).toEqual([['e:ada@x.io']]);
  });

  it('matches on email before phone, asking about both unseen keys in one call', async () => {
    const index = new ImportKeyIndex();
    const rm = readModel({ 'e:ada@x.io': 'by-email', 'p:+4930123456': 'by-phone' });
    expect(await index.match(['e:ada@x.io', 'p:+4930123456'], rm.lookup)).toBe('by-email');
    expect(await index.match(['e:new@x.io', 'p:+4930123456'], rm.lookup)).toBe('by-phone');
    expect(rm.asked).toEqual([['e:ada@x.io', 'p:+4930123456'], ['e:new@x.io']]);
  });

  it('prefetch asks once for a batch of rows, so those rows match without a query each', async () => {
    const index = new ImportKeyIndex();
    const rm = readModel({ 'p:+4930123456': 'existing' });
    await index.prefetch(['e:a@x.io', 'p:+4930123456', 'e:a@x.io', 'e:b@x.io'], rm.lookup);
    await index.prefetch(['e:a@x.io'], rm.lookup);
    expect(rm.asked).toEqual([['e:a@x.io', 'p:+4930123456', 'e:b@x.io']]);

    expect(await index.match(['e:b@x.io', 'p:+4930123456'], rm.lookup)).toBe('existing');
    expect(await index.match(['e:a@x.io'], rm.lookup)).toBeUndefined();
    expect(rm.asked).toHaveLength(1);
  });

  it('finds a key an update added to an existing contact', async () => {
    const index = new ImportKeyIndex();
    const rm = readModel({ 'e:ada@x.io': 'existing' });
    expect(await index.match(['e:ada@x.io', 'p:+4930123456'], rm.lookup)).toBe('existing');
    index.wrote('existing', ['e:ada@x.io', 'p:+4930123456']);
    expect(await index.match(['p:+4930123456'], rm.lookup)).toBe('existing');
  });

  it('prefers the oldest holder, as the read model will once caught up', async () => {
    const index = new ImportKeyIndex();
    const rm = readModel({ 'p:+4930123456': 'before-import' });
    // Row 1 creates c1 with an email; row 2 creates c2 with a phone; row 3 gives c1 that phone too.
    index.created('c1', 1);
    index.wrote('c1', ['e:a@x.io']);
    index.created('c2', 2);
    index.wrote('c2', ['p:+4930999999']);
    index.wrote('c1', ['e:a@x.io', 'p:+4930999999']);
    expect(await index.match(['p:+4930999999'], rm.lookup)).toBe('c1');

    // A key this import gave to c1 without looking it up: a contact from before the import is older.
    index.wrote('c1', ['p:+4930123456']);
    expect(await index.match(['p:+4930123456'], rm.lookup)).toBe('before-import');
  });

  it('a contact the read model already shows keeps the rank of the row that created it', async () => {
    const index = new ImportKeyIndex();
    index.created('c1', 1);
    index.wrote('c1', ['e:a@x.io']);
    index.created('c2', 5);
    index.wrote('c2', ['p:+4930999999']);
    index.wrote('c1', ['p:+4930999999']);
    // The read model has projected c2 but not yet c1's new phone: c1 (row 1) is still older.
    const rm = readModel({ 'p:+4930999999': 'c2' });
    expect(await index.match(['p:+4930999999'], rm.lookup)).toBe('c1');
  });

  it('undo takes back what a chunk wrote since the checkpoint, keep leaves it', async () => {
    const index = new ImportKeyIndex();
    const rm = readModel({ 'e:old@x.io': 'existing' });
    await index.prefetch(['e:old@x.io'], rm.lookup);
    index.created('c1', 1);
    index.wrote('c1', ['e:a@x.io']);

    const failed = index.checkpoint();
    index.created('c2', 2);
    index.wrote('c2', ['e:b@x.io', 'e:a@x.io', 'e:old@x.io']);
    index.wrote('c2', ['e:b@x.io']);
    expect(await index.match(['e:b@x.io'], rm.lookup)).toBe('c2');
    failed.undo();
    expect(await index.match(['e:a@x.io'], rm.lookup)).toBe('c1');
    expect(await index.match(['e:old@x.io'], rm.lookup)).toBe('existing');
    expect(await index.match(['e:b@x.io'], rm.lookup)).toBeUndefined();

    const appended = index.checkpoint();
    index.created('c3', 3);
    index.wrote('c3', ['e:b@x.io']);
    appended.keep();
    expect(await index.match(['e:b@x.io'], rm.lookup)).toBe('c3');
    expect(() => {
      index.checkpoint();
      index.checkpoint();
    }).toThrow(/already open/);
  });
});
