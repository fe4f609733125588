import { InvalidValue, Parses } from '@crm/values';
import { validate } from 'class-validator';
import { parseReportFormat, REPORT_FORMATS } from './report-format';

describe('parseReportFormat', () => {
  it.each(REPORT_FORMATS)('accepts %s', (format) => expect(parseReportFormat(format)).toBe(format));

  it.each([undefined, ''])('answers json when the format is absent (%j)', (raw) =>
    expect(parseReportFormat(raw)).toBe('json'),
  );

  it.each(['SVG', 'png', 'vegalite', ' csv', 42, ['csv', 'svg'], null])(
    'refuses %j as an invalid value naming format',
    (raw) => {
      let error: unknown;
      try {
        parseReportFormat(raw);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(InvalidValue);
      expect(error).toMatchObject({
        code: 'NotAllowedValue',
        kind: 'invalid',
        field: 'format',
        details: { field: 'format' },
      });
      expect((error as Error).message).toBe('format must be one of: json, csv, vega-lite, svg');
    },
  );

  it('names the field it was given', () =>
    expect(() => parseReportFormat('pdf', 'query.format')).toThrow(
      expect.objectContaining({ field: 'query.format' }),
    ));
});

describe('parseReportFormat at the HTTP edge', () => {
  class ReportQuery {
    @Parses(parseReportFormat) format?: unknown;
  }

  it('makes a query DTO refuse a bad format with the parser message (a 400 naming format)', async () => {
    const errors = await validate(Object.assign(new ReportQuery(), { format: 'pdf' }));
    expect(errors.map((e) => [e.property, Object.values(e.constraints ?? {})])).toEqual([
      ['format', ['format must be one of: json, csv, vega-lite, svg']],
    ]);
  });

  it('lets an absent or good format through', async () => {
    expect(await validate(new ReportQuery())).toEqual([]);
    expect(await validate(Object.assign(new ReportQuery(), { format: 'svg' }))).toEqual([]);
  });
});
