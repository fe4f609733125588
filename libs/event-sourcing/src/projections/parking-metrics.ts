/**
 * Parked events on prom-client's default registry (what the platform's /metrics serves):
 *   projection_parked_events{projection}        events parked now (refreshed with the lag gauges)
 *   projection_events_parked_total{projection}  events this process parked (a counter: alert on its rate)
 * Like the lag gauges, only the instance holding a projection's lock reports the gauge.
 */
import { Counter, Gauge, register } from 'prom-client';

export interface ParkingMetrics {
  parked(projection: string, count: number): void;
  setParked(projection: string, count: number): void;
  clear(projection: string): void;
}

export function parkingMetrics(): ParkingMetrics {
  const gauge =
    (register.getSingleMetric('projection_parked_events') as Gauge<'projection'> | undefined) ??
    new Gauge({
      name: 'projection_parked_events',
      help: 'Events the projection parked (skipped after a deterministic failure) and not yet retried',
      labelNames: ['projection'],
    });
  const counter =
    (register.getSingleMetric('projection_events_parked_total') as
      Counter<'projection'> | undefined) ??
    new Counter({
      name: 'projection_events_parked_total',
      help: 'Events parked by this process since it started',
      labelNames: ['projection'],
    });
  return {
    parked: (projection, count) => counter.inc({ projection }, count),
    setParked: (projection, count) => gauge.set({ projection }, count),
    clear: (projection) => gauge.remove({ projection }),
  };
}
