/**
 * The `state` check of `/health/ready`, like the relay's: parked subjects do not make a replica
 * unready (every other subject is published), they are counted with the oldest one's type and
 * time (no tenant or id: the endpoint is public); a publisher that ended is down.
 */
import type { StateParkedSummary } from './state-parked-subjects';

export function statePublisherHealth(parked: StateParkedSummary, stoppedWith?: Error) {
  return {
    state: {
      status: stoppedWith ? ('down' as const) : ('up' as const),
      ...(stoppedWith ? { message: stoppedWith.message } : {}),
      parked: parked.parked,
      oldestParked: parked.oldest
        ? { stateType: parked.oldest.stateType, parkedAt: parked.oldest.parkedAt.toISOString() }
        : null,
    },
  };
}
