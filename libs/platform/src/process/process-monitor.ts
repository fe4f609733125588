/**
 * Unfinished processes are never silent: `/metrics` counts them per type and status with the age
 * of the oldest, and the `processes` readiness check lists them (it stays up: the replica serves;
 * a pending process is work to resume, a failed one is work for an operator).
 */
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { Gauge, register } from 'prom-client';
import type { ProcessStore, UnfinishedSummary } from './process-store';

const stores = new Set<ProcessStore>();

function gauge(name: string, help: string, value: (s: UnfinishedSummary) => number): void {
  if (register.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames: ['process', 'status'],
    async collect() {
      this.reset();
      for (const store of stores) {
        for (const summary of await store.unfinished().catch(() => [])) {
          this.set({ process: summary.type, status: summary.status }, value(summary));
        }
      }
    },
  });
}

/** Serves the store's unfinished processes on prom-client's default registry (/metrics). */
export function monitorProcesses(store: ProcessStore): () => void {
  stores.add(store);
  gauge(
    'process_instances_unfinished',
    'Processes (sagas) pending, compensating or failed, per type and status',
    (s) => s.count,
  );
  gauge(
    'process_oldest_unfinished_seconds',
    'Age of the oldest process per type and status that is not completed or compensated',
    (s) => s.oldestSeconds,
  );
  return () => stores.delete(store);
}

/** The `processes` readiness check's result: up, with what is unfinished. */
export async function processReadiness(store: ProcessStore): Promise<HealthIndicatorResult> {
  return { processes: { status: 'up', unfinished: await store.unfinished() } };
}
