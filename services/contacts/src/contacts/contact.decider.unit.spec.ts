import { deciderSpec } from '@crm/event-sourcing/testing';
import type { CustomFieldDefinition } from '../custom-fields/custom-field';
import { fieldError } from '../testing/field-error';
import type { RegisterContact } from './contact.commands';
import { contactDecider } from './contact.decider';
import type { ContactEvent, ContactRegistered } from './contact.events';

const given = deciderSpec(contactDecider);
const today = '2026-11-23';
const catalogue: Record<string, CustomFieldDefinition> = {
  loyalty_tier: {
    key: 'loyalty_tier',
    label: 'Loyalty tier',
    type: 'single-select',
    options: ['bronze', 'gold'],
  },
  shoe_size: { key: 'shoe_size', label: 'Shoe size', type: 'number' },
};

function register(overrides: Partial<RegisterContact['data']> = {}): RegisterContact {
  return {
    type: 'RegisterContact',
    data: {
      contactId: 'c1',
      name: { given: 'Ada', family: 'Lovelace' },
      customFieldCatalogue: catalogue,
      today,
      ...overrides,
    },
  };
}

const registered: ContactRegistered = {
  type: 'ContactRegistered',
  data: {
    contactId: 'c1',
    name: { given: 'Ada', family: 'Lovelace' },
    emails: [{ address: 'ada@example.com', label: 'work', primary: true }],
    phones: [{ number: '+4930123456', primary: true }],
    addresses: [],
    tags: ['vip'],
    customFields: {},
    lifecycleStage: 'lead',
  },
};
const erased: ContactEvent = {
  type: 'ContactErased',
  data: { contactId: 'c1', erasedAt: '2026-11-23T10:00:00.000Z' },
};

