/**
 * The contacts mapper carries the business: events made by the real deciders map to facts that
 * carry the new values (lists whole, primaries implied), validated strictly against the contract;
 * and once the person is erased, no event of theirs maps to anything personal.
 */
import {
  assertValidPayload,
  CONSENT_CHANNELS,
  CONTACT_AGE_BANDS,
  CONTACT_GENDERS,
  CONTACT_INCOME_BANDS,
  CONTACT_WEEKDAYS,
} from '@crm/contracts';
import { ERASED, type RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft } from '@crm/messaging';
import { companyDecider, type CompanyState } from '../companies/company.decider';
import type { CompanyCommand } from '../companies/company.commands';
import type { CompanyEvent } from '../companies/company.events';
import { AGE_BANDS, CONTACT_CHANNELS, GENDERS, INCOME_BANDS, WEEKDAYS } from '../contacts/contact';
import type { ContactCommand } from '../contacts/contact.commands';
import { contactDecider, type ContactState } from '../contacts/contact.decider';
import type { ContactEvent } from '../contacts/contact.events';
import { personalDataSpec } from '../infrastructure/personal-data';
import { contactsIntegrationMapper } from './contacts-integration.mapper';

const OCCURRED = '2026-11-23T10:00:00.000Z';
let n = 0;
function recorded(streamId: string, event: { type: string; data: unknown }): RecordedEvent {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { tenant: 't1', occurredAt: OCCURRED },
    tenant: 't1',
    streamId,
    streamVersion: n,
    position: { commit: 1n, prepare: BigInt(n) },
    createdAt: new Date(OCCURRED),
  };
}
function drafts(event: RecordedEvent): IntegrationEventDraft[] {
  const out = contactsIntegrationMapper(event);
  const list = out ? (Array.isArray(out) ? [...out] : [out as IntegrationEventDraft]) : [];
  for (const draft of list) assertValidPayload(draft.type, draft.data, 'strict');
  return list;
}

const catalogue = {
  shoe_size: { key: 'shoe_size', label: 'Shoe size', type: 'number' as const },
};
const ada: ContactCommand = {
  type: 'RegisterContact',
  data: {
    contactId: 'c1',
    name: { given: 'Ada', family: 'Lovelace' },
    emails: [
      { address: 'ada@example.com', label: 'work', primary: true },
      { address: 'ada@home.example' },
    ],
    phones: [{ number: '+4930123456' }],
    addresses: [{ addressId: 'a1', lines: ['1 Main St'], city: 'Berlin', country: 'DE' }],
    bestTimeToCall: {
      timeZone: 'Europe/Berlin',
      windows: [{ day: 'mon', from: '09:00', to: '12:00' }],
    },
    preferredChannel: 'email',
    demographics: { ageBand: '35-44' },
    tags: ['vip'],
    customFields: { shoe_size: 38 },
    ownerId: 'u1',
    companyId: 'co1',
    lifecycleStage: 'lead',
    customFieldCatalogue: catalogue,
    today: '2026-11-23',
  },
};

/** Runs commands through the real decider; returns the new events and the state after them. */
function run(
  commands: readonly ContactCommand[],
  history: ContactEvent[] = [],
): { events: ContactEvent[]; state: ContactState } {
  let state = history.reduce(contactDecider.evolve, contactDecider.initialState());
  const events: ContactEvent[] = [];
  for (const command of commands) {
    const next = contactDecider.decide(command, state) as ContactEvent[];
    events.push(...next);
    state = next.reduce(contactDecider.evolve, state);
  }
  return { events, state };
}
const registered = run([ada]).events;
/** Maps the single event one command makes on Ada's stream. */
function factOf(command: ContactCommand, history = registered): IntegrationEventDraft {
  const { events } = run([command], history);
  expect(events).toHaveLength(1);
  const [draft] = drafts(recorded('contact-c1', events[0]));
  return draft;
}

