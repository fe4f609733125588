/**
 * "Nothing happens in the future": a moment a client reports may be ahead of the server's `now`
 * by at most the clock skew between the client's device and the server.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Both ISO instants; `now` is the command's (the service clock's), never the machine's. */
export function isInFuture(instant: string, now: string): boolean {
  return Date.parse(instant) > Date.parse(now) + FUTURE_TOLERANCE_MS;
}
