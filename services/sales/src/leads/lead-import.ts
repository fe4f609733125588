/**
 * Lead import from CSV (header row; columns name, email, phone, company, jobTitle, interest in any
 * order, unknown columns ignored). Pure parsing: each row becomes a profile or a row error, so
 * one bad row never stops the others.
 */
import { parse } from 'csv-parse/sync';
import type { LeadProfile } from './lead.events';
import { LeadErrors } from './lead.errors';

export const MAX_IMPORT_ROWS = 1_000;
const COLUMNS = ['name', 'email', 'phone', 'company', 'jobTitle', 'interest'] as const;

export function parseLeadCsv(csv: string): { row: number; profile: LeadProfile }[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (error) {
    throw LeadErrors.invalidCsv(`The CSV could not be read: ${(error as Error).message}`);
  }
  if (records.length > MAX_IMPORT_ROWS) throw LeadErrors.importTooLarge(MAX_IMPORT_ROWS);
  if (records.length > 0 && !('name' in records[0]))
    throw LeadErrors.invalidCsv('The header row needs a "name" column');
  return records.map((record, i) => ({
    // Row numbers as a spreadsheet shows them: the header is row 1.
    row: i + 2,
    profile: Object.fromEntries(
      COLUMNS.filter((c) => record[c]).map((c) => [c, record[c]]),
    ) as unknown as LeadProfile,
  }));
}
