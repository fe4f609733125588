/**
 * What happens to a template, on its `template-<id>` stream. Events hold the marketer's Liquid
 * sources and names only, never a person's data (that is filled in at render time). Each
 * content change is a new numbered version; earlier versions stay readable so a campaign can
 * pin the one it sends.
 */
import type { DomainEvent } from '@crm/event-sourcing';
import type { TemplateChannel, TemplateContent } from './template-content';

export const TEMPLATE_STATUSES = ['active', 'archived'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/** Version 1 of the content. */
export type TemplateCreated = DomainEvent<
  'TemplateCreated',
  { templateId: string; channel: TemplateChannel; name: string; content: TemplateContent }
>;
/** Version `version` (2, 3, ...): the whole new content. */
export type TemplateRevised = DomainEvent<
  'TemplateRevised',
  { templateId: string; version: number; content: TemplateContent }
>;
/** A new name; the content (and its version) is unchanged. */
export type TemplateRenamed = DomainEvent<'TemplateRenamed', { templateId: string; name: string }>;
export type TemplateArchived = DomainEvent<'TemplateArchived', { templateId: string }>;

export type TemplateEvent = TemplateCreated | TemplateRevised | TemplateRenamed | TemplateArchived;
