/**
 * A throw-away database for scripts that run outside jest (benchmarks): a fresh database on
 * DATABASE_URL's server, else a whole embedded server. `release()` drops or stops it.
 */
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@crm/embedded-postgres';
import { createDatabaseOn } from './postgres';

export interface ScratchDatabase {
  readonly url: string;
  release(): Promise<void>;
}

export async function createScratchDatabase(prefix = 'crm_scratch'): Promise<ScratchDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const db = await createDatabaseOn(adminUrl, prefix);
    return { url: db.url, release: db.drop };
  }
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `${prefix}-pg-${process.pid}`),
    persistent: false,
  });
  return { url: pg.url, release: pg.stop };
}
