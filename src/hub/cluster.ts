import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { bindLogFields, log } from '../shared/logging';

/**
 * Runs `count` worker processes of the hub (Node cluster) that share the listening port, so that
 * every core serves the JavaScript part of a request. The primary serves nothing itself.
 *
 * - The first worker starts alone: it runs the migrations and the demo set-up; the others start once it
 *   listens, so no two processes migrate at once.
 * - A worker that dies is replaced (after start-up); SIGTERM/SIGINT to the primary is passed to every
 *   worker, which drains itself (graceful shutdown), and the primary exits when all have.
 * - Workers share nothing in memory: caches are per process and invalidated by the writes that change
 *   them through PostgreSQL (the rules cache's `rules_version`, notified: src/shared/version-watch.ts); rate limits go through Redis when
 *   REDIS_URL is set, and without it each worker allows its share of the limit (`workerShare`), the
 *   primary handing connections out in turn.
 *
 * Returns in the primary once the first worker listens; `startWorker` runs in each worker.
 */
export async function runClustered(count: number, startWorker: () => Promise<void>): Promise<void> {
  if (!cluster.isPrimary) return startWorker();
  // Workers' lines carry their id (shared/logging.ts); the primary's say so too.
  bindLogFields({ worker: 'primary' });
  let stopping = false;
  // Links to printable notices are signed by one worker and opened on any: they share one key
  // (notice-link.ts derives it from these variables; without them each process would make its own).
  const shared = process.env.HUB_NOTICE_LINK_SECRET || process.env.HUB_SUBGRAPH_SECRET ? {} : { HUB_NOTICE_LINK_SECRET: randomBytes(32).toString('base64url') };
  const fork = () => cluster.fork(shared);
  const listening = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      worker.once('listening', () => resolve());
      worker.once('exit', (code) => reject(new Error(`hub worker ${worker.process.pid} exited with code ${code} before listening`)));
    });
  await listening(fork());
  for (let i = 1; i < count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log.error('hub worker died; starting another', { pid: worker.process.pid, workerId: worker.id, code, signal });
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping hub workers', { signal });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/**
 * The configuration one worker of `count` runs with: without Redis, each counts only the requests it
 * serves, so it allows its share of each per-client limit (rounded up) and the hub as a whole about
 * the configured limit.
 */
export function workerShare<C extends { redisUrl: string | undefined; rateLimit: { requests: number }; authFailureLimit: { requests: number } }>(config: C, count: number): C {
  if (count <= 1 || config.redisUrl) return config;
  return {
    ...config,
    rateLimit: { ...config.rateLimit, requests: Math.ceil(config.rateLimit.requests / count) },
    authFailureLimit: { ...config.authFailureLimit, requests: Math.ceil(config.authFailureLimit.requests / count) },
  };
}
