import type {
  CallDetails,
  FeedbackDetails,
  InteractionChannel,
  InteractionKind,
} from './interaction';

export interface LogInteraction {
  readonly type: 'LogInteraction';
  readonly data: {
    interactionId: string;
    kind: InteractionKind;
    channel?: InteractionChannel;
    occurredAt: string;
    direction?: 'inbound' | 'outbound';
    contactIds: string[];
    userId?: string;
    subject?: string;
    body?: string;
    call?: CallDetails;
    feedback?: FeedbackDetails;
    /** The handler's clock: an interaction cannot be logged as happening in the future. */
    now: string;
  };
}
export interface ReassignInteractionContact {
  readonly type: 'ReassignInteractionContact';
  readonly data: { from: string; to: string };
}
export interface RedactInteraction {
  readonly type: 'RedactInteraction';
  readonly data: { contactId: string };
}

export type InteractionCommand = LogInteraction | ReassignInteractionContact | RedactInteraction;
