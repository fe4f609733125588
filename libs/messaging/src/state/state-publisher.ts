/**
 * The state publisher: a service's global log -> the current state of every touched aggregate on
 * its compacted state topic (`crm.<service>.<aggregate>.state.v1`), at-least-once.
 *
 *   read a batch after its own checkpoint (`<service>.state`; the next batch waits: back-pressure)
 *   -> ask every StateSource which subjects the events touched, dedupe -> load each once from the
 *   event store, validate it against its state schema (invalid: park that subject, go on) ->
 *   send values and tombstones, retrying while the broker is down -> only then the checkpoint.
 *
 * A state is a snapshot, so re-sending one is harmless and a later one supersedes it: no
 * pipelining or stream holds as in the relay. Leadership (one instance per name), checkpoints
 * and outage retries are the relay's pieces (log-reader/, relay-checkpoint-store.ts).
 */
import type { StateTopicDefinition } from '@crm/contracts';
import type { EventStore, Position, RecordedEvent, Subscription } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { sleep, type BackoffOptions } from '../backoff';
import { AdvisoryLeadership } from '../log-reader/advisory-leadership';
import { leadWhileRunning } from '../log-reader/lead-while-running';
import { untilItWorks } from '../log-reader/until-it-works';
import { defaultMessagingLogger, type MessagingLogger } from '../logger';
import { DEFAULT_MESSAGING_SCHEMA, migrateMessaging } from '../messaging-schema';
import {
  registerStateLagSource,
  registerStateParkedSource,
  statePublished,
  stateSubjectsParked,
} from '../metrics';
import { RelayCheckpointStore } from '../relay/relay-checkpoint-store';
import type { MessageTransport, OutgoingMessage } from '../transport/message-transport';
import { StateParkedSubjects, type StateParkedSummary } from './state-parked-subjects';
import { StateTombstoneNudges } from './tombstone-nudges';
import {
  categoriesOf,
  collectTouched,
  mapLimited,
  resolveSources,
  snapshotOf,
  type Snapshot,
  type TouchedSubject,
} from './state-snapshot';
import type { StateSource } from './state-source';

export interface StatePublisherOptions {
  /** Publisher (checkpoint, lock) name; conventionally `<service>.state`. */
  readonly name: string;
  /** CloudEvents `source`, e.g. `/crm/contacts`. */
  readonly source: string;
  readonly store: EventStore;
  /** The service's database: checkpoint, parked subjects and leadership lock. */
  readonly pool: Pool;
  readonly transport: MessageTransport;
  readonly sources: readonly StateSource[];
  /** Where the sources' state types are defined. Default: the contracts' STATE_TOPICS. */
  readonly stateTopics?: readonly StateTopicDefinition[];
  readonly schema?: string;
  /** Topic actually written for a published topic; default the same name (tests isolate runs). */
  readonly topicName?: (publishedTopic: string) => string;
  /** Domain events read per batch. Default 500. */
  readonly batchSize?: number;
  /** Subjects loaded at once. Default 8. */
  readonly loadConcurrency?: number;
  /** Messages per transport send. Default 500. */
  readonly sendChunkSize?: number;
  readonly retry?: BackoffOptions;
  /** The lag gauge counts at most this many events per scrape. Default 10 000. */
  readonly lagScanLimit?: number;
  /**
   * Send each tombstone once more this long after it (Kafka: past the topic's compaction lag), so
   * the segment holding the erased value closes and is compacted even if the partition is quiet
   * (tombstone-nudges.ts). Undefined: off (the embedded log compacts on send).
   */
  readonly tombstoneNudgeAfterMs?: number;
  readonly logger?: MessagingLogger;
}

export class StatePublisher {
  private stopping = false;
  private subscription: Subscription | undefined;
  private running: Promise<void> | undefined;
  private checkpoint: Position | undefined;
  private unregisterMetrics: (() => void) | undefined;
  private readonly leadership: AdvisoryLeadership;
  private readonly checkpoints: RelayCheckpointStore;
  readonly parked: StateParkedSubjects;
  private readonly nudges: StateTombstoneNudges;
  private nudging: Promise<void> | undefined;
  private readonly sources: ReturnType<typeof resolveSources>;
  private readonly categories: string[];
  private readonly logger: MessagingLogger;
  private readonly retry: BackoffOptions;
  private publishedCount = 0;

  constructor(private readonly options: StatePublisherOptions) {
    const schema = options.schema ?? DEFAULT_MESSAGING_SCHEMA;
    this.sources = resolveSources(options.sources, options.stateTopics);
    this.categories = categoriesOf(options.sources);
    this.leadership = new AdvisoryLeadership(options.pool, options.name);
    this.checkpoints = new RelayCheckpointStore(options.pool, schema);
    this.parked = new StateParkedSubjects(options.pool, schema);
    this.nudges = new StateTombstoneNudges(options.pool, schema);
    this.logger = options.logger ?? defaultMessagingLogger();
    this.retry = options.retry ?? { initialDelayMs: 200, maxDelayMs: 5000 };
  }

  /** State messages (values and tombstones) the broker acknowledged since this instance started. */
  get published(): number {
    return this.publishedCount;
  }

  /** Resolves once set up; publishing goes on in the background (`done` says how it ended). */
  async start(): Promise<void> {
    if (this.running) return;
    await migrateMessaging(this.options.pool, this.options.schema);
    await this.parked.migrate();
    await this.nudges.migrate();
    const { name } = this.options;
    const unregisterLag = registerStateLagSource(name, () => this.measureLag());
    const unregisterParked = registerStateParkedSource(name, () =>
      this.parkedSummary().then((s) => s.parked),
    );
    this.unregisterMetrics = () => (unregisterLag(), unregisterParked());
    this.running = this.run();
    this.running.catch(() => undefined);
    if (this.options.tombstoneNudgeAfterMs !== undefined) this.nudging = this.nudge();
  }

