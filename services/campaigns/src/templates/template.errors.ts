/** Every way a command on a template, a preview or a render can be refused. */
import { defineErrors } from '@crm/event-sourcing';
import type { TemplateProblem } from './template-check';
import type { TemplateChannel } from './template-content';

const problemList = (problems: readonly TemplateProblem[]) =>
  problems
    .map((p) => `${p.field}: ${p.message}`)
    .join('; ')
    .slice(0, 2000);

export const TemplateErrors = defineErrors('template', {
  TemplateNotFound: { kind: 'not-found', message: () => 'No such template' },
  TemplateVersionNotFound: {
    kind: 'not-found',
    message: (version: number) => `The template has no version ${version}`,
  },
  TemplateAlreadyExists: {
    kind: 'conflict',
    message: (templateId: string) => `Template ${templateId} already exists`,
  },
  /**
   * The Liquid does not parse or reads a variable outside the catalogue: each problem in
   * `errors[]` (`field` = subject, html or text; the variable, line and column); nothing is saved.
   */
  InvalidTemplate: {
    kind: 'invalid',
    message: (problems: readonly TemplateProblem[]) =>
      `The template is invalid: ${problemList(problems)}`,
    details: (problems) => ({ errors: problems.map((p) => ({ ...p })) }),
  },
  /** An email needs a subject and HTML; an SMS has only a text. */
  TemplateFieldRequired: {
    kind: 'invalid',
    message: (channel: TemplateChannel, field: string) => `An ${channel} template needs ${field}`,
    details: (_channel, field) => ({ errors: [{ field, message: 'required' }] }),
  },
  TemplateFieldNotAllowed: {
    kind: 'invalid',
    message: (channel: TemplateChannel, field: string) => `An ${channel} template has no ${field}`,
    details: (channel, field) => ({
      errors: [{ field, message: `not part of an ${channel} template` }],
    }),
  },
  /** Archived is final. */
  TemplateArchived: {
    kind: 'conflict',
    message: () => 'The template is archived; an archived template cannot change',
    details: () => ({ status: 'archived' }),
  },
  /** The render stopped (a limit, a value the template cannot print): which field, and why. */
  TemplateRenderFailed: {
    kind: 'invalid',
    message: (problems: readonly TemplateProblem[]) =>
      `The template could not be rendered: ${problemList(problems)}`,
    details: (problems) => ({ errors: problems.map((p) => ({ ...p })) }),
  },
  PreviewContactNotFound: {
    kind: 'not-found',
    message: () => 'No such contact in the audience',
    details: () => ({ errors: [{ field: 'contactId', message: 'unknown contact' }] }),
  },
});
