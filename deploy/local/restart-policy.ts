/**
 * What the `npm start` launcher does when one of its services exits while it is not stopping:
 * pure decisions, so the process handling in supervisor.ts stays thin and these rules are unit
 * tested (libs/testing/src/launcher/restart-policy.unit.spec.ts).
 *
 * A service is meant to run until the launcher stops it, so any exit before that is a crash,
 * exit code 0 included. "Failed to start" means it exited before its /health/live ever answered
 * (a ConfigError, a port in use, an unreachable database); "crashed later" means it had answered.
 * Crashes are restarted with a back-off; failed starts too, but only a few in a row, because a
 * misconfigured service would otherwise loop forever.
 */

export interface RestartPolicy {
  /** Delay before the first restart of a crash streak; it doubles with each further crash. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** A service up at least this long before it crashed starts a new streak (1 s again). */
  readonly stableAfterMs: number;
  /** Failed starts in a row after which the launcher gives up (and exits non-zero). */
  readonly maxFailedStarts: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxFailedStarts: 3,
};

/** What the launcher remembers of one service between its runs. */
export interface RestartHistory {
  /** Crashes since the service last ran stably (each one doubles the next delay). */
  readonly crashStreak: number;
  /** Consecutive runs that exited before they came up. */
  readonly failedStarts: number;
}

export const NO_RESTARTS: RestartHistory = { crashStreak: 0, failedStarts: 0 };

export interface UnexpectedExit {
  /** Whether its /health/live answered before it exited. */
  readonly cameUp: boolean;
  /** How long it ran after it came up (0 when it never did). */
  readonly upForMs: number;
}

export type AfterExit =
  | { readonly action: 'restart'; readonly delayMs: number; readonly history: RestartHistory }
  | { readonly action: 'give-up'; readonly failedStarts: number; readonly history: RestartHistory };

export function decideAfterExit(
  history: RestartHistory,
  exit: UnexpectedExit,
  policy: RestartPolicy = DEFAULT_RESTART_POLICY,
): AfterExit {
  const failedStarts = exit.cameUp ? 0 : history.failedStarts + 1;
  const streak = exit.cameUp && exit.upForMs >= policy.stableAfterMs ? 0 : history.crashStreak;
  const next: RestartHistory = { crashStreak: streak + 1, failedStarts };
  if (failedStarts >= policy.maxFailedStarts) {
    return { action: 'give-up', failedStarts, history: next };
  }
  // Capped exponent: 2 ** streak stays finite however long a service keeps crashing.
  const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(streak, 30));
  return { action: 'restart', delayMs, history: next };
}

/** "code 1", "signal SIGKILL": how a child process ended, for the launcher's lines. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `signal ${signal}`;
  return `code ${code ?? 'unknown'}`;
}

/** The services' own drain deadline when SHUTDOWN_TIMEOUT_MS is unset (@crm/platform's default). */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 25_000;
/** Room past a service's drain deadline for its own "did not finish" exit before the SIGKILL. */
export const KILL_MARGIN_MS = 5_000;

/**
 * How long the launcher waits after SIGTERM before it SIGKILLs a service: the service's own drain
 * deadline (the same SHUTDOWN_TIMEOUT_MS the children read) plus a margin, so a service draining
 * within its deadline is never cut short.
 */
export function killAfterMs(shutdownTimeoutMs: string | undefined): number {
  if (shutdownTimeoutMs === undefined || shutdownTimeoutMs === '') {
    return DEFAULT_SHUTDOWN_TIMEOUT_MS + KILL_MARGIN_MS;
  }
  const value = Number(shutdownTimeoutMs);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds >= 0, got "${shutdownTimeoutMs}"`,
    );
  }
  return value + KILL_MARGIN_MS;
}
