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
function measuredPerRelay(name: string, help: string, label: 'relay' | 'publisher' = 'relay') {
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
