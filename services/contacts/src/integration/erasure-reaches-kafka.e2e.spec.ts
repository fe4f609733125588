/**
 * Erasure reaches Kafka (issue 11): after `POST /contacts/{id}/erase` the contact's state topic
 * gets a tombstone, and once the event topics' retention has passed and compaction has run, no
 * message on any topic of the deployment holds the person's name, email or phone.
 *
 * The real contacts app on a disposable broker (its retention check and cleaner back-off lowered
 * through kafka.sh's variables) with the erasure window set to seconds: event and dead-letter
 * retention 4 s, state topics compacted within 2 s, tombstones kept 1 s. New contacts keep
 * arriving meanwhile, as in production: Kafka only deletes and compacts closed segments, and a
 * segment closes when a message arrives after its segment.ms.
 */
import { ManualClock } from '@crm/platform';
import {
  describeWithLocalKafka,
  startDisposableKafka,
  uniqueName,
  type DisposableKafka,
} from '@crm/testing';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { startContactsTestApp, type ContactsTestApp } from '../testing/contacts-test-app';

jest.setTimeout(240_000);

const clock = new ManualClock(new Date());

const WINDOW_ENV = {
  MESSAGING_TOPIC_RETENTION_MS: '4000',
  MESSAGING_DLQ_RETENTION_MS: '4000',
  MESSAGING_STATE_MAX_COMPACTION_LAG_MS: '2000',
  MESSAGING_STATE_DELETE_RETENTION_MS: '1000',
};

interface Read {
  topic: string;
  key: string;
  value: string | null;
}

