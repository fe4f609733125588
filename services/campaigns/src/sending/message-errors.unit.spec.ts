/**
 * The message errors are declared once in message.errors.ts (code, kind, status, problem type);
 * no file under sending/ builds a DomainError inline.
 */
import { describeServiceErrorCatalogues } from '@crm/platform/testing';

describeServiceErrorCatalogues(
  'campaigns sending',
  __dirname,
  ['MessageNotFound', 'MessageAlreadyInLedger', 'MessageNotSent'],
  2,
);
