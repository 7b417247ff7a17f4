import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { log } from './logging';
import { PGliteWireServer } from './pglite-wire-server';

/**
 * The embedded default database: PGlite (PostgreSQL compiled to WASM) served over the Postgres wire
 * protocol, so that the hub talks to it through `pg` exactly as it would to a real server.
 * For the demo and tests only: it serves one unit of work (or one transaction) at a time.
 */
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts PGlite with its data under `dataDir` (in memory when undefined) on a free local port. */
export async function startEmbeddedPostgres(dataDir: string | undefined): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? `${dataDir}/pglite` : undefined);
  const server = new PGliteWireServer(db);
  const port = await server.listen(0);
  log.info('embedded PostgreSQL (PGlite) started', { dataDir: dataDir ?? '(memory)', port });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
