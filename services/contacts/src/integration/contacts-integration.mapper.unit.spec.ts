import { assertValidPayload } from '@crm/contracts';
import { ERASED, type RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft } from '@crm/messaging';
import { contactsIntegrationMapper } from './contacts-integration.mapper';

let n = 0;
function recorded(streamId: string, type: string, data: unknown): RecordedEvent {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    data,
    metadata: { tenant: 't1', occurredAt: '2026-11-23T10:00:00.000Z' },
    tenant: 't1',
    streamId,
    streamVersion: 1,
    position: { commit: 1n, prepare: BigInt(n) },
    createdAt: new Date('2026-11-23T10:00:00.000Z'),
  };
}
const drafts = (e: RecordedEvent): IntegrationEventDraft[] => {
  const out = contactsIntegrationMapper(e);
  return out ? (Array.isArray(out) ? [...out] : [out as IntegrationEventDraft]) : [];
};
const c = 'contact-c1';

describe('contacts integration mapper', () => {
  const samples: [string, RecordedEvent][] = [
    [
      'ContactRegistered',
      recorded(c, 'ContactRegistered', {
        contactId: 'c1',
        name: { given: 'Ada' },
        emails: [{ address: 'ada@x.io', primary: true }],
        phones: [{ number: '+4930123456', primary: true }],
        addresses: [],
        tags: ['vip'],
        customFields: {},
        lifecycleStage: 'lead',
      }),
    ],
    [
      'ContactDetailsChanged',
      recorded(c, 'ContactDetailsChanged', {
        contactId: 'c1',
        name: { family: 'King' },
        preferredChannel: null,
      }),
    ],
    [
      'ContactOwnerAssigned',
      recorded(c, 'ContactOwnerAssigned', { contactId: 'c1', ownerId: null }),
    ],
    [
      'ContactLifecycleStageChanged',
      recorded(c, 'ContactLifecycleStageChanged', {
        contactId: 'c1',
        from: 'lead',
        to: 'customer',
      }),
    ],
    [
      'ContactEmailAdded',
      recorded(c, 'ContactEmailAdded', { contactId: 'c1', address: 'new@x.io', primary: true }),
    ],
    ['ContactArchived', recorded(c, 'ContactArchived', { contactId: 'c1' })],
    [
      'ContactMerged',
      recorded('contact-c2', 'ContactMerged', { contactId: 'c2', survivorId: 'c1' }),
    ],
    [
      'ContactErased',
      recorded(c, 'ContactErased', { contactId: 'c1', erasedAt: '2026-11-23T10:00:00.000Z' }),
    ],
    [
      'ConsentWithdrawn',
      recorded('consent-c1', 'ConsentWithdrawn', {
        contactId: 'c1',
        channel: 'email',
        source: 'portal',
        at: '2026-11-23T10:00:00.000Z',
      }),
    ],
    [
      'InteractionLogged',
      recorded('interaction-i1', 'InteractionLogged', {
        interactionId: 'i1',
        kind: 'call',
        channel: 'phone',
        occurredAt: '2026-11-23T09:00:00.000Z',
        direction: 'inbound',
        contactIds: ['c1', 'c2'],
        subject: 'Hi',
      }),
    ],
    [
      'CompanyRegistered',
      recorded('company-co1', 'CompanyRegistered', {
        companyId: 'co1',
        name: 'Engines',
        addresses: [],
      }),
    ],
    [
      'CompanyDetailsChanged',
      recorded('company-co1', 'CompanyDetailsChanged', { domain: null, industry: 'Computing' }),
    ],
  ];

  it.each(samples)(
    'maps %s to payloads the published contract accepts (strict)',
    (_type, event) => {
      const out = drafts(event);
      expect(out.length).toBeGreaterThan(0);
      for (const draft of out)
        expect(() => assertValidPayload(draft.type, draft.data, 'strict')).not.toThrow();
    },
  );

  it('keys merge events by the survivor, the contact that remains', () => {
    const [merged] = drafts(samples[6][1]);
    expect(merged).toEqual({
      type: 'crm.contacts.contact.merged.v1',
      subject: 'c1',
      data: { survivorId: 'c1', duplicateId: 'c2', mergedAt: '2026-11-23T10:00:00.000Z' },
    });
  });

  it('tells every participant of an interaction, keyed by each contact', () =>
    expect(drafts(samples[9][1]).map((d) => d.subject)).toEqual(['c1', 'c2']));

  it('replays a shredded registration without personal data and still validly', () => {
    const shredded = recorded(c, 'ContactRegistered', {
      contactId: 'c1',
      name: ERASED,
      emails: ERASED,
      phones: ERASED,
      addresses: ERASED,
      tags: [],
      customFields: ERASED,
      lifecycleStage: 'lead',
    });
    const [draft] = drafts(shredded);
    expect(draft.data).toMatchObject({
      displayName: '[erased]',
      primaryEmail: null,
      primaryPhone: null,
    });
    expect(() => assertValidPayload(draft.type, draft.data, 'strict')).not.toThrow();
  });

  it('keeps merge bookkeeping and the custom field catalogue internal', () => {
    expect(
      drafts(recorded('interaction-i1', 'InteractionContactReassigned', { from: 'c2', to: 'c1' })),
    ).toEqual([]);
    expect(
      drafts(
        recorded('customfields-catalogue', 'CustomFieldDefined', {
          key: 'x',
          label: 'X',
          type: 'text',
        }),
      ),
    ).toEqual([]);
  });
});