describe('contacts facts carry the new values', () => {
  it('keeps the contract enums equal to the domain ones', () => {
    expect([...CONTACT_WEEKDAYS]).toEqual([...WEEKDAYS]);
    expect([...CONTACT_AGE_BANDS]).toEqual([...AGE_BANDS]);
    expect([...CONTACT_GENDERS]).toEqual([...GENDERS]);
    expect([...CONTACT_INCOME_BANDS]).toEqual([...INCOME_BANDS]);
    expect([...CONSENT_CHANNELS]).toEqual([...CONTACT_CHANNELS]);
  });

  it('contact.registered carries the whole public state', () => {
    const [draft] = drafts(recorded('contact-c1', registered[0]));
    expect(draft).toEqual({
      type: 'crm.contacts.contact.registered.v1',
      subject: 'c1',
      data: {
        contactId: 'c1',
        displayName: 'Ada Lovelace',
        status: 'active',
        name: { given: 'Ada', family: 'Lovelace' },
        emails: [
          { address: 'ada@example.com', label: 'work', primary: true },
          { address: 'ada@home.example', primary: false },
        ],
        primaryEmail: 'ada@example.com',
        phones: [{ number: '+4930123456', primary: true }],
        primaryPhone: '+4930123456',
        addresses: [
          { addressId: 'a1', primary: true, lines: ['1 Main St'], city: 'Berlin', country: 'DE' },
        ],
        bestTimeToCall: {
          timeZone: 'Europe/Berlin',
          windows: [{ day: 'mon', from: '09:00', to: '12:00' }],
        },
        preferredChannel: 'email',
        demographics: { ageBand: '35-44' },
        tags: ['vip'],
        customFields: { shoe_size: 38 },
        ownerId: 'u1',
        companyId: 'co1',
        lifecycleStage: 'lead',
      },
    });
  });

  it('a registration without optional details says null for them', () => {
    const { events } = run([
      {
        type: 'RegisterContact',
        data: {
          ...ada.data,
          bestTimeToCall: undefined,
          preferredChannel: undefined,
          demographics: undefined,
          emails: [],
          phones: [],
        },
      } as ContactCommand,
    ]);
    expect(drafts(recorded('contact-c1', events[0]))[0].data).toMatchObject({
      bestTimeToCall: null,
      preferredChannel: null,
      demographics: null,
      primaryEmail: null,
      primaryPhone: null,
      emails: [],
    });
  });

  it('removing the primary email carries the promoted primary and the whole list', () => {
    expect(factOf({ type: 'RemoveContactEmail', data: { address: 'ada@example.com' } })).toEqual({
      type: 'crm.contacts.contact.details_changed.v1',
      subject: 'c1',
      data: {
        contactId: 'c1',
        changed: ['emails'],
        emails: [{ address: 'ada@home.example', primary: true }],
        primaryEmail: 'ada@home.example',
      },
    });
  });

  it('removing the last email says the primary email is now null', () => {
    const history = run([
      ada,
      { type: 'RemoveContactEmail', data: { address: 'ada@example.com' } },
    ]).events;
    expect(
      factOf({ type: 'RemoveContactEmail', data: { address: 'ada@home.example' } }, history).data,
    ).toEqual({ contactId: 'c1', changed: ['emails'], emails: [], primaryEmail: null });
  });

  it('adding a primary email demotes the old one in the list it carries', () =>
    expect(
      factOf({ type: 'AddContactEmail', data: { address: 'new@x.example', primary: true } }).data,
    ).toEqual({
      contactId: 'c1',
      changed: ['emails'],
      emails: [
        { address: 'ada@example.com', label: 'work', primary: false },
        { address: 'ada@home.example', primary: false },
        { address: 'new@x.example', primary: true },
      ],
      primaryEmail: 'new@x.example',
    }));

  it('phone changes carry the phones and the primary phone', () => {
    expect(factOf({ type: 'AddContactPhone', data: { number: '+14155552671' } }).data).toEqual({
      contactId: 'c1',
      changed: ['phones'],
      phones: [
        { number: '+4930123456', primary: true },
        { number: '+14155552671', primary: false },
      ],
      primaryPhone: '+4930123456',
    });
    expect(factOf({ type: 'RemoveContactPhone', data: { number: '+4930123456' } }).data).toEqual({
      contactId: 'c1',
      changed: ['phones'],
      phones: [],
      primaryPhone: null,
    });
  });

  it('address changes carry the addresses', () => {
    expect(
      factOf({
        type: 'AddContactAddress',
        data: {
          addressId: 'a2',
          lines: ['2 Side St'],
          city: 'Paris',
          country: 'fr',
          primary: true,
        },
      }).data,
    ).toEqual({
      contactId: 'c1',
      changed: ['addresses'],
      addresses: [
        { addressId: 'a1', primary: false, lines: ['1 Main St'], city: 'Berlin', country: 'DE' },
        { addressId: 'a2', primary: true, lines: ['2 Side St'], city: 'Paris', country: 'FR' },
      ],
    });
    expect(factOf({ type: 'RemoveContactAddress', data: { addressId: 'a1' } }).data).toEqual({
      contactId: 'c1',
      changed: ['addresses'],
      addresses: [],
    });
  });

  it('tag changes carry the tags', () => {
    expect(factOf({ type: 'TagContact', data: { tags: ['golf'] } }).data).toEqual({
      contactId: 'c1',
      changed: ['tags'],
      tags: ['vip', 'golf'],
    });
    expect(factOf({ type: 'UntagContact', data: { tag: 'vip' } }).data).toEqual({
      contactId: 'c1',
      changed: ['tags'],
      tags: [],
    });
  });

  it('custom field changes carry the custom fields', () =>
    expect(
      factOf({
        type: 'SetContactCustomFields',
        data: { values: { shoe_size: 39 }, customFieldCatalogue: catalogue },
      }).data,
    ).toEqual({ contactId: 'c1', changed: ['customFields'], customFields: { shoe_size: 39 } }));

  it('name, preferred channel, demographics and call times carry their new values (null = cleared)', () =>
    expect(
      factOf({
        type: 'UpdateContact',
        data: {
          name: { given: 'Augusta' },
          preferredChannel: null,
          demographics: { gender: 'female' },
          bestTimeToCall: null,
          today: '2026-11-23',
        },
      }).data,
    ).toEqual({
      contactId: 'c1',
      changed: ['name', 'bestTimeToCall', 'preferredChannel', 'demographics'],
      name: { given: 'Augusta', family: 'Lovelace' },
      displayName: 'Augusta Lovelace',
      bestTimeToCall: null,
      preferredChannel: null,
      demographics: { ageBand: '35-44', gender: 'female' },
    }));

  it('archive and restore are facts that carry the new status', () => {
    const archived = run([ada, { type: 'ArchiveContact', data: {} }]).events;
    expect(drafts(recorded('contact-c1', archived[1]))[0]).toEqual({
      type: 'crm.contacts.contact.archived.v1',
      subject: 'c1',
      data: { contactId: 'c1', archivedAt: OCCURRED, status: 'archived' },
    });
    const restored = run([{ type: 'RestoreContact', data: {} }], archived).events;
    expect(drafts(recorded('contact-c1', restored[0]))).toEqual([
      {
        type: 'crm.contacts.contact.restored.v1',
        subject: 'c1',
        data: { contactId: 'c1', restoredAt: OCCURRED, status: 'active' },
      },
      // What v1 consumers already handled, now with the status.
      {
        type: 'crm.contacts.contact.details_changed.v1',
        subject: 'c1',
        data: { contactId: 'c1', changed: ['status'], status: 'active' },
      },
    ]);
  });

  it("a merge's absorption carries the survivor's resulting values", () => {
    const survivor = run([
      {
        type: 'RegisterContact',
        data: {
          ...ada.data,
          emails: [],
          phones: [],
          tags: [],
          bestTimeToCall: undefined,
          preferredChannel: undefined,
          demographics: undefined,
          ownerId: undefined,
          customFields: {},
        },
      } as ContactCommand,
    ]).events;
    const duplicate = run([ada]).state;
    const fact = factOf(
      { type: 'AbsorbDuplicate', data: { duplicateId: 'c2', duplicate } },
      survivor,
    );
    expect(fact.data).toEqual({
      contactId: 'c1',
      changed: [
        'emails',
        'phones',
        'tags',
        'customFields',
        'bestTimeToCall',
        'preferredChannel',
        'demographics',
        'ownerId',
      ],
      // Taken over never as primary, but the survivor had none: the first becomes primary.
      emails: [
        { address: 'ada@example.com', label: 'work', primary: true },
        { address: 'ada@home.example', primary: false },
      ],
      primaryEmail: 'ada@example.com',
      phones: [{ number: '+4930123456', primary: true }],
      primaryPhone: '+4930123456',
      tags: ['vip'],
      customFields: { shoe_size: 38 },
      bestTimeToCall: duplicate.bestTimeToCall,
      preferredChannel: 'email',
      demographics: { ageBand: '35-44' },
      ownerId: 'u1',
    });
  });

  it('a withdrawal publishes no legal basis; a grant publishes its own', () => {
    const consent = (type: string, data: object) =>
      drafts(
        recorded('consent-c1', {
          type,
          data: { contactId: 'c1', channel: 'email', source: 'form', at: OCCURRED, ...data },
        }),
      )[0].data;
    expect(consent('ConsentWithdrawn', {})).toMatchObject({
      status: 'withdrawn',
      legalBasis: null,
    });
    expect(consent('ConsentGranted', { legalBasis: 'contract' })).toMatchObject({
      status: 'granted',
      legalBasis: 'contract',
    });
  });

  it('an event recorded before values were carried still names what changed', () =>
    expect(
      drafts(
        recorded('contact-c1', {
          type: 'ContactEmailRemoved',
          data: { contactId: 'c1', address: 'a@x.example' },
        }),
      )[0].data,
    ).toEqual({ contactId: 'c1', changed: ['emails'] }));
});

