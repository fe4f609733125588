/**
 * The relay: a service's global log -> integration events on the transport, at-least-once.
 *
 *   read a batch after the checkpoint (subscription; the next batch is not read until this one
 *   is done: back-pressure) -> map and strictly validate every event (an event with a bad
 *   mapping is parked and its stream held, the rest goes on) -> send in chunks, retrying with
 *   back-off while the broker is down -> only then store the checkpoint.
 *
 * A crash between the broker's ack and the checkpoint re-sends the batch: consumers' inboxes
 * absorb the duplicates (integration event ids are stable). One instance per relay name runs at a
 * time (advisory lock), so replicas cannot interleave and reorder a key's events.
 */
import {
  inBatchTransaction,
  isTransient,
  parkedLogFields,
  streamKey,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
} from '@crm/event-sourcing';
import type { Pool } from 'pg';
import type { BackoffOptions } from '../backoff';
import { AdvisoryLeadership } from '../log-reader/advisory-leadership';
import { leadWhileRunning } from '../log-reader/lead-while-running';
import { untilItWorks } from '../log-reader/until-it-works';
import { defaultMessagingLogger, type MessagingLogger } from '../logger';
import { DEFAULT_MESSAGING_SCHEMA, migrateMessaging } from '../messaging-schema';
import {
  registerLagSecondsSource,
  registerLagSource,
  registerParkedSource,
  relayEventsParked,
  relayPublished,
} from '../metrics';
import type { MessageTransport, OutgoingMessage } from '../transport/message-transport';
import { appendOutgoingMessages, RelayMappingError } from './envelope';
import { startPublishSpans } from './publish-spans';
import type { IntegrationEventMapper } from './integration-event-mapper';
import { RelayCheckpointStore } from './relay-checkpoint-store';
import {
  RelayParkedEvents,
  type RelayParkedEvent,
  type RelayParkedSummary,
} from './relay-parked-events';

export interface RelayOptions {
  /** Relay (and checkpoint) name, usually the service name. */
  readonly name: string;
  /** CloudEvents `source`, e.g. `/crm/contacts`. */
  readonly source: string;
  readonly store: EventStore;
  /** The service's database: checkpoint table and leadership lock. */
  readonly pool: Pool;
  readonly transport: MessageTransport;
  readonly mapper: IntegrationEventMapper;
  /** Only these stream categories / domain event types are read (the rest are not even fetched). */
  readonly categories?: readonly string[];
  readonly types?: readonly string[];
  readonly schema?: string;
  /** Topic actually written for a published topic; default the same name (tests isolate runs). */
  readonly topicName?: (publishedTopic: string) => string;
  /** Domain events read per batch. Default 500. */
  readonly batchSize?: number;
  /** Messages per transport send. Default 500. */
  readonly sendChunkSize?: number;
  readonly retry?: BackoffOptions;
  /** The lag gauge counts at most this many events per scrape. Default 10 000. */
  readonly lagScanLimit?: number;
  readonly logger?: MessagingLogger;
}

/** Mapped batches that may wait behind the one being sent (bounds the relay's memory). */
const READ_AHEAD = 2;

export class Relay {
  private stopping = false;
  private subscription: Subscription | undefined;
  private readonly leadership: AdvisoryLeadership;
  private checkpoint: Position | undefined;
  private readonly checkpoints: RelayCheckpointStore;
  readonly parked: RelayParkedEvents;
  /**
   * False only when this leader knows nothing is parked: then a batch is mapped without a look
   * at the parked table. Only the leader parks, so that knowledge cannot go stale.
   */
  private mayHaveParked = false;
  private readonly logger: MessagingLogger;
  private readonly retry: BackoffOptions;
  private unregisterMetrics: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private publishedCount = 0;
  /** The last batch handed over for sending: acknowledged by the broker (retries included). */
  private acked: Promise<void> = Promise.resolve();
  /** Its checkpoint stored (chained, so checkpoints land in order). */
  private saved: Promise<void> = Promise.resolve();
  /** The transport's first attempt at the last chunk handed over: the next chunk goes after it. */
  private lastAttempt: Promise<void> | undefined;
  /** Checks the lock session before the next hand-over (see passLeadershipProbe). */
  private leadershipProbe: Promise<void> = Promise.resolve();
  /** Acknowledgements of the batches handed over and not yet awaited, oldest first. */
  private unacked: Promise<void>[] = [];
  private sendFailure: unknown;
  private lagScan: { at: number; lag: Promise<{ events: number; seconds: number }> } | undefined;

