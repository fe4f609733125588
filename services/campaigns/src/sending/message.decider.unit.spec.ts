import { DomainError, fold } from '@crm/event-sourcing';
import { deciderSpec } from '@crm/event-sourcing/testing';
import { ledgerMessageId } from './message-id';
import type { MessageCommand } from './message.commands';
import { messageDecider } from './message.decider';
import type { MessageEvent, MessageRef } from './message.events';

const given = deciderSpec(messageDecider);
const NOW = '2026-09-15T12:00:00.000Z';
const ref: MessageRef = { messageId: 'm1', campaignId: 'c1', contactId: 'p1', channel: 'email' };
const dispatched: MessageEvent = {
  type: 'MessageDispatched',
  data: { ...ref, step: 'broadcast', variantId: 'A', productId: 'prod-1', at: NOW },
};
const skipped: MessageEvent = {
  type: 'MessageSkipped',
  data: { ...ref, step: 'broadcast', variantId: 'A', reason: 'no-consent', at: NOW },
};
const sent: MessageEvent = {
  type: 'MessageSent',
  data: { ...ref, providerMessageId: 'x', at: NOW },
};
const unknown: MessageEvent = {
  type: 'MessageOutcomeUnknown',
  data: { ...ref, reason: 'crashed mid-send', at: NOW },
};
const open = (countsInRates: boolean): MessageCommand => ({
  type: 'RecordOpen',
  data: { at: NOW, userAgentClass: countsInRates ? 'human' : 'bot', countsInRates },
});
const click = (countsInRates: boolean): MessageCommand => ({
  type: 'RecordClick',
  data: {
    linkIndex: 0,
    url: 'https://shop.example/plan',
    at: NOW,
    userAgentClass: countsInRates ? 'human' : 'bot',
    countsInRates,
  },
});
const opened = (countsInRates: boolean, first: boolean): MessageEvent => ({
  type: 'MessageOpened',
  data: {
    ...ref,
    at: NOW,
    userAgentClass: countsInRates ? 'human' : 'bot',
    countsInRates,
    first,
  },
});

