/**
 * Renders a template version for one person: the email's subject (one line), its HTML (every
 * value escaped) and plain-text part (the template's own, or generated from the rendered HTML
 * with html-to-text), or the SMS text with its encoding and parts. Sources are parsed once
 * (compileSource caches them).
 */
import { compile } from 'html-to-text';
import { TemplateErrors } from './template.errors';
import {
  compileSource,
  engineOf,
  type CompiledSource,
  type TemplateProblem,
} from './template-check';
import type { ContentField, TemplateContent } from './template-content';
import { ENGINES, type EngineName, type RenderGlobals } from './template-engine';
import type { MessageVariables } from './template-variables';
import { smsLength, type SmsEncoding } from './sms-encoding';

export interface RenderedEmail {
  readonly channel: 'email';
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}
export interface RenderedSms {
  readonly channel: 'sms';
  readonly text: string;
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 units (UCS-2). */
  readonly length: number;
  readonly segments: number;
}
export type RenderedMessage = RenderedEmail | RenderedSms;

/** A template version as the sender holds it (templateVersions.load answers one). */
export interface RenderableVersion {
  readonly content: TemplateContent;
}

export interface RenderOptions {
  /** Makes a URL a tracked link (`{{ offer.url | track }}`); the URL itself when absent. */
  readonly trackLink?: (url: string) => string;
}

/**
 * Plain-text part: wrapped like mail clients expect, links after their text, images left out.
 * Compiled once: html-to-text builds its selector tree per options object (~25 ms).
 */
const htmlToText = compile({
  wordwrap: 78,
  selectors: [
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    { selector: 'img', format: 'skip' },
  ],
});

export function renderMessage(
  version: RenderableVersion,
  variables: MessageVariables,
  options: RenderOptions = {},
): RenderedMessage {
  const { content } = version;
  const globals: RenderGlobals = options.trackLink ? { trackLink: options.trackLink } : {};
  const render = (field: ContentField, source: string) =>
    renderSource(field, source, engineOf(field, content), variables, globals);
  if (content.channel === 'sms') {
    const text = render('text', content.text);
    const counted = smsLength(text);
    return {
      channel: 'sms',
      text,
      encoding: counted.encoding,
      length: counted.units,
      segments: counted.segments,
    };
  }
  // A header is one line: a line break from a value (a name) must not start a new header.
  const subject = render('subject', content.subject)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const html = render('html', content.html);
  const text = content.text !== undefined ? render('text', content.text) : htmlToText(html);
  return { channel: 'email', subject, html, text };
}

function renderSource(
  field: ContentField,
  source: string,
  engine: EngineName,
  variables: MessageVariables,
  globals: RenderGlobals,
): string {
  const compiled = compiledFor(field, source, engine);
  // Every custom field the source names is present (null when the contact has none): strict
  // rendering then fails only on what the save-time check could not see.
  const customFields = {
    ...Object.fromEntries(compiled.customFieldKeys.map((key) => [key, null])),
    ...variables.contact.customFields,
  };
  const scope = { ...variables, contact: { ...variables.contact, customFields } };
  try {
    return ENGINES[engine].renderSync(compiled.templates, scope, { globals }) as string;
  } catch (error) {
    throw TemplateErrors.templateRenderFailed([renderProblem(field, error)]);
  }
}

function compiledFor(field: ContentField, source: string, engine: EngineName): CompiledSource {
  const result = compileSource(field, source, engine);
  if (!result.ok) throw TemplateErrors.invalidTemplate(result.problems);
  return result.compiled;
}

function renderProblem(field: ContentField, error: unknown): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  return { field, message: message.slice(0, 500) };
}
