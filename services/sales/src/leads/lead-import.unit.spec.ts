import { parseLeadCsv } from './lead-import';

describe('lead CSV import parsing', () => {
  it('reads profiles by header name, in any column order, ignoring unknown and empty cells', () => {
    const csv =
      'email,name,shoe size,company\nada@example.com,Ada Lovelace,38,Engines\n,Grace Hopper,,\n\n';
    expect(parseLeadCsv(csv)).toEqual([
      { row: 2, profile: { name: 'Ada Lovelace', email: 'ada@example.com', company: 'Engines' } },
      { row: 3, profile: { name: 'Grace Hopper' } },
    ]);
  });

  it('handles quoted commas and a byte-order mark', () => {
    expect(parseLeadCsv('\ufeffname,company\n"Lovelace, Ada","Engines, Ltd"\n')[0].profile).toEqual(
      { name: 'Lovelace, Ada', company: 'Engines, Ltd' },
    );
  });

  it.each([
    ['an unterminated quote', 'name\n"Ada\n', 'InvalidCsv'],
    ['no name column', 'email\na@b.co\n', 'InvalidCsv'],
    ['too many rows', `name\n${'x\n'.repeat(1001)}`, 'ImportTooLarge'],
  ])('rejects %s', (_, csv, code) => {
    expect(() => parseLeadCsv(csv)).toThrow(expect.objectContaining({ code }));
  });
});
