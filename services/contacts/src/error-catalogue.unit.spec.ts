/**
 * Every error contacts can answer with is declared once, in a `*.errors.ts` catalogue beside its
 * decider: one code, one kind, one HTTP status, one problem type. The source scan fails the build
 * when someone writes `new DomainError(` in service code instead of adding a catalogue entry.
 */
import { describeServiceErrorCatalogues } from '@crm/platform/testing';

describeServiceErrorCatalogues('contacts', __dirname, [
  'ContactNotFound',
  'ContactAlreadyMerged',
  'AddressNotFound',
]);