  constructor(private readonly options: RelayOptions) {
    const schema = options.schema ?? DEFAULT_MESSAGING_SCHEMA;
    this.checkpoints = new RelayCheckpointStore(options.pool, schema);
    this.parked = new RelayParkedEvents(options.pool, schema);
    this.logger = options.logger ?? defaultMessagingLogger();
    this.retry = options.retry ?? { initialDelayMs: 200, maxDelayMs: 5000 };
    this.leadership = new AdvisoryLeadership(options.pool, options.name);
  }

  /** Integration events acknowledged by the broker since this instance started. */
  get published(): number {
    return this.publishedCount;
  }

  /**
   * Starts relaying in the background; resolves once set up (the lock may still be held by
   * another instance, in which case this one waits its turn). `done` reports how it ended.
   */
  async start(): Promise<void> {
    if (this.running) return;
    await migrateMessaging(this.options.pool, this.options.schema);
    await this.parked.migrate();
    const { name } = this.options;
    const unregisterLag = registerLagSource(name, () => this.measureLag().then((l) => l.events));
    const unregisterLagSeconds = registerLagSecondsSource(name, () =>
      this.measureLag().then((l) => l.seconds),
    );
    const unregisterParked = registerParkedSource(name, () =>
      this.parkedSummary().then((s) => s.parked),
    );
    this.unregisterMetrics = () => (unregisterLag(), unregisterLagSeconds(), unregisterParked());
    this.running = this.run();
    this.running.catch(() => undefined);
  }

  /** What is parked now: count and oldest (readiness, metrics). */
  parkedSummary(): Promise<RelayParkedSummary> {
    return this.parked.summary(this.options.name);
  }

