/**
 * Which failures of a batch are worth retrying as they are. A transient failure (the connection,
 * the server or lock contention) says nothing about the event: the same batch will succeed
 * later, so the runner backs off and retries it. Anything else a handler throws is taken to be
 * deterministic for that event (bad data, a bug in the handler, a constraint it violates) and
 * retrying it as is would fail forever: the event is parked instead (see apply-batch.ts).
 * When unsure, an error is NOT transient: a wrongly parked event costs one retry by an operator,
 * a wrongly retried one stops the projection for every tenant.
 */

/** SQLSTATEs that describe the server or the session, never the statement's data. */
const TRANSIENT_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '55P03', // lock_not_available (lock_timeout, NOWAIT)
  '57014', // query_canceled (statement_timeout, pg_cancel_backend)
  '57P01', // admin_shutdown (pg_terminate_backend, smart/fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, in recovery)
  '57P05', // idle_session_timeout
  '25P03', // idle_in_transaction_session_timeout
  '58000', // system_error
  '58030', // io_error
]);

/** Classes: 08 connection exception, 53 insufficient resources (too many connections, memory, disk). */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53'];

/** Node's socket errors. */
const TRANSIENT_ERRNO = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres reports a lost connection with a message, not a code. */
const TRANSIENT_MESSAGES = [
  /connection terminated/i,
  /connection (was )?lost/i,
  /client has encountered a connection error/i,
  /timeout exceeded when trying to connect/i,
  /cannot use a pool after calling end/i,
  /server closed the connection unexpectedly/i,
  /terminating connection/i,
];

export function isTransient(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e !== 'object') return false;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (TRANSIENT_SQLSTATES.has(code) || TRANSIENT_ERRNO.has(code)) return true;
      if (/^[0-9A-Z]{5}$/.test(code) && TRANSIENT_SQLSTATE_CLASSES.includes(code.slice(0, 2)))
        return true;
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && TRANSIENT_MESSAGES.some((m) => m.test(message))) return true;
  }
  return false;
}

/** The SQLSTATE of a PostgreSQL error (null for other errors). */
export function sqlStateOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}
