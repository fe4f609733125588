/**
 * Attribution over the real pieces: message responses appended through the message decider,
 * orders fed as crm.sales.v1 integration events through the transport into the
 * `campaigns.attribution` consumer, conversions counted by the attribution projection.
 * Last click within 7 days beats a newer open; an open within 1 day counts when no click does;
 * machine traffic, responses outside the windows and other tenants never earn anything; an imported
 * order is credited like any other; a redelivered order
 * changes nothing; a cancellation takes the credit back.
 */
import { OrderCancelled, OrderPlaced } from '@crm/contracts';
import { handleCommand, type EventStore } from '@crm/event-sourcing';
import { EVENT_STORE, ManualClock, PG_POOL } from '@crm/platform';
import { eventually } from '@crm/testing';
import type { Pool } from 'pg';
import {
  DEFAULT_TEST_TENANT,
  openIntegrationFeed,
  type FedMessage,
  type IntegrationFeed,
} from '../audience/testing/integration-feed';
import { STREAM } from '../infrastructure/streams';
import { messageDecider } from '../sending/message.decider';
import type { MessageCommand } from '../sending/message.commands';
import { startCampaignsTestApp, type CampaignsTestApp } from '../testing/campaigns-test-app';
import { ATTRIBUTION_CONSUMER } from './attribution.consumer';

const HOUR = 3_600_000;
const clock = new ManualClock(new Date());
const ago = (hours: number) => new Date(clock.now().getTime() - hours * HOUR).toISOString();

