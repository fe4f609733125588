/**
 * What happens to one message (one campaign, one person, one step), on its `message-<messageId>`
 * stream. The stream is the send ledger: its first event, MessageDispatched or MessageSkipped, is
 * appended with expected version no-stream, so a second writer for the same (campaign, person,
 * step) gets a conflict instead of a second copy. Only ids and outcomes: never an email, a phone
 * or a name (erasure of the person leaves nothing personal here).
 */
import type { DomainEvent } from '@crm/event-sourcing';
import type { Channel } from '../campaign/campaign.events';

/** Who and what every message event is about (ids only). */
export interface MessageRef {
  readonly messageId: string;
  readonly campaignId: string;
  readonly contactId: string;
  readonly channel: Channel;
}

export const SKIP_REASONS = [
  'no-consent',
  'suppressed',
  'erased',
  'no-address',
  'frequency-cap',
  'no-offer',
  /** The template could not be rendered with this person's data (logged). */
  'render-failed',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** A hit from a person, or from a link scanner / bot (recorded, but kept out of the rates). */
export type UserAgentClass = 'human' | 'bot';
export type BounceKind = 'hard' | 'soft';

/** Written BEFORE the provider call: from here on the message is never sent again. */
export type MessageDispatched = DomainEvent<
  'MessageDispatched',
  MessageRef & {
    /** `broadcast`, a trigger's source event id, or a recurring occurrence date. */
    step: string;
    variantId: string;
    productId?: string;
    at: string;
  }
>;
/** The person is not sent this step, now or later. */
export type MessageSkipped = DomainEvent<
  'MessageSkipped',
  MessageRef & { step: string; variantId: string; reason: SkipReason; at: string }
>;
export type MessageSent = DomainEvent<
  'MessageSent',
  MessageRef & { providerMessageId: string; at: string }
>;
/** Final: a permanent refusal, or a temporary one after the last attempt. */
export type MessageRejected = DomainEvent<
  'MessageRejected',
  MessageRef & { permanent: boolean; code: string; text: string; attempts: number; at: string }
>;
/** Refused for now (SMTP 4xx, HTTP 429/5xx): tried again at `retryAt`, not final. */
export type MessageDeferred = DomainEvent<
  'MessageDeferred',
  MessageRef & { attempt: number; code: string; text: string; retryAt: string; at: string }
>;
/** A deferred message handed to the provider again: in flight, like after MessageDispatched. */
export type MessageRedispatched = DomainEvent<
  'MessageRedispatched',
  MessageRef & { attempt: number; at: string }
>;
/** The provider may or may not have it (timeout, crash mid-send): reported, never resent. */
export type MessageOutcomeUnknown = DomainEvent<
  'MessageOutcomeUnknown',
  MessageRef & { reason: string; at: string }
>;
/** `first`: the first open that counts in the rates (unique opens). */
export type MessageOpened = DomainEvent<
  'MessageOpened',
  MessageRef & {
    at: string;
    userAgentClass: UserAgentClass;
    countsInRates: boolean;
    first: boolean;
  }
>;
export type MessageClicked = DomainEvent<
  'MessageClicked',
  MessageRef & {
    linkIndex: number;
    url: string;
    at: string;
    userAgentClass: UserAgentClass;
    countsInRates: boolean;
    first: boolean;
  }
>;
export type MessageUnsubscribed = DomainEvent<'MessageUnsubscribed', MessageRef & { at: string }>;
export type MessageBounced = DomainEvent<
  'MessageBounced',
  MessageRef & { kind: BounceKind; code?: string; text?: string; at: string }
>;
export type MessageComplained = DomainEvent<'MessageComplained', MessageRef & { at: string }>;

export type MessageEvent =
  | MessageDispatched
  | MessageSkipped
  | MessageSent
  | MessageRejected
  | MessageDeferred
  | MessageRedispatched
  | MessageOutcomeUnknown
  | MessageOpened
  | MessageClicked
  | MessageUnsubscribed
  | MessageBounced
  | MessageComplained;

export const MESSAGE_EVENT_TYPES: readonly MessageEvent['type'][] = [
  'MessageDispatched',
  'MessageSkipped',
  'MessageSent',
  'MessageRejected',
  'MessageDeferred',
  'MessageRedispatched',
  'MessageOutcomeUnknown',
  'MessageOpened',
  'MessageClicked',
  'MessageUnsubscribed',
  'MessageBounced',
  'MessageComplained',
];
