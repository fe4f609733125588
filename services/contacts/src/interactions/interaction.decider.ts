/**
 * One logged interaction. Invariants: at least one contact takes part; call details only on
 * calls, with E.164 numbers and a plausible duration; nothing happens in the future, corrected or
 * not; participants change only by merge re-pointing and erase redaction; a deleted interaction
 * takes no further command.
 */
import { type Decider } from '@crm/event-sourcing';
import {
  parseInstant,
  parseOneOf,
  parseOptionalText,
  parsePhoneNumber,
  parseText,
} from '@crm/values';
import { compact } from '../shared/compact';
import { isInFuture } from '../shared/future-instant';
import {
  CALL_OUTCOMES,
  DEFAULT_CHANNEL,
  DIRECTIONS,
  FEEDBACK_CATEGORIES,
  INTERACTION_CHANNELS,
  INTERACTION_KINDS,
  SEVERITIES,
  type CallDetails,
  type FeedbackDetails,
} from './interaction';
import type {
  CorrectInteraction,
  InteractionCommand,
  LogInteraction,
} from './interaction.commands';
import { applyMergePatch } from '../shared/merge-patch';
import type { InteractionEvent, InteractionRecord } from './interaction.events';
import { InteractionErrors } from './interaction.errors';
import { ListErrors } from '../shared/list.errors';

export interface InteractionState {
  readonly logged: boolean;
  readonly deleted: boolean;
  readonly contactIds: readonly string[];
  /** What it says now (after corrections, re-pointing and redaction); undefined before the log. */
  readonly record?: InteractionRecord;
}

function parseCall(raw: CallDetails | undefined): CallDetails {
  if (!raw || typeof raw !== 'object') throw InteractionErrors.callDetailsRequired();
  const duration = raw.durationSeconds;
  if (!Number.isInteger(duration) || duration < 0 || duration > 86_400) {
    throw InteractionErrors.invalidDuration();
  }
  return compact({
    direction: parseOneOf(raw.direction, DIRECTIONS, 'call.direction'),
    from: parsePhoneNumber(raw.from, 'call.from'),
    to: parsePhoneNumber(raw.to, 'call.to'),
    startedAt: parseInstant(raw.startedAt, 'call.startedAt'),
    durationSeconds: duration,
    purpose: parseOptionalText(raw.purpose, 'call.purpose', 200),
    outcome: parseOneOf(raw.outcome, CALL_OUTCOMES, 'call.outcome'),
  });
}

function parseFeedback(raw: FeedbackDetails | undefined): FeedbackDetails {
  if (!raw || typeof raw !== 'object') throw InteractionErrors.feedbackDetailsRequired();
  if (
    raw.rating !== undefined &&
    (!Number.isInteger(raw.rating) || raw.rating < 1 || raw.rating > 5)
  ) {
    throw InteractionErrors.invalidRating();
  }
  return compact({
    category: parseOneOf(raw.category, FEEDBACK_CATEGORIES, 'feedback.category'),
    rating: raw.rating,
    severity:
      raw.severity === undefined
        ? undefined
        : parseOneOf(raw.severity, SEVERITIES, 'feedback.severity'),
  });
}

function decideLog(d: LogInteraction['data']): InteractionRecord {
  const kind = parseOneOf(d.kind, INTERACTION_KINDS, 'kind');
  const occurredAt = parseInstant(d.occurredAt, 'occurredAt');
  if (isInFuture(occurredAt, d.now)) {
    throw InteractionErrors.interactionInFuture();
  }
  if (!Array.isArray(d.contactIds) || d.contactIds.length === 0 || d.contactIds.length > 20) {
    throw InteractionErrors.participantsRequired();
  }
  const contactIds = d.contactIds.map((id, i) => parseText(id, `contactIds[${i}]`, 128));
  if (new Set(contactIds).size !== contactIds.length) {
    throw ListErrors.duplicateEntry('contactIds', 'a contact');
  }
  if (kind !== 'call' && d.call !== undefined) throw InteractionErrors.callDetailsOnlyForCalls();
  if (kind !== 'feedback' && d.feedback !== undefined) {
    throw InteractionErrors.feedbackDetailsOnlyForFeedback();
  }
  const call = kind === 'call' ? parseCall(d.call) : undefined;
  return compact({
    interactionId: d.interactionId,
    kind,
    channel:
      d.channel === undefined
        ? DEFAULT_CHANNEL[kind]
        : parseOneOf(d.channel, INTERACTION_CHANNELS, 'channel'),
    occurredAt,
    direction:
      call?.direction ??
      (d.direction === undefined ? undefined : parseOneOf(d.direction, DIRECTIONS, 'direction')),
    contactIds,
    userId: parseOptionalText(d.userId, 'userId', 128),
    subject: parseOptionalText(d.subject, 'subject', 200),
    body: parseOptionalText(d.body, 'body', 20_000),
    call,
    feedback: kind === 'feedback' ? parseFeedback(d.feedback) : undefined,
  });
}

