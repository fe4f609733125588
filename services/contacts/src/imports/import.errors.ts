/** Every way a contact import (CSV upload) can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const ImportErrors = defineErrors('import', {
  ImportNotFound: { kind: 'not-found', message: () => 'No such import' },
  ImportInProgress: {
    kind: 'conflict',
    message: (importId: string) => `Import ${importId} is still running`,
    details: (importId) => ({ importId }),
  },
  /** The id names an import of another file: a new file needs a new id. */
  ImportIdReused: {
    kind: 'invalid',
    message: (importId: string) =>
      `Import ${importId} was run with another file; use a new import id for a new file`,
    details: (importId) => ({ field: 'importId', importId }),
  },
  ImportNeedsEmailOrPhone: {
    kind: 'invalid',
    message: () => 'The CSV needs an email or a phone column to match contacts on',
    details: () => ({ field: 'header' }),
  },
  /** `reason` is the CSV parser's own words; `row` the data row it stopped at. */
  MalformedCsv: {
    kind: 'invalid',
    message: (reason: string, _row: number) => reason,
    details: (_reason, row) => ({ field: 'body', row }),
  },
  /** A cell PostgreSQL would refuse; `reason` says what is wrong with it. */
  InvalidCharacters: {
    kind: 'invalid',
    message: (column: string, reason: string) => `${column} ${reason}`,
    details: (column, _reason) => ({ field: column }),
  },
  ImportRowNeedsEmailOrPhone: {
    kind: 'invalid',
    message: () => 'a row needs an email or a phone',
    details: () => ({ field: 'email' }),
  },
});
