import { CALL_OUTCOMES } from '@crm/contracts';

export const INTERACTION_KINDS = [
  'call',
  'email',
  'sms',
  'meeting',
  'note',
  'chat',
  'feedback',
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

export const INTERACTION_CHANNELS = [
  'phone',
  'email',
  'sms',
  'post',
  'in-person',
  'video',
  'chat',
  'web',
  'social',
  'internal',
] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];

/** The channel a kind happens on unless the client says otherwise (a meeting may be a video call). */
export const DEFAULT_CHANNEL: Record<InteractionKind, InteractionChannel> = {
  call: 'phone',
  email: 'email',
  sms: 'sms',
  meeting: 'in-person',
  note: 'internal',
  chat: 'chat',
  feedback: 'web',
};

export const DIRECTIONS = ['inbound', 'outbound'] as const;
/** One vocabulary with sales' call activities. */
export { CALL_OUTCOMES };
export const FEEDBACK_CATEGORIES = ['feedback', 'issue', 'complaint', 'praise'] as const;
export const SEVERITIES = ['low', 'medium', 'high'] as const;

export interface CallDetails {
  readonly direction: (typeof DIRECTIONS)[number];
  readonly from: string;
  readonly to: string;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly purpose?: string;
  readonly outcome: (typeof CALL_OUTCOMES)[number];
}

export interface FeedbackDetails {
  readonly category: (typeof FEEDBACK_CATEGORIES)[number];
  /** 1 (worst) to 5 (best). */
  readonly rating?: number;
  readonly severity?: (typeof SEVERITIES)[number];
}