  /** Resolves when stopped (an invalid mapping parks its event; it never ends the relay). */
  get done(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.stop();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const loop = {
      leadership: this.leadership,
      stopping: () => this.stopping,
      retry: this.retry,
      logger: this.logger,
      logFields: { relay: this.options.name },
      interrupted: 'relay interrupted; resuming from checkpoint',
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
    // What earlier leaders parked. Parking commits on the lock session, so none of them
    // can park anything more once this instance holds the lock.
    this.mayHaveParked = await this.parked.any(this.options.name);
    this.leadershipProbe = this.probeLeadership();
    this.subscription = this.options.store.subscribe(
      {
        from: this.checkpoint,
        batchSize: this.options.batchSize ?? 500,
        categories: this.options.categories,
        types: this.options.types,
      },
      (events) => this.publish(events),
    );
    try {
      await this.subscription.done;
    } finally {
      // The last batch may still be on its way; its checkpoint must land before we resign.
      await this.acked.catch(() => undefined);
      await this.saved.catch(() => undefined);
      // The lock session must be idle before resign() queries it.
      await this.leadershipProbe.catch(() => undefined);
      this.acked = this.saved = this.leadershipProbe = Promise.resolve();
      this.lastAttempt = undefined;
      this.unacked = [];
      this.sendFailure = undefined;
    }
  }

  /**
   * Pipelined, one batch in flight: batch k is sent only after k-1 was acknowledged (order), and
   * its checkpoint is written only after its ack and after k-1's checkpoint (at-least-once,
   * monotonic); k's checkpoint is written while k+1 is being sent. Meanwhile the subscription
   * reads, maps and validates up to READ_AHEAD further batches, so a slow page from PostgreSQL
   * does not leave the producer idle; beyond that it waits (back-pressure).
   *
   * Each batch is handed to the transport as soon as it is mapped, to be sent after the one before
   * it (SendOptions.after): the Kafka producer thread then starts the next send the moment the
   * broker acknowledges, without a round trip through this thread.
   */
  private async publish(events: RecordedEvent[]): Promise<void> {
    if (!events.length) return;
    // A failed send (stop requested, leadership lost) also fails every batch queued behind it.
    if (this.sendFailure) throw this.sendFailure;
    const mapped = await this.toMessages(events);
    const last = events[events.length - 1].position;
    await this.passLeadershipProbe();
    const previous = this.saved;
    const spans = startPublishSpans(this.options.name, this.options.transport.kind, mapped);
    const { messages } = spans;
    const acked = this.sendAll(messages, this.acked);
    acked.then(
      () => spans.end(),
      (error: unknown) => spans.end(error),
    );
    const saved = acked.then(() => previous).then(() => this.saveCheckpoint(last, messages.length));
    // All are observed later (below, a later publish, or run() at the end): none goes unhandled.
    acked.catch((error: unknown) => (this.sendFailure ??= error));
    saved.catch(() => undefined);
    this.acked = acked;
    this.saved = saved;
    this.unacked.push(acked);
    while (this.unacked.length > READ_AHEAD) await this.unacked.shift();
  }

  /**
   * The batch's messages, in log order. With nothing parked and every mapping valid that is all.
   * Otherwise the batch is mapped again (mappers are pure) under the checkpoint row lock, which a
   * retry holds while it publishes (retry-relay-parked.ts): an event whose mapping is invalid is
   * parked and its stream held; events of held streams are parked behind the first parked one.
   * The rows are committed before the batch is handed over, so its checkpoint, written after the
   * ack, never passes an event that is neither published nor parked.
   */
  private async toMessages(events: RecordedEvent[]): Promise<OutgoingMessage[]> {
    if (!this.mayHaveParked) {
      const messages: OutgoingMessage[] = [];
      try {
        for (const event of events) this.appendMessages(messages, event);
        return messages;
      } catch (error) {
        if (!isParkable(error)) throw error;
      }
    }
    return this.toMessagesParking(events);
  }

  private async toMessagesParking(events: RecordedEvent[]): Promise<OutgoingMessage[]> {
    const { name } = this.options;
    // On the lock session: an instance that lost the lead cannot park any more.
    const session = this.leadership.session;
    const { messages, parked } = await inBatchTransaction(session, async () => {
      await this.checkpoints.lockForUpdate(session, name);
      const held = await this.parked.heldStreamsAmong(session, name, events);
      const messages: OutgoingMessage[] = [];
      const toPark: { event: RecordedEvent; message: string; blockedBy: string | null }[] = [];
      for (const event of events) {
        const stream = streamKey(event.tenant, event.streamId);
        const blockedBy = held.get(stream);
        if (blockedBy) {
          const message = `held behind ${blockedBy}, an earlier parked event of its stream`;
          toPark.push({ event, message, blockedBy });
          continue;
        }
        try {
          this.appendMessages(messages, event);
        } catch (error) {
          if (!isParkable(error)) throw error;
          toPark.push({ event, message: error.reason, blockedBy: null });
          held.set(stream, event.id);
        }
      }
      const parked = await this.parked.park(session, name, toPark);
      this.mayHaveParked = held.size > 0 || (await this.parked.any(name, session));
      return { messages, parked };
    });
    this.reportParked(parked);
    return messages;
  }

  private appendMessages(into: OutgoingMessage[], event: RecordedEvent): void {
    const { mapper, source, topicName } = this.options;
    appendOutgoingMessages(into, event, mapper, source, topicName);
  }

  private reportParked(parked: readonly RelayParkedEvent[]): void {
    if (!parked.length) return;
    relayEventsParked.inc({ relay: this.options.name }, parked.length);
    for (const event of parked) {
      this.logger.error(
        { relay: this.options.name, ...parkedLogFields(event) },
        'relay parked an event; its stream is held until retried',
      );
    }
  }

  /**
   * A broken lock session means another instance may already be relaying: nothing more is
   * handed over (what already was may still go: at most READ_AHEAD + 1 batches, duplicates the
   * consumers' inboxes absorb, in log order per key). Each hand-over checks the probe started
   * with the one before it (its round trip overlaps that batch), then starts the next probe.
   */
  private async passLeadershipProbe(): Promise<void> {
    await this.leadershipProbe;
    this.leadershipProbe = this.probeLeadership();
  }

  private probeLeadership(): Promise<void> {
    return this.leadership.probe();
  }

  /** Chunks in order, each handed over at once; resolves when all are acknowledged. */
  private sendAll(messages: OutgoingMessage[], previousAcked: Promise<void>): Promise<void> {
    const chunk = this.options.sendChunkSize ?? 500;
    let acked = previousAcked;
    for (let i = 0; i < messages.length; i += chunk)
      acked = this.sendChunk(messages.slice(i, i + chunk), acked);
    return acked;
  }

  /**
   * The first attempt is handed over now. While sends succeed it goes after the previous chunk's
   * first attempt (the producer thread then starts it itself the moment that one is acknowledged,
   * and drops it if that failed); after a failure, after the previous chunk's acknowledgement,
   * retries included. If it failed or was dropped: wait until the previous chunk is acknowledged
   * after all, then retry until it works.
   */
  private async sendChunk(
    messages: OutgoingMessage[],
    previousAcked: Promise<void>,
  ): Promise<void> {
    const { transport } = this.options;
    const after = this.lastAttempt ?? previousAcked;
    const attempt = transport.send(messages, { after });
    this.lastAttempt = attempt;
    attempt.catch(() => undefined);
    try {
      await attempt;
    } catch (error) {
      this.lastAttempt = undefined;
      // Rejects if the previous chunk failed for good (stop, lost lock): so does this one.
      await previousAcked;
      // Back off only if this chunk's own send failed, not if it was dropped behind one that did.
      const dropped = await after.then(
        () => false,
        () => true,
      );
      await this.untilItWorks('send', () => transport.send(messages), dropped ? undefined : error);
    }
  }

  private async saveCheckpoint(last: Position, published: number): Promise<void> {
    await this.untilItWorks('checkpoint', () =>
      this.checkpoints.save(this.options.name, last, published),
    );
    this.checkpoint = last;
    this.publishedCount += published;
    relayPublished.inc({ relay: this.options.name }, published);
  }

  /** Broker or database outages are waited out; only a stop request ends the wait. */
  private untilItWorks(what: string, attempt: () => Promise<void>, failedWith?: unknown) {
    const context = {
      stopping: () => this.stopping,
      retry: this.retry,
      logger: this.logger,
      logFields: { relay: this.options.name },
      who: 'relay',
    };
    return untilItWorks(context, what, attempt, failedWith);
  }

  /** One scan serves both lag gauges of a scrape (prom-client collects them concurrently). */
  private measureLag(): Promise<{ events: number; seconds: number }> {
    const now = Date.now();
    if (this.lagScan && now - this.lagScan.at < 1000) return this.lagScan.lag;
    const lag = this.scanLag(now);
    this.lagScan = { at: now, lag };
    return lag;
  }

  private async scanLag(now: number): Promise<{ events: number; seconds: number }> {
    const { events } = await this.options.store.readAll({
      after: this.checkpoint ?? (await this.checkpoints.load(this.options.name)),
      limit: this.options.lagScanLimit ?? 10_000,
      categories: this.options.categories,
      types: this.options.types,
    });
    const oldest = events[0]?.createdAt.getTime();
    return {
      events: events.length,
      seconds: oldest === undefined ? 0 : Math.max(0, (now - oldest) / 1000),
    };
  }
}

/** Invalid mappings are deterministic for their event; a transient cause is retried instead. */
function isParkable(error: unknown): error is RelayMappingError {
  return error instanceof RelayMappingError && !isTransient(error.cause);
}
