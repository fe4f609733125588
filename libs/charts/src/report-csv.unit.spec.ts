import { parse } from 'csv-parse/sync';
import { reportCsv, type ReportColumn } from './report-csv';

interface Row {
  readonly segment: string;
  readonly revenue: number | null;
  readonly month: string;
}

const columns: readonly ReportColumn<Row>[] = [
  { field: 'segment', title: 'Segment', type: 'text' },
  { field: 'revenue', title: 'Revenue', unit: 'EUR', type: 'number' },
  { field: 'month', title: 'Month', type: 'date' },
];

describe('reportCsv', () => {
  it('writes a header of titles with units, then one CRLF-terminated record per row', () => {
    const csv = reportCsv(
      [
        { segment: 'Champions', revenue: 1200.5, month: '2026-01-01' },
        { segment: 'At risk', revenue: -30, month: '2026-02-01' },
      ],
      columns,
    );
    expect(csv).toBe(
      'Segment,Revenue (EUR),Month\r\nChampions,1200.5,2026-01-01\r\nAt risk,-30,2026-02-01\r\n',
    );
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says, and reads back the same', () => {
    const tricky = ['Smith, John', 'say "hi"', 'two\nlines', 'cr\r\nlf', ' padded '];
    const rows = tricky.map((segment) => ({ segment, revenue: 1, month: '2026-01-01' }));
    const csv = reportCsv(rows, columns);
    expect(csv).toContain('"Smith, John"');
    expect(csv).toContain('"say ""hi"""');
    expect(csv).toContain('" padded "');
    const back = parse(csv, { columns: true }) as Record<string, string>[];
    expect(back.map((record) => record.Segment)).toEqual(tricky);
  });

  it.each(['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'prefixes %j so a spreadsheet shows it as text, not a formula',
    (segment) => {
      const csv = reportCsv([{ segment, revenue: 1, month: '2026-01-01' }], columns);
      const [, record] = parse(csv, { relax_quotes: true }) as string[][];
      expect(record[0]).toBe(`'${segment}`);
    },
  );

  it('leaves numbers as numbers (a negative amount is not a formula) and text inside alone', () => {
    const csv = reportCsv([{ segment: 'a=b', revenue: -12.5, month: '2026-01-01' }], columns);
    expect(csv.split('\r\n')[1]).toBe('a=b,-12.5,2026-01-01');
  });

  it('writes empty cells for missing values and non-numbers in a number column', () => {
    const rows = [
      { segment: 'x', revenue: null, month: '2026-01-01' },
      { segment: 'y', revenue: Number.NaN, month: '2026-01-01' },
      { segment: 'z', revenue: '=1+1' as unknown as number, month: '2026-01-01' },
    ];
    expect(reportCsv(rows, columns).split('\r\n').slice(1, 4)).toEqual([
      'x,,2026-01-01',
      'y,,2026-01-01',
      'z,,2026-01-01',
    ]);
  });

  it('makes header titles safe too, and writes only the header for no rows', () => {
    const csv = reportCsv<Row>([], [{ field: 'segment', title: '=cmd', type: 'text' }]);
    expect(csv).toBe("'=cmd\r\n");
  });
});
