/** What the ingest writers need of a connection: the inbox transaction's client. */
import type { PoolClient } from 'pg';

export type Sql = Pick<PoolClient, 'query'>;
