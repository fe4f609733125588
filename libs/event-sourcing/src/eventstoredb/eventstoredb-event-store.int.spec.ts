/**
 * The shared conformance suite against a real EventStoreDB/KurrentDB. Runs where the
 * @crm/testing global setup finds one (EVENTSTORE_CONNECTION_STRING or Docker); skipped loudly
 * elsewhere (e.g. this repository's CI machine without Docker).
 */
import { describeWithEventStoreDb } from '@crm/testing';
import { eventStoreConformance } from '../conformance/event-store.conformance';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

describeWithEventStoreDb('EventStoreDbEventStore conformance', ({ connectionString }) => {
  eventStoreConformance(async () => EventStoreDbEventStore.connect(connectionString()), {
    rejectsReusedEventIds: false,
    atomicMultiStreamAppend: false,
  });
});
