/**
 * answerReport with the report's context (fit, thresholds, paging) beside `columns` and `rows` in
 * the JSON answer; csv, vega-lite and svg are @crm/charts' own.
 */
import { answerReport, REPORT_CONTENT_TYPES, type Report, type ReportFormat } from '@crm/charts';
import type { FastifyReply } from 'fastify';

export async function answerWithContext<R extends object>(
  reply: FastifyReply,
  report: Report<R>,
  format: ReportFormat,
  context: object,
): Promise<string> {
  if (format === 'json') {
    reply.type(REPORT_CONTENT_TYPES.json);
    return JSON.stringify({ ...context, columns: report.columns, rows: report.rows });
  }
  const answer = await answerReport(report, format);
  reply.type(answer.contentType);
  return answer.body;
}
