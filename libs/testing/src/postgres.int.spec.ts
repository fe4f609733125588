import { Client } from 'pg';
import { createTestDatabase } from './postgres';

describe('test PostgreSQL', () => {
  it('gives each suite a fresh database on a real server', async () => {
    const db = await createTestDatabase();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT current_database() AS name, version() AS version',
      );
      expect(rows[0].name).toBe(db.name);
      expect(rows[0].version).toMatch(/PostgreSQL/);
      await client.query('CREATE TABLE t (id int primary key)');
      await client.query('INSERT INTO t VALUES (1), (2)');
      expect((await client.query('SELECT count(*)::int AS n FROM t')).rows[0].n).toBe(2);
    } finally {
      await client.end();
      await db.drop();
    }
  });
});
