/**
 * The template errors are declared once in template.errors.ts (code, kind, status, problem type);
 * no file under templates/ builds a DomainError inline.
 */
import { describeServiceErrorCatalogues } from '@crm/platform/testing';

describeServiceErrorCatalogues(
  'campaigns templates',
  __dirname,
  ['TemplateNotFound', 'InvalidTemplate', 'TemplateRenderFailed', 'PreviewContactNotFound'],
  7,
);
