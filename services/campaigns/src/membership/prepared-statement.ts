/**
 * A query as a named prepared statement, named by a hash of its text (one name per distinct
 * text, so the name can never stand for another statement). node-postgres prepares it once per
 * connection; PostgreSQL then plans it once per connection rather than per execution (after five
 * runs it may keep a generic plan). For the engine's hot statements, whose planning (subqueries,
 * CTEs) costs about as much as running them on one contact.
 */
import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';

export function prepared(text: string, values: readonly unknown[]): QueryConfig {
  const name = `crm-membership-${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  return { name, text, values: [...values] };
}
