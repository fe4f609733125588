/**
 * The messaging fault suite's cross-service case (issue 13): sales events and the contacts
 * timeline across a broker outage. Both services run as processes on a broker of this suite's own
 * (startDisposableKafka: never the shared broker other suites use), the broker is stopped, calls
 * and orders are logged in sales while it is down, then it is started again: every one of them
 * shows on the contact's timeline, and neither service dead-lettered anything.
 */
import { deadLetterTopicFor, topicFor } from '@crm/contracts';
import { namespacedName } from '@crm/messaging';
import { describeWithLocalKafka, startDisposableKafka, type DisposableKafka } from '@crm/testing';
import { Kafka, logLevel } from 'kafkajs';
import { setUpCarCatalogue } from '../testing/car-catalogue';
import { eventually } from '@crm/testing';
import type { SalesTestApp } from '../testing/sales-test-app';
import { STARTUP_TIMEOUT_MS, startRunningCrm, type RunningCrm } from '@crm/platform/testing';
import type { HttpResult } from '@crm/platform/testing';

const CALLS_DURING_OUTAGE = 6;
const ORDERS_DURING_OUTAGE = 4;
// Generous: on a loaded machine a fresh broker's consumer groups take long to join the first time.
const MESSAGE_TIMEOUT_MS = 90_000;
// After the restart the relay's producer and the consumers' groups reconnect with back-off.
const RECOVERY_TIMEOUT_MS = 180_000;
// Long enough for a relay that ignored the outage to have delivered (it delivers in < 1 s).
const OUTAGE_QUIET_MS = 5_000;
const rep = { sub: 'rep-1' };

function created(res: HttpResult, what: string): any {
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The entry ids of this contact's sales entries on its timeline. */
async function salesEntryIds(crm: RunningCrm, contactId: string): Promise<string[]> {
  const page = created(
    await crm.contacts.request('GET', `/contacts/${contactId}/timeline?source=sales&limit=100`, {
      as: rep,
    }),
    'timeline',
  );
  return page.items.map((entry: { entryId: string }) => entry.entryId);
}

/** Messages ever written to a topic (0 when it was never created). */
async function messagesOn(brokers: string[], topic: string): Promise<number> {
  const admin = new Kafka({
    clientId: 'sales-outage-e2e',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    if (!(await admin.listTopics()).includes(topic)) return 0;
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

describeWithLocalKafka('sales events across a broker outage (system e2e, own broker)', () => {
  let broker: DisposableKafka | undefined;
  let crm: RunningCrm | undefined;

  beforeAll(async () => {
    broker = await startDisposableKafka();
    crm = await startRunningCrm(broker.brokers);
  }, 300_000 + STARTUP_TIMEOUT_MS);

  afterAll(async () => {
    // Services first: a relay still connected while its broker is destroyed only logs, but waits.
    await crm?.stop();
    await broker?.destroy();
  }, 120_000);

  it(
    'calls and orders logged while the broker is down reach the contacts timeline after it is back; DLQs stay empty',
    async () => {
      const { sales, contacts } = crm!;
      const { productId, priceBookId } = await setUpCarCatalogue(sales as unknown as SalesTestApp);
      const contactId = created(
        await contacts.request('POST', '/contacts', {
          as: rep,
          body: { name: { given: 'Katherine', family: 'Johnson' } },
        }),
        'contact',
      ).id;
      const logCall = async (subject: string) =>
        created(
          await sales.request('POST', '/activities', {
            as: rep,
            body: {
              kind: 'call',
              subject,
              contactId,
              phone: '+4930123456',
              heldAt: new Date(Date.now() - 3_600_000).toISOString(),
              outcome: 'no-answer',
            },
          }),
          subject,
        ).id as string;
      const placeOrder = async () =>
        created(
          await sales.request('POST', '/orders', {
            as: rep,
            body: {
              contactId,
              currency: 'EUR',
              priceBookId,
              taxRateBps: 1900,
              lines: [{ productId, quantity: 1 }],
            },
          }),
          'order',
        ).id as string;

      // The pipeline is live before the outage: consumers joined, the relay's producer connected.
      // Sales refuses a contact it has not mirrored yet (after SALES_REFERENCE_WAIT_MS): a fresh
      // broker's consumers may take longer to join, and a refused call records nothing.
      const before = await eventually(() => logCall('Before the outage'), MESSAGE_TIMEOUT_MS);
      await eventually(async () => {
        expect(await salesEntryIds(crm!, contactId)).toContain(`sales-activity-${before}`);
      }, MESSAGE_TIMEOUT_MS);

      await broker!.stop();
      const expected: string[] = [];
      for (let i = 0; i < CALLS_DURING_OUTAGE; i++) {
        expected.push(`sales-activity-${await logCall(`During the outage ${i + 1}`)}`);
        if (i < ORDERS_DURING_OUTAGE) expected.push(`sales-order-${await placeOrder()}`);
      }
      expect(expected).toHaveLength(CALLS_DURING_OUTAGE + ORDERS_DURING_OUTAGE);
      // The outage is real: nothing logged while the broker is down reaches the timeline.
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_QUIET_MS));
      const duringOutage = await salesEntryIds(crm!, contactId);
      expect(duringOutage.filter((id) => expected.includes(id))).toEqual([]);

      await broker!.start();
      const salesTopic = namespacedName(crm!.namespace, topicFor('sales'));
      const after = await eventually(async () => {
        const ids = await salesEntryIds(crm!, contactId);
        expect(ids).toEqual(expect.arrayContaining(expected));
        return ids;
      }, RECOVERY_TIMEOUT_MS).catch(async (error: Error) => {
        // Which side stalled: the sales relay (the topic lacks them) or the contacts consumer.
        const published = await messagesOn(broker!.brokers, salesTopic);
        throw new Error(`${error.message}\n${salesTopic} holds ${published} messages`);
      });
      // Each once (the inbox absorbs redeliveries), the earlier call still there.
      expect([...after].sort()).toEqual([`sales-activity-${before}`, ...expected].sort());

      const { namespace } = crm!;
      // The names are this run's: its topic holds what the relay published since the restart.
      expect(await messagesOn(broker!.brokers, salesTopic)).toBeGreaterThanOrEqual(expected.length);
      for (const service of ['sales', 'contacts'] as const) {
        const dlq = namespacedName(namespace, deadLetterTopicFor(topicFor(service)));
        expect({ dlq, messages: await messagesOn(broker!.brokers, dlq) }).toEqual({
          dlq,
          messages: 0,
        });
      }
    },
    MESSAGE_TIMEOUT_MS + RECOVERY_TIMEOUT_MS + 2 * OUTAGE_QUIET_MS + 60_000,
  );
});
