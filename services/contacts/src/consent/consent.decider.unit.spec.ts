import { deciderSpec } from '@crm/event-sourcing/testing';
import { fieldError } from '../testing/field-error';
import { mayContact } from './consent';
import { consentDecider } from './consent.decider';
import type { ConsentEvent } from './consent.events';

const given = deciderSpec(consentDecider);
const at = '2026-11-20T09:00:00.000Z';
/** The service clock at the time of every command here. */
const now = '2026-11-20T12:00:00.000Z';
const emailGranted: ConsentEvent = {
  type: 'ConsentGranted',
  data: {
    contactId: 'c1',
    channel: 'email',
    legalBasis: 'consent',
    source: 'web-form:newsletter',
    at,
  },
};
/** The command that records `emailGranted`. */
const grantEmail = {
  contactId: 'c1',
  channel: 'email',
  legalBasis: 'consent',
  source: 'web-form:newsletter',
  decidedAt: at,
  now,
} as const;
const smsWithdrawn: ConsentEvent = {
  type: 'ConsentWithdrawn',
  data: { contactId: 'c1', channel: 'sms', source: 'sms:STOP', at },
};

describe('consent decider', () => {
  it('grants a channel with its legal basis, source and normalised timestamp', () =>
    given([])
      .when({
        type: 'GrantConsent',
        data: {
          contactId: 'c1',
          channel: 'email',
          legalBasis: 'consent',
          source: 'web-form:newsletter',
          decidedAt: '2026-11-20T10:00:00+01:00',
          now,
        },
      })
      .then([emailGranted]));

  it('repeating the current grant records nothing; a new basis is a new fact', () => {
    given([emailGranted])
      .when({ type: 'GrantConsent', data: { ...grantEmail, legalBasis: 'consent' } })
      .thenNothingHappened();
    given([emailGranted])
      .when({ type: 'GrantConsent', data: { ...grantEmail, legalBasis: 'contract' } })
      .then([{ type: 'ConsentGranted', data: { ...emailGranted.data, legalBasis: 'contract' } }]);
  });

  it('withdrawing takes the channel off the list of channels that may be contacted', () =>
    given([emailGranted])
      .when({
        type: 'WithdrawConsent',
        data: {
          contactId: 'c1',
          channel: 'email',
          source: 'customer-portal',
          decidedAt: at,
          now,
          reason: 'too many mails',
        },
      })
      .thenState((s) => {
        expect(mayContact(s.channels, 'email')).toBe(false);
        expect(s.channels.email).toMatchObject({ status: 'withdrawn', source: 'customer-portal' });
      }));

  it('records a withdrawal for a channel never granted (standing opt-out), once', () => {
    given([])
      .when({
        type: 'WithdrawConsent',
        data: { contactId: 'c1', channel: 'sms', source: 'sms:STOP', decidedAt: at, now },
      })
      .then([smsWithdrawn]);
    given([smsWithdrawn])
      .when({
        type: 'WithdrawConsent',
        data: { contactId: 'c1', channel: 'sms', source: 'again', decidedAt: at, now },
      })
      .thenNothingHappened();
  });

  it('a channel without any decision may not be contacted', () =>
    given([])
      .when({
        type: 'WithdrawConsent',
        data: { contactId: 'c1', channel: 'sms', source: 'x', decidedAt: at, now },
      })
      .thenState((s) => expect(mayContact(s.channels, 'phone')).toBe(false)));

  it.each([
    ['an unknown channel', { channel: 'fax' }, 'NotAllowedValue', 'channel'],
    ['an unknown legal basis', { legalBasis: 'because' }, 'NotAllowedValue', 'legalBasis'],
    ['a missing source', { source: '' }, 'RequiredText', 'source'],
    [
      'a timestamp without offset',
      { decidedAt: '2026-11-20 10:00' },
      'InvalidInstant',
      'decidedAt',
    ],
    [
      'a decision in the year 2999',
      { decidedAt: '2999-01-01T00:00:00Z' },
      'ConsentDecidedInFuture',
      'decidedAt',
    ],
    [
      'a decision later than now beyond the clock skew',
      { decidedAt: '2026-11-20T12:05:01Z' },
      'ConsentDecidedInFuture',
      'decidedAt',
    ],
  ])('rejects a grant with %s', (_why, overrides, code, field) =>
    given([])
      .when({ type: 'GrantConsent', data: { ...grantEmail, ...(overrides as object) } })
      .thenThrows(fieldError(code, field)),
  );

  it('accepts a decision within the clock skew of now', () =>
    given([])
      .when({ type: 'GrantConsent', data: { ...grantEmail, decidedAt: '2026-11-20T12:05:00Z' } })
      .then([
        { type: 'ConsentGranted', data: { ...emailGranted.data, at: '2026-11-20T12:05:00.000Z' } },
      ]));

  it('checks the date even when the decision repeats the current one (no-op grant or withdrawal)', () => {
    given([emailGranted])
      .when({ type: 'GrantConsent', data: { ...grantEmail, decidedAt: '2999-01-01T00:00:00Z' } })
      .thenThrows(fieldError('ConsentDecidedInFuture', 'decidedAt'));
    given([emailGranted])
      .when({ type: 'GrantConsent', data: { ...grantEmail, decidedAt: 'yesterday' } })
      .thenThrows(fieldError('InvalidInstant', 'decidedAt'));
    given([smsWithdrawn])
      .when({
        type: 'WithdrawConsent',
        data: {
          contactId: 'c1',
          channel: 'sms',
          source: 'x',
          decidedAt: '2999-01-01T00:00:00Z',
          now,
        },
      })
      .thenThrows(fieldError('ConsentDecidedInFuture', 'decidedAt'));
  });

  describe('merge: the stricter decision wins', () => {
    it('adopts the duplicate withdrawal over the survivor grant, and its grant where the survivor has none', () =>
      given([emailGranted])
        .when({
          type: 'AdoptDuplicateConsent',
          data: {
            contactId: 'c1',
            duplicateId: 'c2',
            duplicateConsents: {
              email: { status: 'withdrawn', source: 'unsubscribe-link', at },
              phone: { status: 'granted', legalBasis: 'consent', source: 'call', at },
            },
          },
        })
        .then([
          {
            type: 'ConsentWithdrawn',
            data: { contactId: 'c1', channel: 'email', source: 'merge:c2', at },
          },
          {
            type: 'ConsentGranted',
            data: {
              contactId: 'c1',
              channel: 'phone',
              legalBasis: 'consent',
              source: 'merge:c2',
              at,
            },
          },
        ]));

    it('never lets the duplicate grant override the survivor withdrawal', () =>
      given([smsWithdrawn])
        .when({
          type: 'AdoptDuplicateConsent',
          data: {
            contactId: 'c1',
            duplicateId: 'c2',
            duplicateConsents: {
              sms: { status: 'granted', legalBasis: 'consent', source: 'x', at },
            },
          },
        })
        .thenNothingHappened());
  });
});
