import type { Pool, PoolClient } from 'pg';

/**
 * Runs `fn` in a transaction on a pooled client. While checked out, a client whose connection is
 * killed emits 'error' with nobody listening (the pool only listens on idle clients), which
 * would crash the process; the listener here turns that into the failed query it also causes,
 * and the broken client is discarded instead of returned to the pool.
 */
export async function inTransaction<T>(
  pool: Pool,
  fn: (client: PoolClient) => Promise<T>,
  /** The opening statement(s), e.g. with `SET LOCAL`s: one round trip instead of several. */
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken ??= rollbackError;
    });
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