describeWithLocalKafka(
  'erasure reaches Kafka (disposable broker, erasure window of seconds)',
  () => {
    let broker: DisposableKafka;
    let t: ContactsTestApp;
    let kafka: Kafka;
    let admin: Admin;
    const namespace = uniqueName('erasure');
    const tenant = uniqueName('tenant');
    const saved: Record<string, string | undefined> = {};
    const setEnv = (vars: Record<string, string>) => {
      for (const [name, value] of Object.entries(vars)) {
        saved[name] ??= process.env[name];
        process.env[name] = value;
      }
    };

    beforeAll(async () => {
      setEnv({ KAFKA_RETENTION_CHECK_INTERVAL_MS: '500', KAFKA_CLEANER_BACKOFF_MS: '200' });
      broker = await startDisposableKafka();
      // Messaging reads these from the process environment when the app boots.
      setEnv({ MESSAGING_NAMESPACE: namespace, ...WINDOW_ENV });
      t = await startContactsTestApp(
        { KAFKA_BROKERS: broker.brokers.join(','), ...WINDOW_ENV },
        { clock },
      );
      kafka = new Kafka({
        clientId: uniqueName('erasure'),
        brokers: broker.brokers,
        logLevel: logLevel.NOTHING,
      });
      admin = kafka.admin();
      await admin.connect();
    }, 300_000);

    afterAll(async () => {
      await admin?.disconnect();
      await t?.close();
      await broker?.destroy();
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }, 120_000);

    /** Every message of every topic of this deployment, from offset 0 to the current end. */
    async function readEverything(): Promise<Read[]> {
      const topics = (await admin.listTopics()).filter((n) => n.startsWith(`${namespace}.`));
      const ends = new Map<string, number>();
      for (const topic of topics) {
        for (const p of await admin.fetchTopicOffsets(topic))
          if (Number(p.high) > Number(p.low))
            ends.set(`${topic}/${p.partition}`, Number(p.high) - 1);
      }
      const read: Read[] = [];
      if (!ends.size) return read;
      const consumer = kafka.consumer({ groupId: uniqueName('erasure-audit') });
      await consumer.connect();
      try {
        await consumer.subscribe({ topics, fromBeginning: true });
        const left = new Set(ends.keys());
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => {
            clearInterval(recheck);
            reject(new Error(`unread partitions: ${[...left]}`));
          }, 30_000);
          const done = () => {
            clearTimeout(timer);
            clearInterval(recheck);
            resolve();
          };
          // Retention runs while we read (the erasure window is seconds): a partition whose
          // messages up to its recorded end were deleted meanwhile has nothing left to deliver.
          const recheck = setInterval(() => {
            void (async () => {
              for (const topic of topics) {
                for (const p of await admin.fetchTopicOffsets(topic)) {
                  const id = `${topic}/${p.partition}`;
                  if (left.has(id) && Number(p.low) > (ends.get(id) ?? Infinity)) left.delete(id);
                }
              }
              if (!left.size) done();
            })().catch(() => undefined);
          }, 1_000);
          void consumer.run({
            eachMessage: async ({ topic, partition, message }) => {
              read.push({
                topic,
                key: message.key?.toString() ?? '',
                value: message.value?.toString() ?? null,
              });
              const id = `${topic}/${partition}`;
              if (Number(message.offset) >= (ends.get(id) ?? Infinity)) left.delete(id);
              if (!left.size) done();
            },
          });
        });
      } finally {
        await consumer.disconnect();
      }
      return read;
    }

    const register = async (family: string, email?: string, phone?: string) => {
      const res = await t.call({
        method: 'POST',
        url: '/contacts',
        tenant,
        payload: {
          name: { given: 'Grace', family },
          ...(email ? { emails: [{ address: email }] } : {}),
          ...(phone ? { phones: [{ number: phone }] } : {}),
        },
      });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };

    it('leaves no message holding the erased person’s name, email or phone once the window has passed', async () => {
      const family = `Hopperzz${uniqueName('x')
        .replace(/[^a-z0-9]/gi, '')
        .slice(-6)}`;
      const email = `${family.toLowerCase()}@erasure.example`;
      const phone = '+442079460958';
      const traces = [family, email, phone];
      const holdsTrace = (r: Read) => traces.some((s) => r.value?.includes(s));

      const id = await register(family, email, phone);
      const bystander = await register('Bystander');
      const stateTopic = `${namespace}.crm.contacts.contact.state.v1`;
      // Published first: the name is really on the event topic and the state topic.
      await until(async () => {
        const read = await readEverything();
        return (
          read.some((r) => r.topic === `${namespace}.crm.contacts.v1` && holdsTrace(r)) &&
          read.some((r) => r.topic === stateTopic && r.key === id && holdsTrace(r))
        );
      }, 'the person on the event and state topics');

      const manager = { tenant, roles: ['sales-manager' as const] };
      expect(
        (await t.call({ method: 'POST', url: `/contacts/${id}/erase`, ...manager })).statusCode,
      ).toBe(200);
      await until(async () => {
        const mine = (await readEverything()).filter((r) => r.topic === stateTopic && r.key === id);
        return mine.length > 0 && mine[mine.length - 1].value === null;
      }, 'a tombstone for the erased contact');

      // The window: event retention + segment roll, compaction lag; traffic keeps segments rolling.
      const started = Date.now();
      let leftovers: Read[] = [];
      await until(
        async () => {
          await register(`Later${Date.now() % 100_000}`);
          leftovers = (await readEverything()).filter(holdsTrace);
          return leftovers.length === 0;
        },
        'no trace of the person on any topic',
        60_000,
        1000,
      ).catch((error: Error) => {
        throw new Error(
          `${error.message}; still holding it: ${JSON.stringify(leftovers.map((r) => r.topic))}`,
        );
      });
      process.stdout.write(
        `[erasure] no trace on any topic ${Math.round((Date.now() - started) / 1000)} s after the tombstone\n`,
      );

      // Compaction removes the erased, not the living: the bystander's state is still readable.
      const read = await readEverything();
      expect(
        read.some(
          (r) => r.topic === stateTopic && r.key === bystander && r.value?.includes('Bystander'),
        ),
      ).toBe(true);
    });
  },
);

async function until(
  check: () => Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
  everyMs = 300,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
