/**
 * The segment errors are declared once in segment.errors.ts (code, kind, status, problem type);
 * no file under segments/ builds a DomainError inline. Until the campaigns service has its own
 * error-catalogue spec, this one audits the segments feature (its catalogue is small).
 */
import { describeServiceErrorCatalogues } from '@crm/platform/testing';

describeServiceErrorCatalogues(
  'campaigns segments',
  __dirname,
  ['SegmentNotFound', 'InvalidRule', 'SegmentArchived', 'SegmentKindMismatch'],
  5,
);
