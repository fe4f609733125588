/** Facts about one interaction, stream `interaction-<interactionId>`. Subject and body are personal. */
import type { DomainEvent } from '@crm/event-sourcing';
import type {
  CallDetails,
  FeedbackDetails,
  InteractionChannel,
  InteractionKind,
} from './interaction';

export interface InteractionRecord {
  interactionId: string;
  kind: InteractionKind;
  channel: InteractionChannel;
  occurredAt: string;
  direction?: 'inbound' | 'outbound';
  contactIds: string[];
  userId?: string;
  subject?: string;
  body?: string;
  call?: CallDetails;
  feedback?: FeedbackDetails;
}

export type InteractionLogged = DomainEvent<'InteractionLogged', InteractionRecord>;
/** Merge: the duplicate's place among the participants goes to the survivor. */
export type InteractionContactReassigned = DomainEvent<
  'InteractionContactReassigned',
  { from: string; to: string }
>;
/** Erase: the person leaves the participants; when nobody is left, subject and body go too. */
export type InteractionRedacted = DomainEvent<
  'InteractionRedacted',
  { contactId: string; contentRemoved: boolean }
>;

/**
 * A correction: the interaction's values after it, whole (event-carried, so readers need no
 * earlier event), with the names of the members that changed. Participants are not corrected.
 */
export type InteractionCorrected = DomainEvent<
  'InteractionCorrected',
  InteractionRecord & { changed: string[] }
>;

/** Logged by mistake: it leaves the timeline and reads answer 410. Names who took part. */
export type InteractionDeleted = DomainEvent<
  'InteractionDeleted',
  { interactionId: string; contactIds: string[] }
>;

export type InteractionEvent =
  | InteractionLogged
  | InteractionContactReassigned
  | InteractionRedacted
  | InteractionCorrected
  | InteractionDeleted;