describe('company facts carry the new values', () => {
  function companyEvents(commands: readonly CompanyCommand[]): CompanyEvent[] {
    let state: CompanyState = companyDecider.initialState();
    const events: CompanyEvent[] = [];
    for (const command of commands) {
      const next = companyDecider.decide(command, state) as CompanyEvent[];
      events.push(...next);
      state = next.reduce(companyDecider.evolve, state);
    }
    return events;
  }
  const register: CompanyCommand = {
    type: 'RegisterCompany',
    data: {
      companyId: 'co1',
      name: 'Engines Ltd',
      domain: 'engines.example',
      addresses: [{ addressId: 'h1', lines: ['1 Works Rd'], city: 'London', country: 'GB' }],
    },
  } as CompanyCommand;

  it('company.registered carries addresses and status; address changes carry the list', () => {
    const [reg, added] = companyEvents([
      register,
      {
        type: 'AddCompanyAddress',
        data: { addressId: 'h2', lines: ['2 Dock St'], city: 'Leeds', country: 'gb' },
      } as CompanyCommand,
    ]).map((e) => drafts(recorded('company-co1', e))[0]);
    const h1 = {
      addressId: 'h1',
      primary: true,
      lines: ['1 Works Rd'],
      city: 'London',
      country: 'GB',
    };
    expect(reg.data).toEqual({
      companyId: 'co1',
      name: 'Engines Ltd',
      domain: 'engines.example',
      industry: null,
      sizeBand: null,
      parentCompanyId: null,
      addresses: [h1],
      status: 'active',
    });
    expect(added.data).toEqual({
      companyId: 'co1',
      changed: ['addresses'],
      addresses: [
        h1,
        { addressId: 'h2', primary: false, lines: ['2 Dock St'], city: 'Leeds', country: 'GB' },
      ],
    });
  });

  it('a company with more addresses than a contact may have still publishes them all', () => {
    const adds = Array.from(
      { length: 12 },
      (_, i) =>
        ({
          type: 'AddCompanyAddress',
          data: { addressId: `b${i}`, lines: [`${i} Quay`], city: 'Hull', country: 'GB' },
        }) as CompanyCommand,
    );
    const last = companyEvents([register, ...adds]).at(-1)!;
    expect(drafts(recorded('company-co1', last))[0].data).toMatchObject({
      addresses: expect.arrayContaining([expect.objectContaining({ addressId: 'b11' })]),
    });
  });

  it('archiving a company is a fact carrying its status', () => {
    const events = companyEvents([register, { type: 'ArchiveCompany', data: {} }]);
    expect(drafts(recorded('company-co1', events[1]))).toEqual([
      {
        type: 'crm.contacts.company.archived.v1',
        subject: 'co1',
        data: { companyId: 'co1', archivedAt: OCCURRED, status: 'archived' },
      },
      {
        type: 'crm.contacts.company.details_changed.v1',
        subject: 'co1',
        data: { companyId: 'co1', changed: ['status'], status: 'archived' },
      },
    ]);
  });
});

