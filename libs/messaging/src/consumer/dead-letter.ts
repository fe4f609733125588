import { deadLetterTopicFor } from '@crm/contracts';
import type { DeliveredMessage, OutgoingMessage } from '../transport/message-transport';

/** Headers added to a dead letter; the original headers (the whole CloudEvents envelope) stay. */
export const DLQ_HEADERS = {
  error: 'dlq_error',
  errorName: 'dlq_error_name',
  consumer: 'dlq_consumer',
  topic: 'dlq_original_topic',
  partition: 'dlq_original_partition',
  offset: 'dlq_original_offset',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
} as const;

export function deadLetterMessage(
  message: DeliveredMessage,
  error: unknown,
  consumer: string,
  attempts: number,
): OutgoingMessage {
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    topic: deadLetterTopicFor(message.topic),
    key: message.key ?? '',
    value: message.value,
    headers: {
      ...message.headers,
      [DLQ_HEADERS.error]: e.message.slice(0, 2000),
      [DLQ_HEADERS.errorName]: e.name,
      [DLQ_HEADERS.consumer]: consumer,
      [DLQ_HEADERS.topic]: message.topic,
      [DLQ_HEADERS.partition]: String(message.partition),
      [DLQ_HEADERS.offset]: message.offset,
      [DLQ_HEADERS.attempts]: String(attempts),
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
    },
  };
}
