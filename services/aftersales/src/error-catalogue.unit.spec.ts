/**
 * Every error after-sales can answer with is declared once, in a `*.errors.ts` catalogue beside
 * its decider; the source scan fails on an inline `new DomainError(`.
 */
import { describeServiceErrorCatalogues } from '@crm/platform/testing';

describeServiceErrorCatalogues(
  'aftersales',
  __dirname,
  [
    'InvalidWorkingHours',
    'CaseTransitionNotAllowed',
    'ReadingBelowEarlier',
    'InvalidMaintenanceInterval',
  ],
  20,
);
