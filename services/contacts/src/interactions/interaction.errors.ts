/** Every way a command on an interaction can be refused. */
import { defineErrors } from '@crm/event-sourcing';

export const InteractionErrors = defineErrors('interaction', {
  InteractionNotFound: { kind: 'not-found', message: () => 'Interaction does not exist' },
  InteractionDeleted: { kind: 'gone', message: () => 'This interaction was deleted' },
  InteractionErased: {
    kind: 'gone',
    message: () => 'Everyone who took part in this interaction was erased',
  },
  InteractionAlreadyLogged: {
    kind: 'conflict',
    message: () => 'This interaction was already logged',
  },
  CallDetailsRequired: {
    kind: 'invalid',
    message: () => 'call details are required for a call',
    details: () => ({ field: 'call' }),
  },
  CallDetailsOnlyForCalls: {
    kind: 'invalid',
    message: () => 'call details belong to calls only',
    details: () => ({ field: 'call' }),
  },
  InvalidDuration: {
    kind: 'invalid',
    message: () => 'call.durationSeconds must be a whole number from 0 to 86400',
    details: () => ({ field: 'call.durationSeconds' }),
  },
  FeedbackDetailsRequired: {
    kind: 'invalid',
    message: () => 'feedback details are required',
    details: () => ({ field: 'feedback' }),
  },
  FeedbackDetailsOnlyForFeedback: {
    kind: 'invalid',
    message: () => 'feedback details belong to feedback only',
    details: () => ({ field: 'feedback' }),
  },
  InvalidRating: {
    kind: 'invalid',
    message: () => 'feedback.rating must be a whole number from 1 to 5',
    details: () => ({ field: 'feedback.rating' }),
  },
  InteractionInFuture: {
    kind: 'invalid',
    message: () => 'occurredAt must not be in the future',
    details: () => ({ field: 'occurredAt' }),
  },
  ParticipantsRequired: {
    kind: 'invalid',
    message: () => 'contactIds must name 1 to 20 contacts',
    details: () => ({ field: 'contactIds' }),
  },
});
