/**
 * A RecordedEvent as the store would hand it to a subscriber, for unit tests of code that reads
 * the log (state sources, mappers): tenant `t1`, version 1, a fresh id and position per call.
 */
import type { RecordedEvent } from '../event-store';

const RECORDED_AT = '2026-11-23T10:00:00.000Z';
let sequence = 0;

export function recordedEvent(streamId: string, type: string, data: object = {}): RecordedEvent {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    type,
    schemaVersion: 1,
    data,
    metadata: { tenant: 't1', occurredAt: RECORDED_AT },
    tenant: 't1',
    streamId,
    streamVersion: 1,
    position: { commit: 1n, prepare: BigInt(sequence) },
    createdAt: new Date(RECORDED_AT),
  };
}
