/** What a template version holds: Liquid sources per channel (marketer-written, no personal data). */

export const TEMPLATE_CHANNELS = ['email', 'sms'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

export interface EmailContent {
  readonly channel: 'email';
  readonly subject: string;
  readonly html: string;
  /** The plain-text part; absent: generated from the rendered HTML. */
  readonly text?: string;
}
export interface SmsContent {
  readonly channel: 'sms';
  readonly text: string;
}
export type TemplateContent = EmailContent | SmsContent;

/** The Liquid fields of a channel's content, as errors[].field names them. */
export type ContentField = 'subject' | 'html' | 'text';

export const MAX_SUBJECT = 500;
export const MAX_HTML = 500_000;
export const MAX_EMAIL_TEXT = 100_000;
/** Liquid source of an SMS (the rendered text may be longer or shorter). */
export const MAX_SMS_TEXT = 5_000;
export const MAX_TEMPLATE_NAME = 200;

/** The sources of a content by field, in the order problems are reported. */
export function sourcesOf(content: TemplateContent): [ContentField, string][] {
  if (content.channel === 'sms') return [['text', content.text]];
  return [
    ['subject', content.subject],
    ['html', content.html],
    ...(content.text !== undefined ? ([['text', content.text]] as [ContentField, string][]) : []),
  ];
}
