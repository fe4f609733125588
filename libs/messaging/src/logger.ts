import pino from 'pino';

/** The slice of a pino logger this lib uses; services pass their own (nestjs-pino's is one). */
export type MessagingLogger = Pick<pino.Logger, 'info' | 'warn' | 'error' | 'debug'>;

export function defaultMessagingLogger(): MessagingLogger {
  return pino({ name: 'crm-messaging', level: process.env.LOG_LEVEL ?? 'info' });
}
