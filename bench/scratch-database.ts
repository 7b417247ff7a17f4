import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { attachEmbeddedPostgres } from '../src/shared/embedded-postgres';

/**
 * A database of its own for one benchmark run, dropped afterwards: on BENCH_DATABASE_URL /
 * TEST_DATABASE_URL's server, or (without either) on an embedded PostgreSQL in a temporary folder —
 * never the hub's own data directory.
 */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  let base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!base) {
    const dataDir = await mkdtemp(join(tmpdir(), 'ecocredit-bench-'));
    const embedded = await attachEmbeddedPostgres(dataDir);
    base = embedded.url;
    stopEmbedded = async () => {
      await embedded.release();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const server = base;
  const name = `ecocredit_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      await stopEmbedded();
    },
  };
}
