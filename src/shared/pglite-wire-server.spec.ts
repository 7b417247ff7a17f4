import { PGlite } from '@electric-sql/pglite';
import { Client, Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteWireServer } from './pglite-wire-server';

let db: PGlite;
let server: PGliteWireServer;
let url: string;

beforeAll(async () => {
  db = await PGlite.create();
  server = new PGliteWireServer(db);
  url = `postgres://postgres@127.0.0.1:${await server.listen(0)}/postgres`;
  await db.exec('CREATE TABLE t (id int PRIMARY KEY, v text)');
});

afterAll(async () => {
  await server.close();
  await db.close();
});

describe('PGliteWireServer', () => {
  it('keeps concurrent queries and transactions of many connections apart', async () => {
    const pool = new Pool({ connectionString: url, max: 6 });
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 120 }, async (_, i) => {
          if (i % 3 !== 0) return (await pool.query<{ n: number }>('SELECT $1::int AS n', [i])).rows[0]?.n === i;
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('INSERT INTO t VALUES ($1, $2)', [1000 + i, 'in transaction']);
            const seen = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM t WHERE id = $1', [1000 + i]);
            await client.query('ROLLBACK');
            return seen.rows[0]?.n === 1;
          } finally {
            client.release();
          }
        }),
      );
      expect(outcomes.every(Boolean)).toBe(true);
      expect((await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0].n).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it('serves only the owner while its transaction is open, and rolls it back when it disconnects', async () => {
    const owner = new Client({ connectionString: url });
    const other = new Client({ connectionString: url });
    await owner.connect();
    await other.connect();
    await owner.query('BEGIN');
    await owner.query('INSERT INTO t VALUES (1, $1)', ['inside']);
    let otherDone = false;
    const read = other.query<{ n: number }>('SELECT count(*)::int AS n FROM t').then((result) => {
      otherDone = true;
      return result.rows[0].n;
    });
    await owner.query('SELECT 1');
    expect(otherDone).toBe(false);
    await owner.end();
    expect(await read).toBe(0);
    await other.end();
  });
});
