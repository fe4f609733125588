/**
 * A template's life: created (version 1), revised (each content change is the next version;
 * every version is kept so a campaign can pin one), renamed, archived (final). The Liquid of
 * every field is checked before anything is decided (template-check.ts): a source that does not
 * parse or names a variable outside the catalogue saves nothing, not even a rename sent with it.
 * Repeating what is already so (the same content, the same name, archiving twice) changes nothing.
 */
import type { Decider } from '@crm/event-sourcing';
import { parseText } from '@crm/values';
import type { TemplateCommand } from './template.commands';
import type { TemplateEvent, TemplateStatus } from './template.events';
import { TemplateErrors } from './template.errors';
import { checkContent } from './template-check';
import {
  MAX_EMAIL_TEXT,
  MAX_HTML,
  MAX_SMS_TEXT,
  MAX_SUBJECT,
  MAX_TEMPLATE_NAME,
  type ContentField,
  type TemplateChannel,
  type TemplateContent,
} from './template-content';

export interface TemplateState {
  readonly exists: boolean;
  readonly templateId: string;
  readonly channel: TemplateChannel;
  readonly name: string;
  readonly status: TemplateStatus;
  /** Every version's content, version n at index n - 1. */
  readonly versions: readonly TemplateContent[];
}

export const initialTemplateState = (): TemplateState => ({
  exists: false,
  templateId: '',
  channel: 'email',
  name: '',
  status: 'active',
  versions: [],
});

export const currentContent = (state: TemplateState): TemplateContent | undefined =>
  state.versions[state.versions.length - 1];

export function evolveTemplate(state: TemplateState, event: TemplateEvent): TemplateState {
  switch (event.type) {
    case 'TemplateCreated': {
      const { templateId, channel, name, content } = event.data;
      return {
        ...initialTemplateState(),
        exists: true,
        templateId,
        channel,
        name,
        versions: [content],
      };
    }
    case 'TemplateRevised':
      return { ...state, versions: [...state.versions, event.data.content] };
    case 'TemplateRenamed':
      return { ...state, name: event.data.name };
    case 'TemplateArchived':
      return { ...state, status: 'archived' };
  }
}

export function decideTemplate(command: TemplateCommand, state: TemplateState): TemplateEvent[] {
  if (command.type === 'CreateTemplate') {
    if (state.exists) throw TemplateErrors.templateAlreadyExists(state.templateId);
    const { templateId, channel, subject, html, text } = command.data;
    const name = parseText(command.data.name, 'name', MAX_TEMPLATE_NAME);
    const content = validContent(channel, { subject, html, text });
    return [{ type: 'TemplateCreated', data: { templateId, channel, name, content } }];
  }
  if (!state.exists) throw TemplateErrors.templateNotFound();
  const templateId = state.templateId;
  if (state.status === 'archived') {
    if (command.type === 'ArchiveTemplate') return [];
    throw TemplateErrors.templateArchived();
  }
  if (command.type === 'ArchiveTemplate')
    return [{ type: 'TemplateArchived', data: { templateId } }];

  const { name: newName, ...fields } = command.data;
  const name = newName === undefined ? state.name : parseText(newName, 'name', MAX_TEMPLATE_NAME);
  const current = currentContent(state)!;
  const content = validContent(state.channel, mergeContent(current, fields));
  const events: TemplateEvent[] = [];
  if (name !== state.name) events.push({ type: 'TemplateRenamed', data: { templateId, name } });
  if (!sameContent(content, current))
    events.push({
      type: 'TemplateRevised',
      data: { templateId, version: state.versions.length + 1, content },
    });
  return events;
}

export const templateDecider: Decider<TemplateCommand, TemplateEvent, TemplateState> = {
  initialState: initialTemplateState,
  evolve: evolveTemplate,
  decide: decideTemplate,
};

export interface ContentFields {
  subject?: string | null;
  html?: string | null;
  text?: string | null;
}

/** The merge patch applied: absent members keep the current value, `null` drops an optional one. */
function mergeContent(current: TemplateContent, patch: ContentFields): ContentFields {
  const pick = (member: keyof ContentFields, now: string | undefined) =>
    patch[member] === undefined ? now : patch[member];
  if (current.channel === 'sms') return { ...patch, text: pick('text', current.text) };
  return {
    subject: pick('subject', current.subject),
    html: pick('html', current.html),
    text: pick('text', current.text),
  };
}

const MAX_LENGTH: Record<TemplateChannel, Partial<Record<ContentField, number>>> = {
  email: { subject: MAX_SUBJECT, html: MAX_HTML, text: MAX_EMAIL_TEXT },
  sms: { text: MAX_SMS_TEXT },
};

/**
 * The channel's fields present and within bounds, the others absent, and the Liquid sound: what a
 * save requires, and what the draft preview checks before it renders.
 */
export function validContent(channel: TemplateChannel, fields: ContentFields): TemplateContent {
  const required = (field: ContentField): string => {
    const value = fields[field];
    if (typeof value !== 'string' || value.trim() === '')
      throw TemplateErrors.templateFieldRequired(channel, field);
    return value;
  };
  let content: TemplateContent;
  if (channel === 'sms') {
    for (const field of ['subject', 'html'] as const)
      if (fields[field] !== undefined && fields[field] !== null)
        throw TemplateErrors.templateFieldNotAllowed(channel, field);
    content = { channel, text: required('text') };
  } else {
    const text = fields.text === undefined || fields.text === null ? undefined : required('text');
    content = {
      channel,
      subject: required('subject'),
      html: required('html'),
      ...(text !== undefined ? { text } : {}),
    };
  }
  const tooLong = Object.entries(content).flatMap(([field, value]) => {
    const max = MAX_LENGTH[channel][field as ContentField];
    return max !== undefined && (value as string).length > max
      ? [{ field: field as ContentField, message: `at most ${max} characters` }]
      : [];
  });
  const problems = tooLong.length > 0 ? tooLong : checkContent(content);
  if (problems.length > 0) throw TemplateErrors.invalidTemplate(problems);
  return content;
}

function sameContent(a: TemplateContent, b: TemplateContent): boolean {
  if (a.channel === 'sms' || b.channel === 'sms')
    return a.channel === b.channel && a.text === b.text;
  return a.subject === b.subject && a.html === b.html && a.text === b.text;
}
