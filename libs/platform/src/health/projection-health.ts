/**
 * What `/health/ready` says about the read models. Parked events do not make a replica unready:
 * it still serves, and every other stream is projected; they are listed so an operator sees
 * them (count and oldest). A projection stuck retrying a transient failure for longer than the
 * threshold (the database, the connection, locks) does make it unready: nothing is projected.
 * Only ids and types are shown (the endpoint is public): the parked CLI shows tenants and errors.
 */
import type { HealthIndicatorResult } from '@nestjs/terminus';
import {
  oldestParkedDetails,
  type ParkedSummary,
  type ProjectionCheckpoint,
} from '@crm/event-sourcing';

export interface ProjectionHealthInput {
  readonly name: string;
  readonly checkpoint: Pick<ProjectionCheckpoint, 'status' | 'stalledSince'> | null;
  readonly parked: ParkedSummary;
}

export function projectionsHealth(
  projections: readonly ProjectionHealthInput[],
  /** Wall-clock now, compared with the database's `stalled_since`. */
  now: Date,
  stalledAfterMs: number,
): HealthIndicatorResult<'projections'> {
  let down = false;
  const details: Record<string, unknown> = {};
  for (const { name, checkpoint, parked } of projections) {
    const stalledForMs = checkpoint?.stalledSince
      ? Math.max(0, now.getTime() - checkpoint.stalledSince.getTime())
      : 0;
    const stalled = stalledForMs > stalledAfterMs;
    down ||= stalled;
    details[name] = {
      status: checkpoint?.status ?? 'not-built',
      ...(checkpoint?.stalledSince
        ? { stalledSince: checkpoint.stalledSince.toISOString(), stalled }
        : {}),
      parked: parked.parked,
      oldestParked: oldestParkedDetails(parked.oldest),
    };
  }
  return { projections: { status: down ? 'down' : 'up', ...details } };
}
