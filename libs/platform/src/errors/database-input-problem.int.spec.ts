/**
 * The second line of defence: when PostgreSQL itself refuses a value the client sent (the edge
 * check missed it), the problem filter answers 400, not 500. Real errors from a real server.
 */
import { testPostgresUrl } from '@crm/testing';
import { Client } from 'pg';
import { ProblemDetailsFilter } from './problem.filter';

describe('PostgreSQL input errors as problems (int)', () => {
  let client: Client;
  const filter = new ProblemDetailsFilter();
  const refusal = async (sql: string, values: unknown[] = []) => {
    const error = await client.query(sql, values).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!error) throw new Error(`PostgreSQL accepted: ${sql}`);
    return error;
  };

  beforeAll(async () => {
    client = new Client({ connectionString: testPostgresUrl() });
    await client.connect();
    await client.query('CREATE TEMP TABLE short_text (v varchar(2))');
  });
  afterAll(() => client?.end());

  it.each([
    ['NUL in text (22021)', 'SELECT $1::text', ['A\u0000']],
    ['NUL in jsonb (22P05)', 'SELECT $1::jsonb', ['{"a":"\\u0000"}']],
    ['a lone surrogate in jsonb (22P02)', 'SELECT $1::jsonb', ['{"a":"\\ud800x"}']],
    ['not a uuid (22P02)', 'SELECT $1::uuid', ['contact-1']],
    ['a string too long (22001)', 'INSERT INTO short_text VALUES ($1)', ['abc']],
  ])('%s is a 400 without the database message', async (_, sql, values) => {
    const error = await refusal(sql, values);
    const problem = filter.toProblem(error);
    expect(problem).toMatchObject({ status: 400, type: '/problems/invalid-input-data' });
    expect(problem.detail).not.toContain((error as Error).message);
  });

  it('finds the database error behind a wrapping error', async () => {
    const cause = await refusal('SELECT $1::text', ['A\u0000']);
    expect(filter.toProblem(new Error('append failed', { cause })).status).toBe(400);
  });

  it.each([
    ['division by zero', 'SELECT 1 / 0'],
    ['a syntax error', 'SELEKT 1'],
    ['a missing table', 'SELECT * FROM no_such_table'],
  ])('%s stays a generic 500', async (_, sql) => {
    expect(filter.toProblem(await refusal(sql)).status).toBe(500);
  });
});
