/** Throw from a handler when retrying cannot help (bad data): the message goes straight to the DLQ. */
export class NonRetryableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NonRetryableError';
  }
}

/**
 * Failures of the consumer's own infrastructure (its database unreachable, restarting, or a
 * serialization conflict) say nothing about the message: they are retried without limit and never
 * dead-lettered, otherwise a database outage would empty the topic into the DLQ.
 */
export function isInfrastructureError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code))
    return true;
  // 08: connection exception; 57P0x: admin/crash shutdown, cannot connect now; 53: resources.
  if (/^(08|53|57P0)/.test(code)) return true;
  // 40001 serialization failure, 40P01 deadlock: retrying is the documented remedy.
  if (code === '40001' || code === '40P01') return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}
