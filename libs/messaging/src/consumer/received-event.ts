import type { IntegrationEventContext } from '@crm/contracts';
import type { PoolClient } from 'pg';

/** An integration event as a handler sees it: envelope, parsed and validated data, position. */
export interface ReceivedIntegrationEvent<Data = unknown> extends IntegrationEventContext {
  readonly data: Data;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

/**
 * Runs inside the transaction that records the event in the inbox: write effects with `tx` and
 * they commit (or roll back) together with that record. Throwing rolls back and retries.
 */
export type IntegrationEventHandlerFn<Data = any> = (
  event: ReceivedIntegrationEvent<Data>,
  tx: PoolClient,
) => Promise<void>;
