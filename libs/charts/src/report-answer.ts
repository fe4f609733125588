/**
 * One report, four answers: the rows as JSON, as CSV, as a Vega-Lite spec with the rows inlined,
 * or as that spec drawn to SVG. A service builds `{ rows, columns, chart }` once and sends back
 * what `answerReport` returns (`reply.type(contentType).send(body)`).
 */
import type { ChartSpec } from './chart-frame';
import { renderSvg } from './render-svg';
import { reportCsv, type ReportColumn } from './report-csv';
import type { ReportFormat } from './report-format';

export interface Report<R extends object> {
  readonly rows: readonly R[];
  readonly columns: readonly ReportColumn<R>[];
  /** Builds the chart from the rows; only called for vega-lite and svg. */
  readonly chart: (rows: readonly R[]) => ChartSpec;
}

export interface ReportAnswer {
  readonly contentType: string;
  readonly body: string;
}

export const REPORT_CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  'vega-lite': 'application/vnd.vegalite.v5+json; charset=utf-8',
  svg: 'image/svg+xml; charset=utf-8',
};

export async function answerReport<R extends object>(
  report: Report<R>,
  format: ReportFormat,
): Promise<ReportAnswer> {
  const contentType = REPORT_CONTENT_TYPES[format];
  switch (format) {
    case 'json':
      return { contentType, body: JSON.stringify({ columns: report.columns, rows: report.rows }) };
    case 'csv':
      return { contentType, body: reportCsv(report.rows, report.columns) };
    case 'vega-lite':
      return { contentType, body: JSON.stringify(report.chart(report.rows)) };
    case 'svg':
      return { contentType, body: await renderSvg(report.chart(report.rows)) };
  }
}