/** Members a correction compares; ids and participants are not the client's to correct. */
const CORRECTABLE = [
  'kind',
  'channel',
  'occurredAt',
  'direction',
  'userId',
  'subject',
  'body',
  'call',
  'feedback',
] as const;

function decideCorrection(
  d: CorrectInteraction['data'],
  record: InteractionRecord,
): InteractionEvent[] {
  const { interactionId, contactIds, ...current } = record;
  const patched = applyMergePatch(current, d.patch) as Record<string, unknown>;
  // A new kind without a channel takes the new kind's default, as a new log would.
  if (d.patch.kind != null && d.patch.channel === undefined) delete patched.channel;
  // The call's direction is the interaction's; a stale copy must not outvote a new call.
  if (d.patch.call != null && d.patch.direction === undefined) delete patched.direction;
  const corrected = decideLog({
    ...(patched as Omit<LogInteraction['data'], 'interactionId' | 'contactIds' | 'now'>),
    interactionId,
    contactIds: [...contactIds],
    now: d.now,
  });
  const changed = CORRECTABLE.filter(
    (key) => JSON.stringify(corrected[key]) !== JSON.stringify(record[key]),
  );
  return changed.length === 0
    ? []
    : [{ type: 'InteractionCorrected', data: { ...corrected, changed: [...changed] } }];
}

function decide(command: InteractionCommand, state: InteractionState): InteractionEvent[] {
  if (command.type === 'LogInteraction') {
    if (state.logged) throw InteractionErrors.interactionAlreadyLogged();
    return [{ type: 'InteractionLogged', data: decideLog(command.data) }];
  }
  if (!state.logged) throw InteractionErrors.interactionNotFound();
  if (state.deleted) {
    // Merge and erase walk whatever they find; a deleted interaction has nothing left for them.
    if (command.type === 'ReassignInteractionContact' || command.type === 'RedactInteraction') {
      return [];
    }
    throw InteractionErrors.interactionDeleted();
  }
  switch (command.type) {
    case 'ReassignInteractionContact': {
      const { from, to } = command.data;
      return state.contactIds.includes(from)
        ? [{ type: 'InteractionContactReassigned', data: { from, to } }]
        : [];
    }
    case 'RedactInteraction': {
      const { contactId } = command.data;
      if (!state.contactIds.includes(contactId)) return [];
      return [
        {
          type: 'InteractionRedacted',
          data: { contactId, contentRemoved: state.contactIds.length === 1 },
        },
      ];
    }
    case 'CorrectInteraction':
      if (state.contactIds.length === 0) throw InteractionErrors.interactionErased();
      return decideCorrection(command.data, state.record!);
    case 'DeleteInteraction':
      return [
        {
          type: 'InteractionDeleted',
          data: { interactionId: state.record!.interactionId, contactIds: [...state.contactIds] },
        },
      ];
  }
}

/** The record without the content an erase removed (when its last participant left). */
function withoutContent(record: InteractionRecord): InteractionRecord {
  const { subject: _s, body: _b, call: _c, feedback: _f, ...rest } = record;
  return rest;
}

function evolve(state: InteractionState, event: InteractionEvent): InteractionState {
  switch (event.type) {
    case 'InteractionLogged':
      return {
        logged: true,
        deleted: false,
        contactIds: event.data.contactIds,
        record: event.data,
      };
    case 'InteractionCorrected': {
      const { changed: _changed, ...record } = event.data;
      return { ...state, record: { ...record, contactIds: [...state.contactIds] } };
    }
    case 'InteractionDeleted':
      return { ...state, deleted: true };
    case 'InteractionContactReassigned': {
      const { from, to } = event.data;
      // If the survivor already took part, the duplicate's entry simply disappears.
      const replaced = state.contactIds.map((id) => (id === from ? to : id));
      const contactIds = [...new Set(replaced)];
      return { ...state, contactIds, record: state.record && { ...state.record, contactIds } };
    }
    case 'InteractionRedacted': {
      const contactIds = state.contactIds.filter((id) => id !== event.data.contactId);
      const record = state.record && { ...state.record, contactIds };
      return {
        ...state,
        contactIds,
        record: record && event.data.contentRemoved ? withoutContent(record) : record,
      };
    }
  }
}

export const interactionDecider: Decider<InteractionCommand, InteractionEvent, InteractionState> = {
  initialState: () => ({ logged: false, deleted: false, contactIds: [] }),
  evolve,
  decide,
};
