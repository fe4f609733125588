/**
 * (Re)publishes the current state of every aggregate from the event store on its state topic:
 * after a transport switch (a system that ran on the embedded log attaches Kafka), for a new
 * integrator, after a state schema upgrade. Event topics are history and are not republished
 * (the replay CLI moves a group's offsets instead).
 *
 * It scans the log as far as it is visible when it runs (events committed later are the state
 * publisher's) for the subjects the sources know (all tenants, or one), then loads, validates
 * and sends each one's state, reporting progress. Ids and times are those the state publisher
 * gives the same state (from the subject's latest event), so consumers see a duplicate, not a
 * change. It may run beside the service: subjects that changed while it ran are loaded and sent
 * again at the end (our older state may have reached the topic after the publisher's newer one).
 */
import type { StateTopicDefinition } from '@crm/contracts';
import type { EventStore } from '@crm/event-sourcing';
import { START, type Position } from '@crm/event-sourcing';
import type { MessageTransport } from '../transport/message-transport';
import {
  categoriesOf,
  collectTouched,
  mapLimited,
  resolveSources,
  snapshotOf,
  type TouchedSubject,
} from './state-snapshot';
import type { StateSource } from './state-source';

export interface RepublishStateOptions {
  readonly store: EventStore;
  readonly transport: MessageTransport;
  readonly sources: readonly StateSource[];
  /** Where the sources' state types are defined. Default: the contracts' STATE_TOPICS. */
  readonly stateTopics?: readonly StateTopicDefinition[];
  /** CloudEvents `source`, e.g. `/crm/contacts`. */
  readonly source: string;
  /** Only this tenant's aggregates. */
  readonly tenant?: string;
  /** Only these aggregate kinds (`contact`) or state types (`crm.contacts.contact.state.v1`). */
  readonly aggregates?: readonly string[];
  readonly topicName?: (publishedTopic: string) => string;
  /** Events read per page of the scan. Default 1000. */
  readonly pageSize?: number;
  /** Subjects loaded, then sent, per step. Default 500. */
  readonly chunkSize?: number;
  readonly loadConcurrency?: number;
  /** Awaited: the next step starts once it resolves. */
  readonly progress?: (progress: RepublishProgress) => void | Promise<void>;
}

export interface RepublishProgress {
  readonly phase: 'scanned' | 'published';
  /** Subjects done (published) or found (scanned) so far. */
  readonly done: number;
  /** Subjects to publish; known once the scan is over. */
  readonly total: number;
  /** Subjects per second since the phase started. */
  readonly ratePerSecond: number;
  readonly values: number;
  readonly tombstones: number;
  /** Subjects whose state could not be published (invalid value, failed load). */
  readonly invalid: readonly {
    stateType: string;
    tenant: string;
    subject: string;
    problem: string;
  }[];
}

/** Catch-up passes after the full one (under constant traffic the publisher covers the rest). */
const CATCH_UP_ROUNDS = 5;

export async function republishState(options: RepublishStateOptions): Promise<RepublishProgress> {
  const wanted = options.aggregates;
  const sources = resolveSources(options.sources, options.stateTopics).filter(
    ({ definition }) =>
      !wanted?.length || wanted.includes(definition.aggregate) || wanted.includes(definition.type),
  );
  if (!sources.length) throw new Error(`no state source matches ${wanted?.join(', ')}`);
  const report = options.progress ?? (() => undefined);
  const categories = categoriesOf(sources.map((s) => s.source));

  let started = Date.now();
  const rate = (done: number) => Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
  const state = { values: 0, tombstones: 0, invalid: [] as RepublishProgress['invalid'][number][] };

  /** The subjects the log touched after `from`, as far as it is visible now. */
  const scan = async (from: Position, reportScan: boolean) => {
    const touched = new Map<string, TouchedSubject>();
    let after = from;
    for (;;) {
      const { events, last } = await options.store.readAll({
        after,
        limit: options.pageSize ?? 1000,
        tenant: options.tenant,
        categories,
      });
      if (!events.length) break;
      collectTouched(touched, events, sources);
      after = last;
      if (reportScan) {
        const found = touched.size;
        await report({
          phase: 'scanned',
          done: found,
          total: 0,
          ratePerSecond: rate(found),
          ...state,
        });
      }
    }
    return { subjects: [...touched.values()], after };
  };

  let { subjects, after } = await scan(START, true);
  let total = subjects.length;
  started = Date.now();
  let done = 0;
  const chunk = options.chunkSize ?? 500;
  for (let round = 0; subjects.length && round < CATCH_UP_ROUNDS; round += 1) {
    for (let i = 0; i < subjects.length; i += chunk) {
      const part = subjects.slice(i, i + chunk);
      const snapshots = await mapLimited(part, options.loadConcurrency ?? 8, (t) =>
        snapshotOf(options.store, t, options.source, options.topicName),
      );
      const messages = [];
      for (const [index, snapshot] of snapshots.entries()) {
        if ('problem' in snapshot) {
          const { definition, tenant, subject } = part[index];
          state.invalid.push({
            stateType: definition.type,
            tenant,
            subject,
            problem: snapshot.problem,
          });
          continue;
        }
        messages.push(snapshot.message);
        if (snapshot.tombstone) state.tombstones += 1;
        else state.values += 1;
      }
      await options.transport.send(messages);
      done += part.length;
      await report({ phase: 'published', done, total, ratePerSecond: rate(done), ...state });
    }
    // Catch up: a subject that changed while this ran may have had its newer state sent by the
    // service's publisher before our older one; loading it again now sends the newest last.
    ({ subjects, after } = await scan(after, false));
    total += subjects.length;
  }
  return { phase: 'published', done, total, ratePerSecond: rate(done), ...state };
}
