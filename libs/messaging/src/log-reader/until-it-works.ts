/**
 * Broker or database outages are waited out by the log readers (relay, state publisher): an
 * attempt is retried with jittered back-off until it succeeds; only a stop request ends the wait.
 */
import { backoffDelay, sleep, type BackoffOptions } from '../backoff';
import type { MessagingLogger } from '../logger';

/** Thrown out of a retry loop when the reader is being stopped. */
export class StopRequested extends Error {}

export interface RetryContext {
  readonly stopping: () => boolean;
  readonly retry: BackoffOptions;
  readonly logger: MessagingLogger;
  /** Fields of every warning, e.g. `{ relay: 'contacts' }`. */
  readonly logFields: Record<string, unknown>;
  /** Prefix of the warning, e.g. `relay`: "relay send failed; retrying". */
  readonly who: string;
}

/**
 * `failedWith`: the first attempt was already made (and failed with it), so back off before the
 * next.
 */
export async function untilItWorks(
  context: RetryContext,
  what: string,
  attempt: () => Promise<void>,
  failedWith?: unknown,
): Promise<void> {
  let error = failedWith;
  for (let failures = failedWith === undefined ? 0 : 1; ; failures += 1) {
    if (context.stopping()) throw new StopRequested();
    if (failures > 0) {
      const delay = backoffDelay(failures, context.retry);
      context.logger.warn(
        { err: error, ...context.logFields, failures, delay },
        `${context.who} ${what} failed; retrying`,
      );
      await sleep(delay);
      if (context.stopping()) throw new StopRequested();
    }
    try {
      await attempt();
      return;
    } catch (attemptError) {
      error = attemptError;
    }
  }
}
