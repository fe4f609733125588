import { Pool } from 'pg';
import type { MessagingLogger } from './logger';
import type { MessagingConfig } from './messaging-config';
import { EmbeddedTransport } from './transport/embedded/embedded-transport';
import { KafkaTransport } from './transport/kafka/kafka-transport';
import type { MessageTransport } from './transport/message-transport';

export interface CreateTransportOptions {
  /** kafkajs client id, e.g. the service name. */
  readonly clientId: string;
  /** Pool for the embedded log; default: a pool on config.embeddedDatabaseUrl, closed with the transport. */
  readonly embeddedPool?: Pool;
  readonly logger?: MessagingLogger;
}

export function createTransport(
  config: MessagingConfig,
  options: CreateTransportOptions,
): MessageTransport {
  if (config.transport === 'kafka') {
    return new KafkaTransport({
      brokers: config.kafkaBrokers,
      clientId: options.clientId,
      logger: options.logger,
    });
  }
  if (options.embeddedPool)
    return new EmbeddedTransport({ pool: options.embeddedPool, logger: options.logger });
  if (!config.embeddedDatabaseUrl) {
    throw new Error(
      'No KAFKA_BROKERS and no MESSAGING_DATABASE_URL/DATABASE_URL: the embedded transport needs a database',
    );
  }
  const pool = new Pool({ connectionString: config.embeddedDatabaseUrl, max: 10 });
  // Idle clients killed by a server restart must not crash the process; the next query reconnects.
  pool.on('error', (error) => options.logger?.warn({ err: error }, 'embedded log connection lost'));
  return new EmbeddedTransport({ pool, ownsPool: true, logger: options.logger });
}
