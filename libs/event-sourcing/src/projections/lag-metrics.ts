/**
 * Per-projection lag on prom-client's default registry (what the platform's /metrics serves):
 *   projection_lag_events{projection}  events visible in the log and not yet applied
 *   projection_lag_seconds{projection} created_at of the newest event minus that of the last applied
 * Only the instance holding a projection's lock reports it; standbys remove their series so a
 * max() across instances is not polluted by stale values.
 */
import { Gauge, register } from 'prom-client';

export interface LagGauges {
  set(projection: string, events: number, seconds: number): void;
  clear(projection: string): void;
}

function gauge(name: string, help: string): Gauge<'projection'> {
  const existing = register.getSingleMetric(name);
  if (existing) return existing as Gauge<'projection'>;
  return new Gauge({ name, help, labelNames: ['projection'] });
}

export function lagGauges(): LagGauges {
  const events = gauge(
    'projection_lag_events',
    'Events in the log not yet applied by the projection',
  );
  const seconds = gauge(
    'projection_lag_seconds',
    'Age of the last applied event relative to the newest event in the log',
  );
  return {
    set(projection, behind, lagSeconds) {
      events.set({ projection }, behind);
      seconds.set({ projection }, lagSeconds);
    },
    clear(projection) {
      events.remove({ projection });
      seconds.remove({ projection });
    },
  };
}