describe('after an erase nothing personal is published', () => {
  /** What the store hands the relay once the key is gone: each personal field reads ERASED. */
  function shredded(event: ContactEvent): RecordedEvent {
    const rule = personalDataSpec[event.type];
    const data: Record<string, unknown> = { ...(event.data as object) };
    for (const field of rule?.fields ?? []) if (field in data) data[field] = ERASED;
    return recorded('contact-c1', { type: event.type, data });
  }
  const PERSONAL = [
    'Ada',
    'Lovelace',
    'ada@',
    '+49',
    '+1415',
    'Main St',
    'Berlin',
    'Europe/Berlin',
    '35-44',
    '38',
    '39',
  ];

  it.each<[string, ContactCommand]>([
    ['register', ada],
    [
      'update',
      {
        type: 'UpdateContact',
        data: {
          name: { given: 'Augusta' },
          demographics: { gender: 'female' },
          today: '2026-11-23',
        },
      },
    ],
    ['add email', { type: 'AddContactEmail', data: { address: 'ada@new.example', primary: true } }],
    ['remove email', { type: 'RemoveContactEmail', data: { address: 'ada@example.com' } }],
    ['add phone', { type: 'AddContactPhone', data: { number: '+14155552671', primary: true } }],
    ['remove phone', { type: 'RemoveContactPhone', data: { number: '+4930123456' } }],
    [
      'add address',
      {
        type: 'AddContactAddress',
        data: { addressId: 'a2', lines: ['2 Main St'], city: 'Berlin', country: 'DE' },
      },
    ],
    ['remove address', { type: 'RemoveContactAddress', data: { addressId: 'a1' } }],
    [
      'custom fields',
      {
        type: 'SetContactCustomFields',
        data: { values: { shoe_size: 39 }, customFieldCatalogue: catalogue },
      },
    ],
    ['archive', { type: 'ArchiveContact', data: { reason: 'Ada asked' } }],
  ])('%s replays without personal data', (_name, command) => {
    const { events } =
      command.type === 'RegisterContact' ? run([command]) : run([command], registered);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      const published = JSON.stringify(drafts(shredded(event)));
      for (const value of PERSONAL) expect(published).not.toContain(value);
    }
  });

  it("a merge's absorption replays without the person's data", () => {
    const survivor = run([
      {
        type: 'RegisterContact',
        data: {
          ...ada.data,
          name: { given: 'Bob' },
          emails: [],
          phones: [],
          addresses: [],
          customFields: {},
          bestTimeToCall: undefined,
          demographics: undefined,
        },
      } as ContactCommand,
    ]).events;
    const { events } = run(
      [{ type: 'AbsorbDuplicate', data: { duplicateId: 'c2', duplicate: run([ada]).state } }],
      survivor,
    );
    const published = JSON.stringify(events.flatMap((e) => drafts(shredded(e))));
    for (const value of PERSONAL) expect(published).not.toContain(value);
  });
});
