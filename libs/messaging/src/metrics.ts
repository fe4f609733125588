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

/** Lag is measured when scraped (see Relay.measureLag), so it is current, not last-batch stale. */
const lagSources = new Map<string, () => Promise<number>>();

export const relayLag = gauge({
  name: 'relay_lag_events',
  help: 'Events in the global log after the relay checkpoint (capped at the scan limit)',
  labelNames: ['relay'],
  async collect() {
    for (const [relay, measure] of lagSources) {
      try {
        this.set({ relay }, await measure());
      } catch {
        // A failed measurement keeps the previous value rather than failing the whole scrape.
      }
    }
  },
});

export function registerLagSource(relay: string, measure: () => Promise<number>): () => void {
  lagSources.set(relay, measure);
  return () => {
    lagSources.delete(relay);
    relayLag.remove({ relay });
  };
}

export const relayPublished = counter({
  name: 'relay_published_events_total',
  help: 'Integration events the relay published and the broker acknowledged',
  labelNames: ['relay'],
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
