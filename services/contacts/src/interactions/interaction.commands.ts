import type {
  CallDetails,
  FeedbackDetails,
  InteractionChannel,
  InteractionKind,
} from './interaction';
import type { MergePatch } from '../shared/merge-patch';

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

/** The values a correction may change: everything logged except the id and the participants. */
export type CorrectableInteraction = Omit<
  LogInteraction['data'],
  'interactionId' | 'contactIds' | 'now'
>;

/** A JSON Merge Patch (RFC 7396) of the logged values; the result is validated like a new log. */
export interface CorrectInteraction {
  readonly type: 'CorrectInteraction';
  readonly data: {
    patch: MergePatch<CorrectableInteraction>;
    /** The handler's clock: a corrected interaction cannot happen in the future either. */
    now: string;
  };
}

export interface DeleteInteraction {
  readonly type: 'DeleteInteraction';
  readonly data: Record<string, never>;
}

export type InteractionCommand =
  | LogInteraction
  | ReassignInteractionContact
  | RedactInteraction
  | CorrectInteraction
  | DeleteInteraction;
