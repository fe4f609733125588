import { deciderSpec } from '@crm/event-sourcing/testing';
import { fieldError } from '../testing/field-error';
import { mayContact } from './consent';
import { consentDecider } from './consent.decider';
import type { ConsentEvent } from './consent.events';

const given = deciderSpec(consentDecider);
const at = '2026-11-20T09:00:00.000Z';
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
          at: '2026-11-20T10:00:00+01:00',
        },
      })
      .then([emailGranted]));

  it('repeating the current grant records nothing; a new basis is a new fact', () => {
    given([emailGranted])
      .when({ type: 'GrantConsent', data: { ...emailGranted.data, legalBasis: 'consent' } })
      .thenNothingHappened();
    given([emailGranted])
      .when({ type: 'GrantConsent', data: { ...emailGranted.data, legalBasis: 'contract' } })
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
          at,
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
        data: { contactId: 'c1', channel: 'sms', source: 'sms:STOP', at },
      })
      .then([smsWithdrawn]);
    given([smsWithdrawn])
      .when({
        type: 'WithdrawConsent',
        data: { contactId: 'c1', channel: 'sms', source: 'again', at },
      })
      .thenNothingHappened();
  });

  it('a channel without any decision may not be contacted', () =>
    given([])
      .when({ type: 'WithdrawConsent', data: { contactId: 'c1', channel: 'sms', source: 'x', at } })
      .thenState((s) => expect(mayContact(s.channels, 'phone')).toBe(false)));

  it.each([
    ['an unknown channel', { channel: 'fax' }, 'NotAllowedValue', 'channel'],
    ['an unknown legal basis', { legalBasis: 'because' }, 'NotAllowedValue', 'legalBasis'],
    ['a missing source', { source: '' }, 'RequiredText', 'source'],
    ['a timestamp without offset', { at: '2026-11-20 10:00' }, 'InvalidInstant', 'at'],
  ])('rejects a grant with %s', (_why, overrides, code, field) =>
    given([])
      .when({ type: 'GrantConsent', data: { ...emailGranted.data, ...(overrides as object) } })
      .thenThrows(fieldError(code, field)),
  );

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
