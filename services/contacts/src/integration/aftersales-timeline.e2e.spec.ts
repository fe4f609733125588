/**
 * crm.aftersales.v1 on the contact's timeline: a service case opened, resolved, reopened and
 * rated, maintenance due on one of their assets and a warranty about to end, arrive on the (embedded) transport and show as entries
 * of source `aftersales`; a redelivery adds nothing; a fact about an unknown contact is dropped.
 */
import {
  CaseOpened,
  CaseReopened,
  CaseResolved,
  MaintenanceDue,
  SatisfactionRecorded,
  WarrantyExpiring,
  toCloudEventHeaders,
  topicFor,
} from '@crm/contracts';
import { MESSAGE_TRANSPORT, type MessageTransport } from '@crm/messaging';
import { ManualClock } from '@crm/platform';
import { randomUUID } from 'node:crypto';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

const DAY = 86_400_000;
const clock = new ManualClock(new Date(Date.now() - 5 * DAY).toISOString());
const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

describe('after-sales facts on the timeline (e2e, embedded transport)', () => {
  let t: ContactsTestApp;
  beforeAll(async () => {
    t = await startContactsTestApp({}, { clock });
  });
  afterAll(() => t?.close());

  async function publish(type: string, subject: string, data: object, id = randomUUID()) {
    const topic = topicFor('aftersales');
    const transport = t.app.get<MessageTransport>(MESSAGE_TRANSPORT);
    await transport.provision([{ name: topic, partitions: 1, retentionMs: -1 }]);
    const headers = toCloudEventHeaders({
      id,
      type,
      source: '/crm/aftersales',
      time: clock.now().toISOString(),
      subject,
      tenant: 'tenant-a',
    });
    await transport.send([{ topic, key: subject, value: JSON.stringify(data), headers }]);
    return id;
  }

  it('shows a case opened and resolved and maintenance due, once each', async () => {
    const contactId = (
      await t.call({ method: 'POST', url: '/contacts', payload: { name: { given: 'Ada' } } })
    ).json().id;
    const caseId = randomUUID();
    const opened = {
      caseId,
      contactId,
      assetId: 'asset-1',
      channel: 'phone',
      category: 'breakdown',
      priority: 'high',
      openedAt: at(-3),
    };
    const id = await publish(CaseOpened.type, caseId, opened);
    await publish(CaseOpened.type, caseId, opened, id); // redelivery
    await publish(CaseResolved.type, caseId, {
      caseId,
      contactId,
      resolutionCode: 'part_replaced',
      failure: true,
      coverage: 'in_warranty',
      billable: false,
      resolvedAt: at(-2),
    });
    await publish(MaintenanceDue.type, 'asset-1', {
      assetId: 'asset-1',
      productId: 'prod-1',
      contactId,
      planId: 'plan-1',
      dueOn: at(-1).slice(0, 10),
      announcedAt: at(-1),
    });
    // About nobody this service knows: dropped.
    await publish(CaseOpened.type, 'case-x', { ...opened, caseId: 'case-x', contactId: 'nobody' });

    const until = Date.now() + 30_000;
    let items: { source: string; kind: string; details: Record<string, unknown> }[] = [];
    while (Date.now() < until) {
      items = (await t.call({ url: `/contacts/${contactId}/timeline` })).json().items;
      if (items.length >= 3) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(items.map((e) => [e.source, e.kind])).toEqual([
      ['aftersales', 'maintenance-due'],
      ['aftersales', 'service-case-resolved'],
      ['aftersales', 'service-case'],
    ]);
    expect(items[2].details).toMatchObject({ caseId, assetId: 'asset-1', category: 'breakdown' });
    expect(items[1].details).toMatchObject({
      caseId,
      resolutionCode: 'part_replaced',
      billable: false,
    });
  });

  it('shows a reopened case, its rating and a warranty about to end, filtered by source', async () => {
    const contactId = (
      await t.call({ method: 'POST', url: '/contacts', payload: { name: { given: 'Grace' } } })
    ).json().id;
    const caseId = randomUUID();
    await publish(CaseReopened.type, caseId, {
      caseId,
      contactId,
      from: 'resolved',
      reopenedAt: at(-3),
    });
    const rating = { caseId, contactId, score: 4, recordedAt: at(-2) };
    const id = await publish(SatisfactionRecorded.type, caseId, rating);
    await publish(SatisfactionRecorded.type, caseId, rating, id); // redelivery
    await publish(SatisfactionRecorded.type, caseId, rating); // the same fact under a new id
    await publish(WarrantyExpiring.type, 'asset-2', {
      assetId: 'asset-2',
      productId: 'prod-2',
      contactId,
      endsOn: at(29).slice(0, 10),
      daysLeft: 30,
      announcedAt: at(-1),
    });

    const until = Date.now() + 30_000;
    let items: { source: string; kind: string; details: Record<string, unknown> }[] = [];
    while (Date.now() < until) {
      items = (await t.call({ url: `/contacts/${contactId}/timeline?source=aftersales` })).json()
        .items;
      if (items.length >= 3) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(items.map((e) => [e.source, e.kind])).toEqual([
      ['aftersales', 'warranty-expiring'],
      ['aftersales', 'service-satisfaction'],
      ['aftersales', 'service-case-reopened'],
    ]);
    expect(items[0].details).toMatchObject({ assetId: 'asset-2', daysLeft: 30 });
    expect(items[1].details).toEqual({ caseId, score: 4 });
    expect(items[2].details).toEqual({ caseId, from: 'resolved' });
    // Positive control of the filter: another source is empty for this contact.
    const sales = (await t.call({ url: `/contacts/${contactId}/timeline?source=sales` })).json();
    expect(sales.items).toEqual([]);
  });
});