  get done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  parkedSummary(): Promise<StateParkedSummary> {
    return this.parked.summary(this.options.name);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.stop();
    await this.done.catch(() => undefined);
    await this.nudging;
  }

  private async run(): Promise<void> {
    const loop = {
      leadership: this.leadership,
      stopping: () => this.stopping,
      retry: this.retry,
      logger: this.logger,
      logFields: { publisher: this.options.name },
      interrupted: 'state publisher interrupted; resuming from checkpoint',
    };
    try {
      await leadWhileRunning(loop, () => this.follow());
    } finally {
      this.unregisterMetrics?.();
    }
  }

  /** One session as leader: from the checkpoint until the subscription ends or fails. */
  private async follow(): Promise<void> {
    this.checkpoint = await this.checkpoints.load(this.options.name);
    this.subscription = this.options.store.subscribe(
      {
        from: this.checkpoint,
        batchSize: this.options.batchSize ?? 500,
        categories: this.categories,
      },
      (events) => this.publish(events),
    );
    await this.subscription.done;
  }

  private async publish(events: RecordedEvent[]): Promise<void> {
    if (!events.length) return;
    const touched = new Map<string, TouchedSubject>();
    collectTouched(touched, events, this.sources);
    const subjects = [...touched.values()];
    const snapshots = await mapLimited(subjects, this.options.loadConcurrency ?? 8, (t) =>
      this.snapshot(t),
    );
    const messages: OutgoingMessage[] = [];
    const problems: { stateType: string; tenant: string; subject: string; message: string }[] = [];
    const sent: { stateType: string; tenant: string; subject: string }[] = [];
    let tombstones = 0;
    snapshots.forEach((snapshot, index) => {
      const { definition, tenant, subject } = subjects[index];
      const id = { stateType: definition.type, tenant, subject };
      if ('problem' in snapshot) {
        problems.push({ ...id, message: snapshot.problem });
        return;
      }
      messages.push(snapshot.message);
      sent.push(id);
      if (snapshot.tombstone) tombstones += 1;
    });
    // Parked on the lock session (an instance that lost the lead cannot park) before the
    // checkpoint passes the events that led here.
    await this.leadership.probe();
    await this.parked.park(this.leadership.session, this.options.name, problems);
    this.reportParked(problems);
    const chunk = this.options.sendChunkSize ?? 500;
    for (let i = 0; i < messages.length; i += chunk) {
      const part = messages.slice(i, i + chunk);
      await this.untilItWorks('send', () => this.options.transport.send(part));
    }
    const last = events[events.length - 1].position;
    const nudgeAfter = this.options.tombstoneNudgeAfterMs;
    await this.untilItWorks('checkpoint', async () => {
      if (nudgeAfter !== undefined) {
        const sentTombstones = messages.filter((m) => m.value === null);
        await this.nudges.schedule(
          this.options.pool,
          this.options.name,
          sentTombstones,
          nudgeAfter,
        );
      }
      await this.parked.clear(this.options.pool, this.options.name, sent);
      await this.checkpoints.save(this.options.name, last, messages.length);
    });
    this.checkpoint = last;
    this.publishedCount += messages.length;
    statePublished.inc(
      { publisher: this.options.name, kind: 'value' },
      messages.length - tombstones,
    );
    statePublished.inc({ publisher: this.options.name, kind: 'tombstone' }, tombstones);
  }

  /** While leading: re-sends the tombstones that are due (see tombstone-nudges.ts). */
  private async nudge(): Promise<void> {
    const every = Math.max(100, Math.min(this.options.tombstoneNudgeAfterMs! / 2, 5000));
    while (!this.stopping) {
      await sleep(every);
      if (this.stopping || !this.leadership.isHeld) continue;
      try {
        const due = await this.nudges.due(this.options.name);
        if (!due.length) continue;
        await this.options.transport.send(due);
        await this.nudges.done(this.options.name, due);
      } catch (error) {
        // Retried at the next tick; a nudge late is harmless.
        this.logger.warn({ err: error, publisher: this.options.name }, 'tombstone nudge failed');
      }
    }
  }

  /** A transient load failure (database down) is retried; the rest is the subject's problem. */
  private async snapshot(touched: TouchedSubject): Promise<Snapshot> {
    let snapshot: Snapshot | undefined;
    await this.untilItWorks('load', async () => {
      snapshot = await snapshotOf(
        this.options.store,
        touched,
        this.options.source,
        this.options.topicName,
      );
    });
    return snapshot!;
  }

  private reportParked(
    problems: readonly { stateType: string; subject: string; message: string }[],
  ) {
    if (!problems.length) return;
    stateSubjectsParked.inc({ publisher: this.options.name }, problems.length);
    for (const p of problems) {
      this.logger.error(
        {
          publisher: this.options.name,
          stateType: p.stateType,
          subject: p.subject,
          error: p.message,
        },
        'state publisher parked a subject; its next valid state (or republish-state) clears it',
      );
    }
  }

  private untilItWorks(what: string, attempt: () => Promise<void>): Promise<void> {
    const context = {
      stopping: () => this.stopping,
      retry: this.retry,
      logger: this.logger,
      logFields: { publisher: this.options.name },
      who: 'state publisher',
    };
    return untilItWorks(context, what, attempt);
  }

  private async measureLag(): Promise<number> {
    const { events } = await this.options.store.readAll({
      after: this.checkpoint ?? (await this.checkpoints.load(this.options.name)),
      limit: this.options.lagScanLimit ?? 10_000,
      categories: this.categories,
    });
    return events.length;
  }
}
