/**
 * What `/health/ready` says about the relay, like the projections' check: parked events do not
 * make a replica unready (every other stream is published), they are listed so an operator sees
 * them (count and oldest); a relay that ended is down. Only ids and types are shown (the endpoint
 * is public): the relay-parked CLI shows tenants and errors.
 */
import { oldestParkedDetails } from '@crm/event-sourcing';
import type { RelayParkedSummary } from './relay-parked-events';

type CheckResult = Record<string, { status: 'up' | 'down'; [detail: string]: unknown }>;

/**
 * The slice of @crm/platform's ReadinessChecks the messaging module registers its check with
 * (messaging does not import the platform; a service passes its ReadinessChecks).
 */
export interface ReadinessRegistry {
  register(name: string, check: () => Promise<CheckResult>): void;
}

export function relayHealth(parked: RelayParkedSummary, stoppedWith?: Error): CheckResult {
  return {
    relay: {
      status: stoppedWith ? 'down' : 'up',
      ...(stoppedWith ? { message: stoppedWith.message } : {}),
      parked: parked.parked,
      oldestParked: oldestParkedDetails(parked.oldest),
    },
  };
}
