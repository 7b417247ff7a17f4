import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * A database of its own for one benchmark run on BENCH_DATABASE_URL / TEST_DATABASE_URL's server,
 * dropped afterwards; without either, url is undefined and the hub runs its embedded PostgreSQL.
 */
export async function scratchDatabase(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => {} };
  const name = `ecocredit_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
