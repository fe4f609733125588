import type { Kafka, TopicMessages } from 'kafkajs';

export interface ProducerSession {
  /** Resolves once the broker acknowledged (acks=all); after a failure the session is replaced. */
  send(topicMessages: TopicMessages[]): Promise<void>;
  /** Disconnects; a later send connects a new session. */
  close(): Promise<void>;
}

export function producerSession(kafka: Kafka): ProducerSession;
