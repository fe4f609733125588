import { funnelChart } from './funnel-chart';
import { answerReport, type Report } from './report-answer';
import { salesFunnel } from './sample-charts';

type Stage = (typeof salesFunnel)[number];

const report: Report<Stage> = {
  rows: salesFunnel,
  columns: [
    { field: 'stage', title: 'Stage', type: 'text' },
    { field: 'contacts', title: 'Contacts', unit: 'count', type: 'number' },
  ],
  chart: (rows) =>
    funnelChart(rows, {
      title: 'Sales funnel',
      stage: { field: 'stage', title: 'Stage' },
      value: { field: 'contacts', title: 'Contacts', unit: 'count', format: 'integer' },
    }),
};

describe('answerReport', () => {
  it('answers json with the columns and rows', async () => {
    const answer = await answerReport(report, 'json');
    expect(answer.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual({ columns: report.columns, rows: salesFunnel });
  });

  it('answers csv with a header row', async () => {
    const answer = await answerReport(report, 'csv');
    expect(answer.contentType).toBe('text/csv; charset=utf-8; header=present');
    expect(answer.body.split('\r\n').slice(0, 2)).toEqual(['Stage,Contacts (count)', 'Leads,4820']);
  });

  it('answers vega-lite with the rows inlined as the data', async () => {
    const answer = await answerReport(report, 'vega-lite');
    expect(answer.contentType).toBe('application/vnd.vegalite.v5+json; charset=utf-8');
    const spec = JSON.parse(answer.body);
    expect(spec.$schema).toContain('vega-lite/v5');
    expect(spec.data.values).toEqual(salesFunnel);
    expect(spec.title.text).toBe('Sales funnel');
  });

  it('answers svg drawn from the same chart', async () => {
    const answer = await answerReport(report, 'svg');
    expect(answer.contentType).toBe('image/svg+xml; charset=utf-8');
    expect(answer.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(answer.body).toContain('>Sales funnel</text>');
  });

  it('builds no chart for json or csv', async () => {
    const chart = jest.fn(report.chart);
    await answerReport({ ...report, chart }, 'json');
    await answerReport({ ...report, chart }, 'csv');
    expect(chart).not.toHaveBeenCalled();
  });
});
