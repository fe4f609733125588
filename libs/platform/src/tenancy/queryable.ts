import type { QueryResult, QueryResultRow } from 'pg';

/** A Pool or a client: what the tenancy checks need. */
export interface Queryable {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
}
