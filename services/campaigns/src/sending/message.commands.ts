/**
 * What the sender (dispatch, skip, outcomes) and the response endpoints (opens, clicks,
 * unsubscribes, bounces, complaints) ask of one message. `at` is the service clock's now.
 */
import type { MessageRef, SkipReason, UserAgentClass, BounceKind } from './message.events';

export type DispatchMessage = {
  type: 'DispatchMessage';
  data: MessageRef & { step: string; variantId: string; productId?: string; at: string };
};
export type SkipMessage = {
  type: 'SkipMessage';
  data: MessageRef & { step: string; variantId: string; reason: SkipReason; at: string };
};
export type RecordSent = { type: 'RecordSent'; data: { providerMessageId: string; at: string } };
export type RecordRejected = {
  type: 'RecordRejected';
  data: { permanent: boolean; code: string; text: string; attempts: number; at: string };
};
/** A temporary refusal: retry at `retryAt` (the sender's backoff). */
export type DeferMessage = {
  type: 'DeferMessage';
  data: { code: string; text: string; retryAt: string; at: string };
};
export type RedispatchMessage = { type: 'RedispatchMessage'; data: { at: string } };
export type RecordOutcomeUnknown = {
  type: 'RecordOutcomeUnknown';
  data: { reason: string; at: string };
};
export type RecordOpen = {
  type: 'RecordOpen';
  data: { at: string; userAgentClass: UserAgentClass; countsInRates: boolean };
};
export type RecordClick = {
  type: 'RecordClick';
  data: {
    linkIndex: number;
    url: string;
    at: string;
    userAgentClass: UserAgentClass;
    countsInRates: boolean;
  };
};
export type RecordUnsubscribe = { type: 'RecordUnsubscribe'; data: { at: string } };
export type RecordBounce = {
  type: 'RecordBounce';
  data: { kind: BounceKind; code?: string; text?: string; at: string };
};
export type RecordComplaint = { type: 'RecordComplaint'; data: { at: string } };

export type MessageCommand =
  | DispatchMessage
  | SkipMessage
  | RecordSent
  | RecordRejected
  | DeferMessage
  | RedispatchMessage
  | RecordOutcomeUnknown
  | RecordOpen
  | RecordClick
  | RecordUnsubscribe
  | RecordBounce
  | RecordComplaint;
