/**
 * Prometheus metrics on prom-client's default registry (what the platform's /metrics serves).
 * Created once per process: get-or-create, because several relays/consumers share each metric
 * through labels and a second registration would throw.
 */
import {
  Counter,
  Gauge,
  register,
  type CounterConfiguration,
  type GaugeConfiguration,
} from 'prom-client';

function counter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
  return (register.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter(config);
}

function gauge<L extends string>(config: GaugeConfiguration<L>): Gauge<L> {
  return (register.getSingleMetric(config.name) as Gauge<L> | undefined) ?? new Gauge(config);
}

/**
 * A per-relay gauge measured when scraped, so it is current, not last-batch stale (lag: see
 * Relay.measureLag; parked: a CLI retry in another process removes rows).
 */
function measuredPerRelay(
  name: string,
  help: string,
  label: 'relay' | 'publisher' | 'topic' = 'relay',
) {
  const sources = new Map<string, () => Promise<number>>();
  const metric = gauge({
    name,
    help,
    labelNames: [label],
    async collect() {
      for (const [relay, measure] of sources) {
        try {
          this.set({ [label]: relay }, await measure());
        } catch {
          // A failed measurement keeps the previous value rather than failing the whole scrape.
        }
      }
    },
  });
  const registerSource = (relay: string, measure: () => Promise<number>): (() => void) => {
    sources.set(relay, measure);
    return () => {
      sources.delete(relay);
      metric.remove({ [label]: relay });
    };
  };
  return { metric, registerSource };
}

const lag = measuredPerRelay(
  'relay_lag_events',
  'Events in the global log after the relay checkpoint (capped at the scan limit)',
);
export const relayLag = lag.metric;
export const registerLagSource = lag.registerSource;

const lagSeconds = measuredPerRelay(
  'relay_lag_seconds',
  'Age of the oldest event in the global log the relay has not published yet (0 when caught up)',
);
export const registerLagSecondsSource = lagSeconds.registerSource;

const parked = measuredPerRelay(
  'relay_parked_events',
  'Events the relay parked (invalid mapping, or held behind one of their stream) and not yet retried',
);
export const relayParked = parked.metric;
export const registerParkedSource = parked.registerSource;

export const relayEventsParked = counter({
  name: 'relay_events_parked_total',
  help: 'Events parked by this process since it started (alert on its rate)',
  labelNames: ['relay'],
});

export const relayPublished = counter({
  name: 'relay_published_events_total',
  help: 'Integration events the relay published and the broker acknowledged',
  labelNames: ['relay'],
});

const stateLag = measuredPerRelay(
  'state_publisher_lag_events',
  'Events in the global log after the state publisher checkpoint (capped at the scan limit)',
  'publisher',
);
export const registerStateLagSource = stateLag.registerSource;

const stateParked = measuredPerRelay(
  'state_publisher_parked_subjects',
  'Subjects whose state could not be published (invalid value, failed load) and not published since',
  'publisher',
);
export const registerStateParkedSource = stateParked.registerSource;

export const stateSubjectsParked = counter({
  name: 'state_publisher_subjects_parked_total',
  help: 'Subjects parked by this process since it started (alert on its rate)',
  labelNames: ['publisher'],
});

export const statePublished = counter({
  name: 'state_published_messages_total',
  help: 'State-topic messages the broker acknowledged, by kind (value, tombstone)',
  labelNames: ['publisher', 'kind'],
});

export const consumerMessages = counter({
  name: 'integration_consumer_messages_total',
  help: 'Messages a consumer finished with, by outcome (processed, duplicate, skipped, dead_lettered)',
  labelNames: ['consumer', 'outcome'],
});

export const consumerSkipped = counter({
  name: 'integration_consumer_skipped_total',
  help: 'Messages skipped without handling, by reason (unknown_type, newer_version, not_handled)',
  labelNames: ['consumer', 'reason', 'type'],
});

export const consumerRetries = counter({
  name: 'integration_consumer_retries_total',
  help: 'Handler attempts that failed and were retried',
  labelNames: ['consumer'],
});

/** What a consumer reports when scraped: messages behind, and seconds behind when it is behind. */
export interface ConsumerLag {
  readonly messages: number;
  /** Since the last message it handled was appended (0 when caught up; absent: not known yet). */
  readonly seconds?: number;
}

const consumerLagSources = new Map<string, () => Promise<ConsumerLag>>();
/** One measurement serves both gauges of a scrape (prom-client collects them concurrently). */
let consumerLagScrape: { at: number; lags: Promise<Map<string, ConsumerLag>> } | undefined;

function measureConsumerLags(): Promise<Map<string, ConsumerLag>> {
  const now = Date.now();
  if (consumerLagScrape && now - consumerLagScrape.at < 1000) return consumerLagScrape.lags;
  const lags = (async () => {
    const measured = new Map<string, ConsumerLag>();
    for (const [consumer, measure] of consumerLagSources) {
      try {
        measured.set(consumer, await measure());
      } catch {
        // A failed measurement keeps the previous value rather than failing the whole scrape.
      }
    }
    return measured;
  })();
  consumerLagScrape = { at: now, lags };
  return lags;
}

const consumerLagMessages = gauge({
  name: 'integration_consumer_lag_messages',
  help: 'Messages of the consumed topics the consumer group has not committed yet',
  labelNames: ['consumer'],
  async collect() {
    for (const [consumer, lag] of await measureConsumerLags()) this.set({ consumer }, lag.messages);
  },
});

const consumerLagSeconds = gauge({
  name: 'integration_consumer_lag_seconds',
  help: 'While the consumer is behind: seconds since the last message it handled was appended (0 when caught up)',
  labelNames: ['consumer'],
  async collect() {
    for (const [consumer, lag] of await measureConsumerLags())
      if (lag.seconds !== undefined) this.set({ consumer }, lag.seconds);
  },
});

/** The consumer's lag, measured when /metrics is scraped; returns the unregistration. */
export function registerConsumerLagSource(
  consumer: string,
  measure: () => Promise<ConsumerLag>,
): () => void {
  consumerLagSources.set(consumer, measure);
  return () => {
    consumerLagSources.delete(consumer);
    consumerLagScrape = undefined;
    consumerLagMessages.remove({ consumer });
    consumerLagSeconds.remove({ consumer });
  };
}

const deadLetterDepth = measuredPerRelay(
  'integration_dead_letter_messages',
  'Messages in a dead-letter topic now (retained ones: they expire with MESSAGING_DLQ_RETENTION_MS)',
  'topic',
);
export const registerDeadLetterDepthSource = deadLetterDepth.registerSource;
