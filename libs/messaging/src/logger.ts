import pino from 'pino';
import { messagingLogLevel } from './messaging-config';

/** The slice of a pino logger this lib uses; services pass their own (nestjs-pino's is one). */
export type MessagingLogger = Pick<pino.Logger, 'info' | 'warn' | 'error' | 'debug'>;

export function defaultMessagingLogger(): MessagingLogger {
  return pino({ name: 'crm-messaging', level: messagingLogLevel() });
}
