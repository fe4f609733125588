/**
 * What the state publisher and the republish command share: which subjects a run of events
 * touched, and one subject's current state as a message (value, or tombstone) for its state
 * topic. A value that fails its schema, or a load that fails for a non-transient reason, is a
 * problem for that subject alone (the publisher parks it; nothing else waits for it).
 */
import {
  findStateTopic,
  toCloudEventHeaders,
  validateStateValue,
  type StateTopicDefinition,
} from '@crm/contracts';
import { categoryOf, isTransient, type EventStore, type RecordedEvent } from '@crm/event-sourcing';
import { derivedUuid, eventTime } from '../relay/envelope';
import type { OutgoingMessage } from '../transport/message-transport';
import type { StateSource } from './state-source';

export interface TouchedSubject {
  readonly source: StateSource;
  readonly definition: StateTopicDefinition;
  readonly tenant: string;
  readonly subject: string;
  /** The latest event that touched it: the message's `ce_time`, and the seed of its `ce_id`. */
  lastEvent: RecordedEvent;
}

/**
 * Resolves each source's contract once, failing at start-up for a type the catalogue lacks.
 * `catalogue`: the contracts' state topics unless a test passes its own.
 */
export function resolveSources(
  sources: readonly StateSource[],
  catalogue?: readonly StateTopicDefinition[],
): { source: StateSource; definition: StateTopicDefinition }[] {
  return sources.map((source) => {
    const definition = catalogue
      ? catalogue.find((d) => d.type === source.stateType)
      : findStateTopic(source.stateType);
    if (!definition)
      throw new Error(`state source ${source.stateType} is not a state type in @crm/contracts`);
    return { source, definition };
  });
}

/** Stream categories the sources read (the union; the log reader fetches only these). */
export function categoriesOf(sources: readonly StateSource[]): string[] {
  return [...new Set(sources.flatMap((s) => s.categories))];
}

/** Adds the subjects `events` touched to `into`, one entry per (state type, tenant, subject). */
export function collectTouched(
  into: Map<string, TouchedSubject>,
  events: readonly RecordedEvent[],
  sources: readonly { source: StateSource; definition: StateTopicDefinition }[],
): void {
  for (const event of events) {
    const category = categoryOf(event.streamId);
    for (const { source, definition } of sources) {
      if (!source.categories.includes(category)) continue;
      for (const subject of source.subjectsOf(event)) {
        const key = `${source.stateType}\u0000${event.tenant}\u0000${subject}`;
        const known = into.get(key);
        if (known) known.lastEvent = event;
        else into.set(key, { source, definition, tenant: event.tenant, subject, lastEvent: event });
      }
    }
  }
}

export type Snapshot =
  { readonly message: OutgoingMessage; readonly tombstone: boolean } | { readonly problem: string };

/**
 * The subject's state as a message. Transient load failures (database down) are thrown for the
 * caller to retry; anything else is a problem of this subject.
 */
export async function snapshotOf(
  store: EventStore,
  touched: TouchedSubject,
  source: string,
  topicName: (topic: string) => string = (topic) => topic,
): Promise<Snapshot> {
  const { definition, tenant, subject, lastEvent } = touched;
  let value: Record<string, unknown> | null;
  try {
    value = await touched.source.load(store, tenant, subject);
  } catch (error) {
    if (isTransient(error)) throw error;
    return { problem: `load failed: ${(error as Error).message}` };
  }
  if (value !== null) {
    const problems = validateStateValue(definition, value);
    if (problems.length) {
      const detail = problems.map((p) => `${p.path || '/'} ${p.message}`).join('; ');
      return { problem: `${definition.type} value does not match its schema: ${detail}` };
    }
  }
  const headers = toCloudEventHeaders({
    // Stable for one state after one event: a re-send repeats it, consumers can deduplicate.
    id: derivedUuid(`${definition.type}/${tenant}/${subject}/${lastEvent.id}`),
    type: definition.type,
    source,
    time: eventTime(lastEvent),
    subject,
    tenant,
    correlationId: lastEvent.metadata.correlationId,
  });
  return {
    message: {
      topic: topicName(definition.topic),
      key: subject,
      value: value === null ? null : JSON.stringify(value),
      headers,
    },
    tombstone: value === null,
  };
}

/** Runs `fn` over `items` with at most `limit` in flight, results in input order. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
