/**
 * The `format` query value of every report: json (default), csv, vega-lite or svg. A bad value
 * is `@crm/values`' NotAllowedValue naming `format`: put `@Parses(parseReportFormat)` on the
 * query DTO and the service answers 400 problem+json with `errors[0].field = 'format'`.
 */
import { parseOneOf } from '@crm/values';

export const REPORT_FORMATS = ['json', 'csv', 'vega-lite', 'svg'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Absent (undefined or '') means json; anything else must be one of `REPORT_FORMATS` exactly. */
export function parseReportFormat(raw: unknown, field = 'format'): ReportFormat {
  if (raw === undefined || raw === '') return 'json';
  return parseOneOf(raw, REPORT_FORMATS, field);
}
