/**
 * The outer loop of a log reader (relay, state publisher): win the lead, run one session from the
 * checkpoint until it ends, and after a failure give the lead up, back off and start again. Only a
 * stop request ends the loop; the lead is released however it ends.
 */
import { backoffDelay, sleep, type BackoffOptions } from '../backoff';
import type { MessagingLogger } from '../logger';
import type { AdvisoryLeadership } from './advisory-leadership';
import { StopRequested } from './until-it-works';

export interface LeadLoop {
  readonly leadership: AdvisoryLeadership;
  readonly stopping: () => boolean;
  readonly retry: BackoffOptions;
  readonly logger: MessagingLogger;
  /** Fields of the warning after a failed session, e.g. `{ relay: 'contacts' }`. */
  readonly logFields: Record<string, unknown>;
  /** The warning itself, e.g. "relay interrupted; resuming from checkpoint". */
  readonly interrupted: string;
}

export async function leadWhileRunning(
  loop: LeadLoop,
  session: () => Promise<void>,
): Promise<void> {
  let failures = 0;
  try {
    while (!loop.stopping()) {
      try {
        await loop.leadership.acquire(loop.stopping);
        if (loop.stopping()) break;
        await session();
        failures = 0;
      } catch (error) {
        if (loop.stopping() || error instanceof StopRequested) break;
        failures += 1;
        loop.logger.warn({ err: error, ...loop.logFields }, loop.interrupted);
        await loop.leadership.release();
        await sleep(backoffDelay(failures, loop.retry));
      }
    }
  } finally {
    await loop.leadership.release();
  }
}
