import { outcomeCommands, outcomeEvents } from './send-outcomes';
import type { MessageRef } from './message.events';

const AT = '2026-03-01T10:00:00.000Z';
const ref: MessageRef = { messageId: 'm1', campaignId: 'c1', contactId: 'p1', channel: 'email' };
const policy = { maxAttempts: 3, retryBaseMs: 60_000 };
const decide = (outcome: Parameters<typeof outcomeCommands>[0], attempt = 1) =>
  outcomeEvents(ref, outcomeCommands(outcome, attempt, AT, policy), attempt);

describe('send outcomes', () => {
  it('records an accepted message as sent', () => {
    expect(decide({ kind: 'accepted', providerMessageId: 'Q1' })).toEqual([
      { type: 'MessageSent', data: { ...ref, providerMessageId: 'Q1', at: AT } },
    ]);
  });

  it('records a permanent refusal as rejected and a hard bounce (which suppresses)', () => {
    expect(decide({ kind: 'rejected-permanent', code: '550', text: 'no such user' })).toEqual([
      {
        type: 'MessageRejected',
        data: { ...ref, permanent: true, code: '550', text: 'no such user', attempts: 1, at: AT },
      },
      {
        type: 'MessageBounced',
        data: { ...ref, kind: 'hard', code: '550', text: 'no such user', at: AT },
      },
    ]);
  });

  it('defers a temporary refusal with doubling delays, then gives up after the last attempt', () => {
    const retryAt = (attempt: number) =>
      (
        decide({ kind: 'rejected-temporary', code: '451', text: 'later' }, attempt)[0]!.data as {
          retryAt?: string;
        }
      ).retryAt;
    expect(retryAt(1)).toBe('2026-03-01T10:01:00.000Z');
    expect(retryAt(2)).toBe('2026-03-01T10:02:00.000Z');
    expect(decide({ kind: 'rejected-temporary', code: '451', text: 'later' }, 3)).toEqual([
      {
        type: 'MessageRejected',
        data: { ...ref, permanent: false, code: '451', text: 'later', attempts: 3, at: AT },
      },
    ]);
  });

  it('records a lost answer as unknown', () => {
    expect(decide({ kind: 'unknown', reason: 'timeout after DATA' })).toEqual([
      { type: 'MessageOutcomeUnknown', data: { ...ref, reason: 'timeout after DATA', at: AT } },
    ]);
  });
});
