import { logLevel } from 'kafkajs';
import type { MessagingLogger } from '../../logger';

/**
 * kafkajs logs every failed request of an outage at ERROR although it retries them; ours are
 * warnings (the relay and consumers report what actually failed), routed to the service logger.
 */
export function forwardKafkaLog(
  logger: MessagingLogger,
  level: number,
  message: string,
  extra: Record<string, unknown>,
): void {
  if (level <= logLevel.WARN) logger.warn({ kafkajs: extra }, `kafkajs: ${message}`);
  else logger.debug({ kafkajs: extra }, `kafkajs: ${message}`);
}
