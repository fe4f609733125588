/**
 * One message's story: dispatched (before the provider call) -> sent | rejected | unknown, or
 * skipped at send time; then the recipient's responses.
 *
 * - The first event (dispatched or skipped) only on an empty stream: the ledger's unique key.
 * - An outcome only once, and only after dispatch; a repeated or late one decides nothing
 *   (an `unknown` stays unknown: it is reported, never resent). A temporary refusal defers the
 *   message (nothing in flight); a redispatch puts it in flight again, attempt + 1.
 * - Opens and clicks are recorded every time (bots too, with `countsInRates: false`); `first`
 *   marks the first one that counts in the rates, for unique counts.
 * - Unsubscribe, complaint and a hard bounce once; soft bounces each time (three of one contact
 *   on one channel suppress it, see suppression-list.ts), none after a hard bounce.
 * - A skipped message was never sent: responses to it are MessageNotSent.
 */
import type { Decider } from '@crm/event-sourcing';
import type { MessageCommand } from './message.commands';
import { MessageErrors } from './message.errors';
import type { MessageEvent, MessageRef, SkipReason } from './message.events';

/** `deferred`: refused for now, waiting for its retry (nothing in flight). */
export type MessageStatus = 'dispatched' | 'deferred' | 'sent' | 'rejected' | 'unknown' | 'skipped';

export interface MessageState {
  readonly exists: boolean;
  readonly ref: MessageRef | null;
  readonly step: string;
  readonly variantId: string;
  readonly status: MessageStatus | null;
  readonly skipReason: SkipReason | null;
  /** Provider calls made so far (1 after the dispatch). */
  readonly attempts: number;
  readonly opens: number;
  readonly clicks: number;
  readonly countedOpen: boolean;
  readonly countedClick: boolean;
  readonly unsubscribed: boolean;
  readonly complained: boolean;
  readonly hardBounced: boolean;
  readonly softBounces: number;
}

export const initialMessageState = (): MessageState => ({
  exists: false,
  ref: null,
  step: '',
  variantId: '',
  status: null,
  skipReason: null,
  attempts: 0,
  opens: 0,
  clicks: 0,
  countedOpen: false,
  countedClick: false,
  unsubscribed: false,
  complained: false,
  hardBounced: false,
  softBounces: 0,
});

function refOf(data: MessageRef): MessageRef {
  return {
    messageId: data.messageId,
    campaignId: data.campaignId,
    contactId: data.contactId,
    channel: data.channel,
  };
}

export function evolveMessage(state: MessageState, event: MessageEvent): MessageState {
  switch (event.type) {
    case 'MessageDispatched':
      return {
        ...initialMessageState(),
        exists: true,
        ref: refOf(event.data),
        step: event.data.step,
        variantId: event.data.variantId,
        status: 'dispatched',
        attempts: 1,
      };
    case 'MessageSkipped':
      return {
        ...initialMessageState(),
        exists: true,
        ref: refOf(event.data),
        step: event.data.step,
        variantId: event.data.variantId,
        status: 'skipped',
        skipReason: event.data.reason,
      };
    case 'MessageSent':
      return { ...state, status: 'sent' };
    case 'MessageRejected':
      return { ...state, status: 'rejected' };
    case 'MessageDeferred':
      return { ...state, status: 'deferred' };
    case 'MessageRedispatched':
      return { ...state, status: 'dispatched', attempts: event.data.attempt };
    case 'MessageOutcomeUnknown':
      return { ...state, status: 'unknown' };
    case 'MessageOpened':
      return {
        ...state,
        opens: state.opens + 1,
        countedOpen: state.countedOpen || event.data.countsInRates,
      };
    case 'MessageClicked':
      return {
        ...state,
        clicks: state.clicks + 1,
        countedClick: state.countedClick || event.data.countsInRates,
      };
    case 'MessageUnsubscribed':
      return { ...state, unsubscribed: true };
    case 'MessageComplained':
      return { ...state, complained: true };
    case 'MessageBounced':
      return event.data.kind === 'hard'
        ? { ...state, hardBounced: true }
        : { ...state, softBounces: state.softBounces + 1 };
  }
}

export function decideMessage(command: MessageCommand, state: MessageState): MessageEvent[] {
  if (command.type === 'DispatchMessage' || command.type === 'SkipMessage') {
    if (state.exists) throw MessageErrors.messageAlreadyInLedger(command.data.messageId);
    return command.type === 'DispatchMessage'
      ? [{ type: 'MessageDispatched', data: command.data }]
      : [{ type: 'MessageSkipped', data: command.data }];
  }
  if (!state.exists || !state.ref) throw MessageErrors.messageNotFound();
  const ref = state.ref;
  if (state.status === 'skipped') throw MessageErrors.messageNotSent(ref.messageId);
  const awaitingOutcome = state.status === 'dispatched';
  switch (command.type) {
    case 'RecordSent':
      if (!awaitingOutcome) return [];
      return [{ type: 'MessageSent', data: { ...ref, ...command.data } }];
    case 'RecordRejected':
      // A deferred message may be given up without another call (its last attempt is spent).
      if (!awaitingOutcome && state.status !== 'deferred') return [];
      return [{ type: 'MessageRejected', data: { ...ref, ...command.data } }];
    case 'DeferMessage':
      if (!awaitingOutcome) return [];
      return [
        { type: 'MessageDeferred', data: { ...ref, attempt: state.attempts, ...command.data } },
      ];
    case 'RedispatchMessage':
      if (state.status !== 'deferred') return [];
      return [
        {
          type: 'MessageRedispatched',
          data: { ...ref, attempt: state.attempts + 1, at: command.data.at },
        },
      ];
    case 'RecordOutcomeUnknown':
      if (!awaitingOutcome) return [];
      return [{ type: 'MessageOutcomeUnknown', data: { ...ref, ...command.data } }];
    case 'RecordOpen': {
      const first = command.data.countsInRates && !state.countedOpen;
      return [{ type: 'MessageOpened', data: { ...ref, ...command.data, first } }];
    }
    case 'RecordClick': {
      const first = command.data.countsInRates && !state.countedClick;
      return [{ type: 'MessageClicked', data: { ...ref, ...command.data, first } }];
    }
    case 'RecordUnsubscribe':
      if (state.unsubscribed) return [];
      return [{ type: 'MessageUnsubscribed', data: { ...ref, at: command.data.at } }];
    case 'RecordComplaint':
      if (state.complained) return [];
      return [{ type: 'MessageComplained', data: { ...ref, at: command.data.at } }];
    case 'RecordBounce': {
      if (state.hardBounced) return [];
      const { kind, code, text, at } = command.data;
      return [
        {
          type: 'MessageBounced',
          data: {
            ...ref,
            kind,
            ...(code !== undefined ? { code } : {}),
            ...(text !== undefined ? { text } : {}),
            at,
          },
        },
      ];
    }
  }
}

export const messageDecider: Decider<MessageCommand, MessageEvent, MessageState> = {
  initialState: initialMessageState,
  evolve: evolveMessage,
  decide: decideMessage,
};

/** The stream category of the send ledger: `message-<messageId>`. */
export const MESSAGE_CATEGORY = 'message';
