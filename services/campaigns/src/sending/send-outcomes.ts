/**
 * What a channel's answer means for the ledger, as message commands (pure): accepted -> sent;
 * rejected-permanent -> rejected for good plus a hard bounce (the suppression list keeps the
 * person out); rejected-temporary -> deferred with exponential backoff, or rejected after the
 * last attempt; unknown -> unknown (never resent). The message decider turns them into events.
 */
import type { SendOutcome } from '../channels/message-channel';
import type { MessageCommand } from './message.commands';
import { initialMessageState, messageDecider, type MessageState } from './message.decider';
import type { MessageEvent, MessageRef } from './message.events';

export interface RetryPolicy {
  readonly maxAttempts: number;
  /** The first retry's delay; doubled per attempt. */
  readonly retryBaseMs: number;
}

export function outcomeCommands(
  outcome: SendOutcome,
  attempt: number,
  at: string,
  policy: RetryPolicy,
): MessageCommand[] {
  switch (outcome.kind) {
    case 'accepted':
      return [{ type: 'RecordSent', data: { providerMessageId: outcome.providerMessageId, at } }];
    case 'rejected-permanent': {
      const { code, text } = outcome;
      return [
        { type: 'RecordRejected', data: { permanent: true, code, text, attempts: attempt, at } },
        { type: 'RecordBounce', data: { kind: 'hard', code, text, at } },
      ];
    }
    case 'rejected-temporary': {
      const { code, text } = outcome;
      if (attempt >= policy.maxAttempts)
        return [
          { type: 'RecordRejected', data: { permanent: false, code, text, attempts: attempt, at } },
        ];
      const retryAt = new Date(Date.parse(at) + policy.retryBaseMs * 2 ** (attempt - 1));
      return [{ type: 'DeferMessage', data: { code, text, retryAt: retryAt.toISOString(), at } }];
    }
    case 'unknown':
      return [{ type: 'RecordOutcomeUnknown', data: { reason: outcome.reason, at } }];
  }
}

/** The events those commands decide for a message in flight at `attempt` (what the sender wrote). */
export function outcomeEvents(
  ref: MessageRef,
  commands: readonly MessageCommand[],
  attempt: number,
): MessageEvent[] {
  let state: MessageState = {
    ...initialMessageState(),
    exists: true,
    ref,
    status: 'dispatched',
    attempts: attempt,
  };
  const events: MessageEvent[] = [];
  for (const command of commands) {
    const decided = messageDecider.decide(command, state);
    state = decided.reduce(messageDecider.evolve, state);
    events.push(...decided);
  }
  return events;
}
