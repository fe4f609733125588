/** What a marketer asks of a template. Sources arrive as untrusted text: the decider checks them. */
import type { TemplateChannel } from './template-content';

export type CreateTemplate = {
  type: 'CreateTemplate';
  data: {
    templateId: string;
    channel: TemplateChannel;
    name: string;
    subject?: string;
    html?: string;
    text?: string | null;
  };
};
/** Merge-patch semantics: an absent member stays as it is; `text: null` drops an email's own text part. */
export type EditTemplate = {
  type: 'EditTemplate';
  data: { name?: string; subject?: string; html?: string; text?: string | null };
};
export type ArchiveTemplate = { type: 'ArchiveTemplate'; data: Record<string, never> };

export type TemplateCommand = CreateTemplate | EditTemplate | ArchiveTemplate;