describe('contact decider', () => {
  describe('RegisterContact', () => {
    it('registers with canonical details: lower-cased email, E.164 phone, first entry primary', () =>
      given([])
        .when(
          register({
            emails: [{ address: '  Ada@Example.COM ', label: 'work' }, { address: 'ada@home.org' }],
            phones: [{ number: '+49 30 123456' }],
            tags: ['VIP', 'vip', ' Newsletter '],
            customFields: { loyalty_tier: 'gold' },
            bestTimeToCall: {
              timeZone: 'Europe/Berlin',
              windows: [{ day: 'mon', from: '09:00', to: '12:00' }],
            },
            demographics: { ageBand: '25-34' },
          }),
        )
        .then([
          {
            type: 'ContactRegistered',
            data: {
              contactId: 'c1',
              name: { given: 'Ada', family: 'Lovelace' },
              emails: [
                { address: 'ada@example.com', label: 'work', primary: true },
                { address: 'ada@home.org', primary: false },
              ],
              phones: [{ number: '+4930123456', primary: true }],
              addresses: [],
              bestTimeToCall: {
                timeZone: 'Europe/Berlin',
                windows: [{ day: 'mon', from: '09:00', to: '12:00' }],
              },
              demographics: { ageBand: '25-34' },
              tags: ['vip', 'newsletter'],
              customFields: { loyalty_tier: 'gold' },
              lifecycleStage: 'subscriber',
            },
          },
        ]));

    it('keeps the primary the client chose', () =>
      given([])
        .when(register({ emails: [{ address: 'a@x.io' }, { address: 'b@x.io', primary: true }] }))
        .thenState((s) => expect(s.emails.map((e) => e.primary)).toEqual([false, true])));

    it.each([
      [
        'an invalid email',
        { emails: [{ address: 'not-an-email' }] },
        'InvalidEmail',
        'emails[0].address',
      ],
      [
        'a phone not in E.164',
        { phones: [{ number: '030 123456' }] },
        'InvalidPhone',
        'phones[0].number',
      ],
      [
        'a phone that does not exist',
        { phones: [{ number: '+4900' }] },
        'InvalidPhone',
        'phones[0].number',
      ],
      [
        'an unknown time zone',
        {
          bestTimeToCall: {
            timeZone: 'Mars/Olympus',
            windows: [{ day: 'mon', from: '09:00', to: '10:00' }],
          },
        },
        'InvalidTimeZone',
        'bestTimeToCall.timeZone',
      ],
      [
        'an offset instead of a zone',
        {
          bestTimeToCall: {
            timeZone: '+02:00',
            windows: [{ day: 'mon', from: '09:00', to: '10:00' }],
          },
        },
        'InvalidTimeZone',
        'bestTimeToCall.timeZone',
      ],
      [
        'a window ending before it starts',
        {
          bestTimeToCall: {
            timeZone: 'UTC',
            windows: [{ day: 'tue', from: '12:00', to: '09:00' }],
          },
        },
        'EmptyCallWindow',
        'bestTimeToCall.windows[0]',
      ],
      [
        'overlapping windows',
        {
          bestTimeToCall: {
            timeZone: 'UTC',
            windows: [
              { day: 'tue', from: '09:00', to: '12:00' },
              { day: 'tue', from: '11:00', to: '13:00' },
            ],
          },
        },
        'OverlappingCallWindows',
        'bestTimeToCall.windows[1]',
      ],
      [
        'two primary emails',
        {
          emails: [
            { address: 'a@x.io', primary: true },
            { address: 'b@x.io', primary: true },
          ],
        },
        'SeveralPrimaries',
        'emails',
      ],
      [
        'the same email twice',
        { emails: [{ address: 'a@x.io' }, { address: 'A@X.io' }] },
        'DuplicateEntry',
        'emails[1]',
      ],
      [
        'an unknown custom field',
        { customFields: { favourite_colour: 'red' } },
        'UnknownCustomField',
        'customFields.favourite_colour',
      ],
      [
        'a prototype key as custom field',
        { customFields: { toString: 'x' } },
        'UnknownCustomField',
        'customFields.toString',
      ],
      [
        'a custom field of the wrong type',
        { customFields: { shoe_size: '42' } },
        'CustomFieldTypeMismatch',
        'customFields.shoe_size',
      ],
      [
        'a select value not offered',
        { customFields: { loyalty_tier: 'platinum' } },
        'CustomFieldTypeMismatch',
        'customFields.loyalty_tier',
      ],
      [
        'a birth date in the future',
        { demographics: { birthDate: '2030-01-01' } },
        'ImplausibleBirthDate',
        'demographics.birthDate',
      ],
      [
        'a date that does not exist',
        { demographics: { birthDate: '1990-02-30' } },
        'InvalidDate',
        'demographics.birthDate',
      ],
      [
        'birth date and age band together',
        { demographics: { birthDate: '1990-01-01', ageBand: '25-34' } },
        'BirthDateOrAgeBand',
        'demographics',
      ],
      [
        'an unknown lifecycle stage',
        { lifecycleStage: 'prospect' },
        'NotAllowedValue',
        'lifecycleStage',
      ],
      [
        'an unknown preferred channel',
        { preferredChannel: 'pigeon' },
        'NotAllowedValue',
        'preferredChannel',
      ],
      ['a nameless contact', { name: { given: '  ' } }, 'NameRequired', 'name'],
      ['an invalid tag', { tags: ['<script>'] }, 'InvalidTag', 'tags[0]'],
    ] as [string, Partial<RegisterContact['data']>, string, string][])(
      'rejects %s, naming the field',
      (_why, overrides, code, field) =>
        given([]).when(register(overrides)).thenThrows(fieldError(code, field)),
    );

    it('refuses to register the same contact twice', () =>
      given([registered]).when(register()).thenThrows('ContactAlreadyRegistered'));
  });

  describe('UpdateContact', () => {
    it('records only what changed, and clears with null', () =>
      given([registered])
        .when({
          type: 'UpdateContact',
          data: { name: { given: 'Ada', family: 'King' }, preferredChannel: 'email', today },
        })
        .then([
          {
            type: 'ContactDetailsChanged',
            data: {
              contactId: 'c1',
              name: { given: 'Ada', family: 'King' },
              preferredChannel: 'email',
            },
          },
        ]));

    it('is a no-op when nothing differs', () =>
      given([registered])
        .when({
          type: 'UpdateContact',
          data: { name: { given: 'Ada', family: 'Lovelace' }, today },
        })
        .thenNothingHappened());

    describe('merge patch (RFC 7396): nested objects merge, null removes a member', () => {
      const withDetails: ContactEvent = {
        type: 'ContactDetailsChanged',
        data: {
          contactId: 'c1',
          demographics: { gender: 'female', ageBand: '35-44' },
          bestTimeToCall: {
            timeZone: 'Europe/London',
            windows: [{ day: 'mon', from: '09:00', to: '12:00' }],
          },
        },
      };
      it('a given name alone keeps the family name', () =>
        given([registered])
          .when({ type: 'UpdateContact', data: { name: { given: 'Augusta' }, today } })
          .then([
            {
              type: 'ContactDetailsChanged',
              data: { contactId: 'c1', name: { given: 'Augusta', family: 'Lovelace' } },
            },
          ]));

      it('null removes an optional member and keeps the rest', () =>
        given([registered, withDetails])
          .when({
            type: 'UpdateContact',
            data: { name: { family: null }, demographics: { ageBand: null }, today },
          })
          .then([
            {
              type: 'ContactDetailsChanged',
              data: { contactId: 'c1', name: { given: 'Ada' }, demographics: { gender: 'female' } },
            },
          ]));

      it('a member of best time to call merges; its windows (an array) are replaced whole', () =>
        given([registered, withDetails])
          .when({
            type: 'UpdateContact',
            data: { bestTimeToCall: { timeZone: 'Europe/Berlin' }, today },
          })
          .thenState((s) =>
            expect(s.bestTimeToCall).toEqual({
              timeZone: 'Europe/Berlin',
              windows: [{ day: 'mon', from: '09:00', to: '12:00' }],
            }),
          ));

      it('still refuses a name left empty', () =>
        given([registered])
          .when({ type: 'UpdateContact', data: { name: { given: null, family: null }, today } })
          .thenThrows(fieldError('NameRequired', 'name')));
    });

    it('emits owner, company and lifecycle events separately (other services react to them)', () =>
      given([registered])
        .when({
          type: 'UpdateContact',
          data: { ownerId: 'u7', companyId: 'co1', lifecycleStage: 'customer', today },
        })
        .then([
          { type: 'ContactOwnerAssigned', data: { contactId: 'c1', ownerId: 'u7' } },
          { type: 'ContactCompanyLinked', data: { contactId: 'c1', companyId: 'co1' } },
          {
            type: 'ContactLifecycleStageChanged',
            data: { contactId: 'c1', from: 'lead', to: 'customer' },
          },
        ]));

    it.each([
      ['lead', 'subscriber', false],
      ['lead', 'churned', false],
      ['customer', 'churned', true],
      ['churned', 'lead', true],
      ['churned', 'subscriber', false],
      ['subscriber', 'opportunity', true],
    ] as const)('lifecycle %s -> %s allowed: %s', (from, to, allowed) => {
      const history: ContactEvent[] = [
        { ...registered, data: { ...registered.data, lifecycleStage: from } },
      ];
      const step = given(history).when({
        type: 'UpdateContact',
        data: { lifecycleStage: to, today },
      });
      if (allowed)
        step.then([{ type: 'ContactLifecycleStageChanged', data: { contactId: 'c1', from, to } }]);
      else step.thenThrows('IllegalLifecycleMove');
    });

    it('rejects a contact that does not exist', () =>
      given([])
        .when({ type: 'UpdateContact', data: { preferredChannel: 'sms', today } })
        .thenThrows('ContactNotFound'));
  });

  describe('emails, phones, addresses', () => {
    it('adding a primary email demotes the old primary', () =>
      given([registered])
        .when({ type: 'AddContactEmail', data: { address: 'ada@new.io', primary: true } })
        .thenState((s) =>
          expect(s.emails).toEqual([
            { address: 'ada@example.com', label: 'work', primary: false },
            { address: 'ada@new.io', primary: true },
          ]),
        ));

    it('adding an email the contact has with the same label is a no-op; relabelling conflicts', () => {
      given([registered])
        .when({ type: 'AddContactEmail', data: { address: 'ADA@example.com', label: 'work' } })
        .thenNothingHappened();
      given([registered])
        .when({ type: 'AddContactEmail', data: { address: 'ada@example.com', label: 'home' } })
        .thenThrows('EmailAlreadyPresent');
    });

    it('removing the primary email promotes the next one', () =>
      given([
        registered,
        { type: 'ContactEmailAdded', data: { contactId: 'c1', address: 'b@x.io', primary: false } },
      ])
        .when({ type: 'RemoveContactEmail', data: { address: 'ada@example.com' } })
        .thenState((s) => expect(s.emails).toEqual([{ address: 'b@x.io', primary: true }])));

    it('a list event carries the whole list it leaves behind, as evolve folds it', () =>
      given([
        registered,
        {
          type: 'ContactEmailAdded',
          data: { contactId: 'c1', address: 'b@x.io', primary: false },
        },
      ])
        .when({ type: 'RemoveContactEmail', data: { address: 'ada@example.com' } })
        .then([
          {
            type: 'ContactEmailRemoved',
            data: {
              contactId: 'c1',
              address: 'ada@example.com',
              after: { emails: [{ address: 'b@x.io', primary: true }] },
            },
          },
        ]));

    it('removing an email the contact does not have is not found', () =>
      given([registered])
        .when({ type: 'RemoveContactEmail', data: { address: 'zz@x.io' } })
        .thenThrows('EmailNotFound'));

    it('stores added phones in E.164 and rejects invalid ones', () => {
      given([registered])
        .when({ type: 'AddContactPhone', data: { number: '+1 (415) 555-2671', label: 'mobile' } })
        .then([
          {
            type: 'ContactPhoneAdded',
            data: {
              contactId: 'c1',
              number: '+14155552671',
              label: 'mobile',
              primary: false,
              after: {
                phones: [
                  { number: '+4930123456', primary: true },
                  { number: '+14155552671', label: 'mobile', primary: false },
                ],
              },
            },
          },
        ]);
      given([registered])
        .when({ type: 'AddContactPhone', data: { number: '12345' } })
        .thenThrows(fieldError('InvalidPhone', 'phone.number'));
    });

    it('adds an address with an upper-cased country, first one primary', () =>
      given([registered])
        .when({
          type: 'AddContactAddress',
          data: { addressId: 'a1', lines: ['1 Main St'], city: 'Berlin', country: 'de' },
        })
        .then([
          {
            type: 'ContactAddressAdded',
            data: {
              contactId: 'c1',
              addressId: 'a1',
              primary: true,
              lines: ['1 Main St'],
              city: 'Berlin',
              country: 'DE',
              after: {
                addresses: [
                  {
                    addressId: 'a1',
                    primary: true,
                    lines: ['1 Main St'],
                    city: 'Berlin',
                    country: 'DE',
                  },
                ],
              },
            },
          },
        ]));

    it('rejects an address with a bad country code', () =>
      given([registered])
        .when({
          type: 'AddContactAddress',
          data: { addressId: 'a1', lines: ['x'], city: 'Berlin', country: 'Germany' },
        })
        .thenThrows(fieldError('InvalidCountry', 'address.country')));
  });

  describe('tags and custom fields', () => {
    it('tags only with tags the contact lacks; untagging an absent tag is a no-op', () => {
      given([registered])
        .when({ type: 'TagContact', data: { tags: ['VIP', 'golf'] } })
        .then([
          {
            type: 'ContactTagged',
            data: { contactId: 'c1', tags: ['golf'], after: { tags: ['vip', 'golf'] } },
          },
        ]);
      given([registered])
        .when({ type: 'UntagContact', data: { tag: 'golf' } })
        .thenNothingHappened();
      given([registered])
        .when({ type: 'UntagContact', data: { tag: 'VIP' } })
        .then([
          { type: 'ContactUntagged', data: { contactId: 'c1', tag: 'vip', after: { tags: [] } } },
        ]);
    });

    it('sets and clears custom fields, reporting only real changes', () =>
      given([
        registered,
        {
          type: 'ContactCustomFieldsChanged',
          data: { contactId: 'c1', set: { shoe_size: 38 }, cleared: [] },
        },
      ])
        .when({
          type: 'SetContactCustomFields',
          data: {
            values: { shoe_size: null, loyalty_tier: 'gold' },
            customFieldCatalogue: catalogue,
          },
        })
        .then([
          {
            type: 'ContactCustomFieldsChanged',
            data: {
              contactId: 'c1',
              set: { loyalty_tier: 'gold' },
              cleared: ['shoe_size'],
              after: { customFields: { loyalty_tier: 'gold' } },
            },
          },
        ]));

    it('rejects clearing a field the tenant never defined', () =>
      given([registered])
        .when({
          type: 'SetContactCustomFields',
          data: { values: { nope: null }, customFieldCatalogue: catalogue },
        })
        .thenThrows(fieldError('UnknownCustomField', 'customFields.nope')));
  });

  describe('archive, merge, erase', () => {
    const archived: ContactEvent = { type: 'ContactArchived', data: { contactId: 'c1' } };
    it('an archived contact refuses changes until restored', () => {
      given([registered, archived])
        .when({ type: 'TagContact', data: { tags: ['x'] } })
        .thenThrows('ContactArchived');
      given([registered, archived])
        .when({ type: 'RestoreContact', data: {} })
        .then([{ type: 'ContactRestored', data: { contactId: 'c1' } }]);
      given([registered, archived])
        .when({ type: 'ArchiveContact', data: {} })
        .thenNothingHappened();
    });

    it('the survivor takes over only what it lacks, never as primary', () =>
      given([registered])
        .when({
          type: 'AbsorbDuplicate',
          data: {
            duplicateId: 'c2',
            duplicate: {
              name: { given: 'A.', family: 'Lovelace' },
              emails: [
                { address: 'ada@example.com', primary: true },
                { address: 'ada@old.io', primary: false },
              ],
              phones: [{ number: '+4930123456', primary: true }],
              addresses: [],
              preferredChannel: 'sms',
              tags: ['vip', 'math'],
              customFields: { shoe_size: 38 },
              ownerId: 'u9',
            },
          },
        })
        .then([
          {
            type: 'ContactDuplicateAbsorbed',
            data: {
              contactId: 'c1',
              duplicateId: 'c2',
              emails: [{ address: 'ada@old.io', primary: false }],
              phones: [],
              addresses: [],
              tags: ['math'],
              customFields: { shoe_size: 38 },
              filled: { preferredChannel: 'sms', ownerId: 'u9' },
              after: {
                emails: [
                  { address: 'ada@example.com', label: 'work', primary: true },
                  { address: 'ada@old.io', primary: false },
                ],
                phones: [{ number: '+4930123456', primary: true }],
                addresses: [],
                tags: ['vip', 'math'],
                customFields: { shoe_size: 38 },
              },
            },
          },
        ]));

    it('absorbing the same duplicate twice is a no-op (merge retries are safe)', () => {
      const absorbed: ContactEvent = {
        type: 'ContactDuplicateAbsorbed',
        data: {
          contactId: 'c1',
          duplicateId: 'c2',
          emails: [],
          phones: [],
          addresses: [],
          tags: [],
          customFields: {},
          filled: {},
        },
      };
      given([registered, absorbed])
        .when({
          type: 'AbsorbDuplicate',
          data: { duplicateId: 'c2', duplicate: { ...registered.data } },
        })
        .thenNothingHappened();
    });

    it('cannot merge a contact into itself', () =>
      given([registered])
        .when({ type: 'MarkContactMerged', data: { survivorId: 'c1' } })
        .thenThrows('CannotMergeIntoItself'));

    it('a merged contact refuses commands and names its survivor', () =>
      given([registered, { type: 'ContactMerged', data: { contactId: 'c1', survivorId: 'c9' } }])
        .when({ type: 'TagContact', data: { tags: ['x'] } })
        .thenThrows(
          (e) =>
            (e as { code: string; details: { survivorId: string } }).details.survivorId === 'c9',
        ));

    it('erase forgets every personal detail and is idempotent', () => {
      given([registered])
        .when({ type: 'EraseContact', data: { erasedAt: '2026-11-23T10:00:00.000Z' } })
        .thenState((s) => {
          expect(s.status).toBe('erased');
          expect(JSON.stringify(s)).not.toMatch(/Ada|Lovelace|ada@example|\+4930123456/);
        });
      given([registered, erased])
        .when({ type: 'EraseContact', data: { erasedAt: '2026-11-24T10:00:00.000Z' } })
        .thenNothingHappened();
    });

    it('an erased contact is gone for every other command', () =>
      given([registered, erased])
        .when({ type: 'UpdateContact', data: { preferredChannel: 'sms', today } })
        .thenThrows((e) => (e as { kind: string }).kind === 'gone'));
  });

  describe('AdvanceLifecycleStage (facts from sales)', () => {
    const at = (stage: string): ContactEvent[] => [
      { ...registered, data: { ...registered.data, lifecycleStage: stage as 'lead' } },
    ];
    const advance = (atLeast: 'lead' | 'opportunity' | 'customer') =>
      ({ type: 'AdvanceLifecycleStage', data: { atLeast } }) as const;

    it.each([
      ['subscriber', 'lead', 'lead'],
      ['subscriber', 'opportunity', 'opportunity'],
      ['lead', 'opportunity', 'opportunity'],
      ['opportunity', 'customer', 'customer'],
      ['subscriber', 'customer', 'customer'],
      ['churned', 'customer', 'customer'],
      ['churned', 'lead', 'lead'],
    ] as const)('%s at least %s becomes %s', (from, atLeast, to) =>
      given(at(from))
        .when(advance(atLeast))
        .then([{ type: 'ContactLifecycleStageChanged', data: { contactId: 'c1', from, to } }]),
    );

    it.each([
      ['customer', 'lead'],
      ['customer', 'opportunity'],
      ['customer', 'customer'],
      ['opportunity', 'lead'],
      ['lead', 'lead'],
    ] as const)('%s at least %s stays: never backwards, a redelivery is a no-op', (from, atLeast) =>
      given(at(from)).when(advance(atLeast)).thenNothingHappened(),
    );

    it('an archived contact still follows the facts; an erased one refuses', () => {
      given([...at('lead'), { type: 'ContactArchived', data: { contactId: 'c1' } }])
        .when(advance('customer'))
        .thenState((s) => expect(s.lifecycleStage).toBe('customer'));
      given([...at('lead'), erased])
        .when(advance('customer'))
        .thenThrows('ContactErased');
    });
  });
});
