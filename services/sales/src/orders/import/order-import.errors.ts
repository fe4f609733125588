/** Every way an order history import (or one of its rows) can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const OrderImportErrors = defineErrors('order-import', {
  OrderImportNotFound: { kind: 'not-found', message: () => 'No such order import' },
  OrderImportInProgress: {
    kind: 'conflict',
    message: (importId: string) => `Order import ${importId} is still running`,
    details: (importId) => ({ importId }),
  },
  /** The id names an import of another file: a new file needs a new id. */
  OrderImportIdReused: {
    kind: 'invalid',
    message: (importId: string) =>
      `Order import ${importId} was run with another file; use a new import id for a new file`,
    details: (importId) => ({ field: 'importId', importId }),
  },
  OrderImportBodyRequired: {
    kind: 'invalid',
    message: () =>
      'Send the file as the body: text/csv, application/x-ndjson (NDJSON or a JSON array, streamed) or application/json (an array)',
    details: () => ({ field: 'body' }),
  },
  /** The CSV header lacks a column every row needs (`column` names it or its alternatives). */
  OrderImportMissingColumn: {
    kind: 'invalid',
    message: (column: string) => `The CSV needs a ${column} column`,
    details: (column) => ({ field: 'header', column }),
  },
  /** A header cell that is no column of the format (a typo would silently drop data). */
  UnknownOrderImportColumn: {
    kind: 'invalid',
    message: (column: string) => `${column} is not a column of an order import`,
    details: (column) => ({ field: 'header', column }),
  },
  /** `reason` is the parser's own words; `row` the data row it stopped at. */
  MalformedOrderFile: {
    kind: 'invalid',
    message: (reason: string, _row: number) => reason,
    details: (_reason, row) => ({ field: 'body', row }),
  },
  /** One record of a JSON upload that is not a JSON object. */
  MalformedOrderRecord: {
    kind: 'invalid',
    message: (reason: string) => `not a JSON object: ${reason}`,
    details: () => ({ field: 'body' }),
  },
  /** A cell or member that is not a number of the expected kind. */
  NotANumber: {
    kind: 'invalid',
    message: (field: string, kind: 'integer' | 'decimal') =>
      `${field} must be ${kind === 'integer' ? 'a whole number' : 'a decimal number such as 1234.50'}`,
    details: (field, _kind) => ({ field }),
  },
  /** Neither or both of two alternatives (product_id / sku, unit_price / unit_price_minor). */
  OneOfFields: {
    kind: 'invalid',
    message: (field: string, other: string) => `give exactly one of ${field} and ${other}`,
    details: (field, _other) => ({ field }),
  },
  /** A CSV row whose order-level cell differs from the order's first row. */
  InconsistentOrderRow: {
    kind: 'invalid',
    message: (field: string, firstRow: number) =>
      `${field} differs from the order's first row (row ${firstRow})`,
    details: (field, _firstRow) => ({ field }),
  },
  /** Another row of the same order was rejected: an order is imported whole or not at all. */
  OrderRowRejected: {
    kind: 'invalid',
    message: (externalId: string, row: number) =>
      `order ${externalId} was rejected at row ${row}; its other rows are not imported`,
    details: (_externalId, row) => ({ field: 'row', row }),
  },
  UnknownImportedProduct: {
    kind: 'invalid',
    message: (field: string, value: string) => `${field} ${value} names no product of this tenant`,
    details: (field, _value) => ({ field }),
  },
  UnknownImportedOption: {
    kind: 'invalid',
    message: (field: string, optionId: string) =>
      `${field}: ${optionId} is not an option of this product`,
    details: (field, _optionId) => ({ field }),
  },
  UnknownImportedCustomer: {
    kind: 'invalid',
    message: (field: string, id: string, why: 'unknown' | 'erased') =>
      why === 'erased'
        ? `${field} ${id} was erased`
        : `${field} ${id} is not a contact or company sales knows for this tenant`,
    details: (field, _id, _why) => ({ field }),
  },
  /** A cell PostgreSQL would refuse; `reason` says what is wrong with it. */
  UnstorableImportCell: {
    kind: 'invalid',
    message: (field: string, reason: string) => `${field} ${reason}`,
    details: (field, _reason) => ({ field }),
  },
});
