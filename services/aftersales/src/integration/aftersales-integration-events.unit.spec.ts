/**
 * The crm.aftersales.v1 mapping: each published domain event becomes a payload valid under the
 * producer's strict schema (no undeclared field), keyed by its asset or case; the case's
 * personal text never leaves the service, and internal moves are not published.
 */
import { validatePayload } from '@crm/contracts';
import type { RecordedEvent } from '@crm/event-sourcing';
import type { IntegrationEventDraft } from '@crm/messaging';
import { aftersalesIntegrationEvents } from './aftersales-integration-events';

const AT = '2026-03-02T09:30:00.000Z';
const recorded = (type: string, data: object): RecordedEvent =>
  ({
    id: 'e1',
    type,
    data,
    metadata: { occurredAt: AT },
    tenant: 't1',
    streamId: 'x-1',
    streamVersion: 1,
  }) as unknown as RecordedEvent;
const ofCase = { caseId: 'case-1', contactId: 'k1', at: AT };
const SECRET = 'my neighbour Ann Example broke it';

const published: [string, object, string, object][] = [
  [
    'AssetRegistered',
    {
      assetId: 'a1',
      source: { kind: 'order', orderId: 'o1', lineId: 'l1', unit: 2 },
      productId: 'p1',
      options: { colour: 'white' },
      serialNumber: 'SN-1',
      owner: { contactId: 'k1', companyId: 'co1' },
      deliveredOn: '2026-01-31',
      warrantyMonths: 24,
    },
    'crm.aftersales.asset.registered.v1',
    {
      assetId: 'a1',
      productId: 'p1',
      contactId: 'k1',
      companyId: 'co1',
      source: 'order',
      orderId: 'o1',
      serialNumber: 'SN-1',
      deliveredOn: '2026-01-31',
      // 24 months from 2026-01-31: the last covered day is 2028-01-30 (warranty.ts).
      warrantyEndsOn: '2028-01-30',
      registeredAt: AT,
    },
  ],
  [
    'AssetTransferred',
    { assetId: 'a1', from: { contactId: 'k1' }, to: { contactId: 'k2' }, on: '2026-03-01' },
    'crm.aftersales.asset.transferred.v1',
    {
      assetId: 'a1',
      fromContactId: 'k1',
      contactId: 'k2',
      companyId: null,
      on: '2026-03-01',
      transferredAt: AT,
    },
  ],
  [
    'CaseOpened',
    {
      ...ofCase,
      channel: 'phone',
      category: 'breakdown',
      priority: 'high',
      subject: SECRET,
      description: SECRET,
    },
    'crm.aftersales.case.opened.v1',
    {
      caseId: 'case-1',
      contactId: 'k1',
      assetId: null,
      channel: 'phone',
      category: 'breakdown',
      priority: 'high',
      openedAt: AT,
    },
  ],
  [
    'CaseResolved',
    {
      ...ofCase,
      resolutionCode: 'repaired',
      failure: true,
      coverage: 'out_of_warranty',
      billable: true,
    },
    'crm.aftersales.case.resolved.v1',
    {
      caseId: 'case-1',
      contactId: 'k1',
      resolutionCode: 'repaired',
      failure: true,
      coverage: 'out_of_warranty',
      billable: true,
      resolvedAt: AT,
    },
  ],
  [
    'CaseReopened',
    { ...ofCase, from: 'closed' },
    'crm.aftersales.case.reopened.v1',
    { caseId: 'case-1', contactId: 'k1', from: 'closed', reopenedAt: AT },
  ],
  [
    'SatisfactionRecorded',
    { ...ofCase, score: 4 },
    'crm.aftersales.case.satisfaction_recorded.v1',
    { caseId: 'case-1', contactId: 'k1', score: 4, recordedAt: AT },
  ],
  [
    'SlaBreachRecorded',
    {
      caseId: 'case-1',
      contactId: 'k1',
      clock: 'resolution',
      priority: 'urgent',
      dueAt: '2026-03-02T09:00:00.000Z',
      at: AT,
    },
    'crm.aftersales.case.sla_breached.v1',
    {
      caseId: 'case-1',
      contactId: 'k1',
      clock: 'resolution',
      priority: 'urgent',
      dueAt: '2026-03-02T09:00:00.000Z',
      breachedAt: AT,
    },
  ],
  [
    'WarrantyExpiryAnnounced',
    { assetId: 'a1', productId: 'p1', contactId: 'k1', endsOn: '2026-03-20', daysLeft: 18, at: AT },
    'crm.aftersales.asset.warranty_expiring.v1',
    {
      assetId: 'a1',
      productId: 'p1',
      contactId: 'k1',
      endsOn: '2026-03-20',
      daysLeft: 18,
      announcedAt: AT,
    },
  ],
  [
    'MaintenanceDueAnnounced',
    { assetId: 'a1', productId: 'p1', contactId: 'k1', planId: 'pl1', dueOn: '2026-03-02', at: AT },
    'crm.aftersales.asset.maintenance_due.v1',
    {
      assetId: 'a1',
      productId: 'p1',
      contactId: 'k1',
      planId: 'pl1',
      dueOn: '2026-03-02',
      announcedAt: AT,
    },
  ],
  [
    'UpgradeSuggestionRecorded',
    { assetId: 'a1', productId: 'p1', contactId: 'k1', reason: 'failures', failures: 3, at: AT },
    'crm.aftersales.asset.upgrade_suggested.v1',
    {
      assetId: 'a1',
      productId: 'p1',
      contactId: 'k1',
      reason: 'failures',
      failures: 3,
      suggestedAt: AT,
    },
  ],
];

describe('crm.aftersales.v1 mapping', () => {
  it.each(published.map(([type, data, to, expected]) => ({ type, data, to, expected })))(
    '$type -> $to, strictly valid, keyed by its subject',
    ({ type, data, to, expected }) => {
      const subject =
        (expected as { assetId?: string; caseId?: string }).assetId ??
        (expected as { caseId: string }).caseId;
      const draft = aftersalesIntegrationEvents(recorded(type, data)) as IntegrationEventDraft;
      expect(draft).toEqual({ type: to, subject, data: expected });
      expect(validatePayload(draft.type, draft.data, 'strict')).toEqual([]);
      expect(JSON.stringify(draft)).not.toContain('Ann');
    },
  );

  it('publishes no reply, note, assignment, priority or status move', () => {
    for (const [type, data] of [
      ['CaseReplied', { ...ofCase, messageId: 'm1', author: 'agent', actorId: 'u1', body: SECRET }],
      ['CaseNoted', { ...ofCase, messageId: 'm2', actorId: 'u1', body: SECRET }],
      ['CaseAssigned', { ...ofCase, assignee: { kind: 'queue', id: 'l2' } }],
      ['CasePriorityChanged', { ...ofCase, priority: 'low' }],
      ['CaseStatusChanged', { ...ofCase, from: 'new', to: 'in_progress' }],
      ['MeterReadingRecorded', { assetId: 'a1', unit: 'km', value: 3, readAt: AT }],
    ] as const)
      expect(aftersalesIntegrationEvents(recorded(type, data))).toBeNull();
  });
});
