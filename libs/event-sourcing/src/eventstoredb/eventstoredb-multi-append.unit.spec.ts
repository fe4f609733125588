/**
 * What runs here without an EventStoreDB (the conformance suite needs one): the adapter says it
 * cannot append to several streams atomically, and refuses such a call before any I/O, so it can
 * never half-apply one. The client is lazy: pointed at a closed port, it is never dialled here.
 */
import { EventStoreDBClient } from '@eventstore/db-client';
import { MultiStreamAppendUnsupportedError } from '../event-store';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

const event = {
  type: 'A',
  data: {},
  metadata: { tenant: 't', occurredAt: '2026-01-01T00:00:00Z' },
};

describe('EventStoreDbEventStore.appendToStreams without atomic multi-stream writes', () => {
  const store = new EventStoreDbEventStore(
    EventStoreDBClient.connectionString('esdb://127.0.0.1:1?tls=false'),
  );
  afterAll(() => store.client.dispose());

  it('declares atomicMultiStreamAppend false and refuses two streams', async () => {
    expect(store.atomicMultiStreamAppend).toBe(false);
    const error = await store
      .appendToStreams([
        { stream: { tenant: 't', id: 'contact-a' }, events: [event] },
        { stream: { tenant: 't', id: 'contact-b' }, events: [event] },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MultiStreamAppendUnsupportedError);
    expect(error).toMatchObject({ adapter: 'EventStoreDbEventStore', streams: 2 });
  });

  it('refuses a stream named twice as invalid input, before the capability', async () => {
    const stream = { tenant: 't', id: 'contact-a' };
    await expect(
      store.appendToStreams([
        { stream, events: [event] },
        { stream, events: [event] },
      ]),
    ).rejects.toMatchObject({ code: 'InvalidMultiStreamAppend', kind: 'invalid' });
  });

  it('answers an empty call with no results', async () => {
    await expect(store.appendToStreams([])).resolves.toEqual([]);
  });
});