describe('Message decider (the send ledger)', () => {
  it('dispatches or skips only on an empty stream: a second writer is refused', () => {
    given([])
      .when({ type: 'DispatchMessage', data: dispatched.data as never })
      .then([dispatched]);
    given([])
      .when({ type: 'SkipMessage', data: skipped.data as never })
      .then([skipped]);
    given([dispatched])
      .when({ type: 'DispatchMessage', data: dispatched.data as never })
      .thenThrows('MessageAlreadyInLedger');
    given([skipped])
      .when({ type: 'DispatchMessage', data: dispatched.data as never })
      .thenThrows('MessageAlreadyInLedger');
  });

  it('records one outcome; a repeated or late one decides nothing; unknown stays unknown', () => {
    given([dispatched])
      .when({ type: 'RecordSent', data: { providerMessageId: 'x', at: NOW } })
      .then([sent]);
    given([dispatched, sent])
      .when({ type: 'RecordSent', data: { providerMessageId: 'y', at: NOW } })
      .thenNothingHappened();
    given([dispatched, unknown])
      .when({ type: 'RecordSent', data: { providerMessageId: 'y', at: NOW } })
      .thenNothingHappened();
    given([dispatched])
      .when({
        type: 'RecordRejected',
        data: { permanent: true, code: '550', text: 'no such user', attempts: 1, at: NOW },
      })
      .then([
        {
          type: 'MessageRejected',
          data: {
            ...ref,
            permanent: true,
            code: '550',
            text: 'no such user',
            attempts: 1,
            at: NOW,
          },
        },
      ]);
    given([dispatched])
      .when({ type: 'RecordOutcomeUnknown', data: { reason: 'crashed mid-send', at: NOW } })
      .then([unknown]);
    given([])
      .when({ type: 'RecordSent', data: { providerMessageId: 'x', at: NOW } })
      .thenThrows('MessageNotFound');
  });

  it('records every open; only the first one counting in the rates is first', () => {
    given([dispatched, sent])
      .when(open(false))
      .then([opened(false, false)]);
    given([dispatched, sent, opened(false, false)])
      .when(open(true))
      .then([opened(true, true)]);
    given([dispatched, sent, opened(true, true)])
      .when(open(true))
      .then([opened(true, false)]);
    const state = fold(messageDecider, [
      dispatched,
      sent,
      opened(false, false),
      opened(true, true),
    ]);
    expect(state).toMatchObject({ opens: 2, countedOpen: true, status: 'sent' });
  });

  it('records every click, first only once and never for a bot', () => {
    given([dispatched, sent])
      .when(click(true))
      .thenState((s) => expect(s).toMatchObject({ clicks: 1, countedClick: true }));
    const firstClick = messageDecider.decide(click(true), fold(messageDecider, [dispatched, sent]));
    expect(firstClick[0]).toMatchObject({ type: 'MessageClicked', data: { first: true } });
    const bot = messageDecider.decide(click(false), fold(messageDecider, [dispatched, sent]));
    expect(bot[0]).toMatchObject({ data: { first: false, countsInRates: false } });
    const again = messageDecider.decide(
      click(true),
      fold(messageDecider, [dispatched, sent, ...firstClick]),
    );
    expect(again[0]).toMatchObject({ data: { first: false } });
  });

  it('unsubscribes and complains once; a second one decides nothing', () => {
    const unsubscribed: MessageEvent = { type: 'MessageUnsubscribed', data: { ...ref, at: NOW } };
    given([dispatched, sent])
      .when({ type: 'RecordUnsubscribe', data: { at: NOW } })
      .then([unsubscribed]);
    given([dispatched, sent, unsubscribed])
      .when({ type: 'RecordUnsubscribe', data: { at: NOW } })
      .thenNothingHappened();
    const complained: MessageEvent = { type: 'MessageComplained', data: { ...ref, at: NOW } };
    given([dispatched, sent])
      .when({ type: 'RecordComplaint', data: { at: NOW } })
      .then([complained]);
    given([dispatched, sent, complained])
      .when({ type: 'RecordComplaint', data: { at: NOW } })
      .thenNothingHappened();
  });

  it('records soft bounces each time, a hard bounce once, nothing after a hard bounce', () => {
    const soft: MessageEvent = {
      type: 'MessageBounced',
      data: { ...ref, kind: 'soft', code: '452', at: NOW },
    };
    const hard: MessageEvent = { type: 'MessageBounced', data: { ...ref, kind: 'hard', at: NOW } };
    given([dispatched, sent, soft])
      .when({ type: 'RecordBounce', data: { kind: 'soft', code: '452', at: NOW } })
      .then([soft]);
    given([dispatched, sent, soft])
      .when({ type: 'RecordBounce', data: { kind: 'hard', at: NOW } })
      .then([hard]);
    given([dispatched, sent, hard])
      .when({ type: 'RecordBounce', data: { kind: 'soft', at: NOW } })
      .thenNothingHappened();
  });

  it('refuses responses to a skipped message (it was never sent)', () => {
    given([skipped])
      .when(open(true))
      .thenThrows((e) => e instanceof DomainError && e.code === 'MessageNotSent');
    given([skipped])
      .when({ type: 'RecordUnsubscribe', data: { at: NOW } })
      .thenThrows('MessageNotSent');
  });

  it('derives one id per (tenant, campaign, contact, step), different for any other part', () => {
    const id = ledgerMessageId('acme', 'c1', 'p1', 'broadcast');
    expect(ledgerMessageId('acme', 'c1', 'p1', 'broadcast')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (const other of [
      ledgerMessageId('globex', 'c1', 'p1', 'broadcast'),
      ledgerMessageId('acme', 'c2', 'p1', 'broadcast'),
      ledgerMessageId('acme', 'c1', 'p2', 'broadcast'),
      ledgerMessageId('acme', 'c1', 'p1', '2026-10-01'),
    ])
      expect(other).not.toBe(id);
  });
});

describe('Message decider: temporary refusals', () => {
  const deferred: MessageEvent = {
    type: 'MessageDeferred',
    data: { ...ref, attempt: 1, code: '451', text: 'try later', retryAt: NOW, at: NOW },
  };
  it('defers, redispatches as the next attempt, and a deferred message can be given up', () => {
    given([dispatched])
      .when({
        type: 'DeferMessage',
        data: { code: '451', text: 'try later', retryAt: NOW, at: NOW },
      })
      .then([deferred]);
    given([dispatched, deferred])
      .when({ type: 'RedispatchMessage', data: { at: NOW } })
      .then([{ type: 'MessageRedispatched', data: { ...ref, attempt: 2, at: NOW } }]);
    given([dispatched])
      .when({ type: 'RedispatchMessage', data: { at: NOW } })
      .thenNothingHappened();
    given([dispatched, deferred])
      .when({
        type: 'RecordRejected',
        data: { permanent: false, code: '451', text: 'try later', attempts: 1, at: NOW },
      })
      .thenState((s) => expect(s.status).toBe('rejected'));
    given([dispatched, deferred])
      .when({ type: 'RecordSent', data: { providerMessageId: 'x', at: NOW } })
      .thenNothingHappened();
  });
});