describe('campaign attribution (e2e)', () => {
  let t: CampaignsTestApp;
  let pool: Pool;
  let store: EventStore;
  let feed: IntegrationFeed;

  const message = async (
    tenant: string,
    messageId: string,
    contactId: string,
    campaignId: string,
    responses: MessageCommand[],
  ) => {
    const run = (command: MessageCommand) =>
      handleCommand(store, messageDecider, { tenant, id: STREAM.message(messageId) }, command, {
        tenant,
        actor: 'test',
        now: () => clock.now(),
      });
    await run({
      type: 'DispatchMessage',
      data: {
        messageId,
        campaignId,
        contactId,
        channel: 'email',
        step: 'broadcast',
        variantId: 'a',
        at: ago(200),
      },
    });
    await run({ type: 'RecordSent', data: { providerMessageId: `p-${messageId}`, at: ago(200) } });
    for (const response of responses) await run(response);
  };
  const click = (hoursAgo: number, human = true): MessageCommand => ({
    type: 'RecordClick',
    data: {
      linkIndex: 0,
      url: 'https://shop.example.com/offer',
      at: ago(hoursAgo),
      userAgentClass: human ? 'human' : 'bot',
      countsInRates: human,
    },
  });
  const open = (hoursAgo: number): MessageCommand => ({
    type: 'RecordOpen',
    data: { at: ago(hoursAgo), userAgentClass: 'human', countsInRates: true },
  });
  const order = (
    orderId: string,
    contactId: string,
    totalMinor: number,
    extra: { tenant?: string; source?: string } = {},
  ): FedMessage => ({
    topic: 'sales',
    type: OrderPlaced.type,
    subject: orderId,
    tenant: extra.tenant,
    data: {
      orderId,
      contactId,
      lines: [],
      total: { amount: (totalMinor / 100).toFixed(2), currency: 'EUR' },
      currency: 'EUR',
      totals: { subtotalMinor: totalMinor, discountMinor: 0, taxMinor: 0, totalMinor },
      placedAt: clock.now().toISOString(),
      ...(extra.source ? { source: extra.source } : {}),
    },
  });
  const conversions = async (tenant = DEFAULT_TEST_TENANT) => {
    const { rows } = await pool.query<{
      campaign_id: string;
      conversions: number;
      revenue_minor: string;
    }>(
      `SELECT campaign_id, conversions, revenue_minor FROM campaigns.campaign_conversions
        WHERE tenant = $1 ORDER BY campaign_id`,
      [tenant],
    );
    return Object.fromEntries(
      rows.map((r) => [r.campaign_id, [r.conversions, Number(r.revenue_minor)]]),
    );
  };
  const conversionStreams = async () => {
    const { rows } = await pool.query<{ stream_id: string; version: number }>(
      `SELECT stream_id, version FROM campaigns.streams
        WHERE tenant = $1 AND stream_id LIKE 'conversion-%' ORDER BY stream_id`,
      [DEFAULT_TEST_TENANT],
    );
    return Object.fromEntries(rows.map((r) => [r.stream_id, Number(r.version)]));
  };
  const touchesProjected = (n: number) =>
    eventually(async () => {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM campaigns.attribution_touches`,
      );
      expect(rows[0].n).toBe(n);
    }, 20_000);

  beforeAll(async () => {
    t = await startCampaignsTestApp({}, { clock });
    pool = t.app.get(PG_POOL);
    store = t.app.get(EVENT_STORE);
    feed = openIntegrationFeed(t, pool, {}, ATTRIBUTION_CONSUMER.consumer);
    const tenant = DEFAULT_TEST_TENANT;
    // Ada clicked campaign c-old 6 days ago and c-new 2 days ago, and opened c-open an hour ago.
    await message(tenant, 'm-ada-old', 'ada', 'c-old', [click(6 * 24)]);
    await message(tenant, 'm-ada-new', 'ada', 'c-new', [click(48)]);
    await message(tenant, 'm-ada-open', 'ada', 'c-open', [open(1)]);
    // Bea only opened, 20 hours ago; Cem's only click came from a link scanner.
    await message(tenant, 'm-bea', 'bea', 'c-open', [open(20)]);
    await message(tenant, 'm-cem', 'cem', 'c-new', [click(2, false)]);
    // Another tenant: the same contact id clicked its own campaign.
    await message(tenant, 'm-dan', 'dan', 'c-old', [click(8 * 24)]);
    await message('tenant-b', 'm-b-ada', 'ada', 'c-b', [click(3)]);
    await touchesProjected(7);
  });
  afterAll(async () => {
    await feed?.close();
    await t?.close();
  });

  it('credits the last click, else the last open, never machine traffic', async () => {
    await feed.deliver(order('o-ada', 'ada', 150_00));
    await feed.deliver(order('o-bea', 'bea', 40_00));
    await feed.deliver(order('o-cem', 'cem', 99_00));
    // Dan clicked 8 days ago: outside the window.
    await feed.deliver(order('o-dan', 'dan', 10_00));
    // An imported order is credited like any other (Bea's open counts for it too).
    await feed.deliver(order('o-bea-import', 'bea', 5_00, { source: 'import' }));
    await eventually(
      async () =>
        expect(await conversions()).toEqual({ 'c-new': [1, 150_00], 'c-open': [2, 45_00] }),
      20_000,
    );
    expect(await conversionStreams()).toEqual({
      'conversion-o-ada': 1,
      'conversion-o-bea': 1,
      'conversion-o-bea-import': 1,
    });
  });

  it('changes nothing when the same order arrives again under a new message id', async () => {
    await feed.deliver(order('o-ada', 'ada', 150_00));
    // The consumer appends before its inbox commits: a second credit would be version 2 by now.
    expect((await conversionStreams())['conversion-o-ada']).toBe(1);
    expect(await conversions()).toEqual({ 'c-new': [1, 150_00], 'c-open': [2, 45_00] });
  });

  it('takes the credit back when the order is cancelled', async () => {
    await feed.deliver({
      topic: 'sales',
      type: OrderCancelled.type,
      subject: 'o-bea',
      data: {
        orderId: 'o-bea',
        contactId: 'bea',
        cancelledAt: clock.now().toISOString(),
        reason: null,
      },
    });
    await eventually(
      async () =>
        expect(await conversions()).toEqual({ 'c-new': [1, 150_00], 'c-open': [1, 5_00] }),
      20_000,
    );
  });

  it("keeps tenants apart: tenant-b's click earns only tenant-b's order", async () => {
    await feed.deliver(order('o-b', 'ada', 70_00, { tenant: 'tenant-b' }));
    await eventually(
      async () => expect(await conversions('tenant-b')).toEqual({ 'c-b': [1, 70_00] }),
      20_000,
    );
    expect(await conversions()).toEqual({ 'c-new': [1, 150_00], 'c-open': [1, 5_00] });
  });
});
