import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerShare } from '../src/hub/cluster';
import { loadConfig } from '../src/shared/config';
import { CliProcess, ensureCliBuilt } from './support/cli-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/** `ecocredit start` with HUB_WORKERS=2: a primary and two workers sharing the port (Node cluster). */
let database: TestDatabase;
let hub: CliProcess;
let base: string;

const workersOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
/** CPU time a process has used so far, in clock ticks (utime + stime of /proc/<pid>/stat). */
const cpuTicks = (pid: number): number => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
};

beforeAll(async () => {
  ensureCliBuilt();
  database = await createTestDatabase();
  hub = new CliProcess(['start'], { DATABASE_URL: database.url, HUB_DEMO: '1', PORT: '0', HUB_WORKERS: '2' });
  [, base] = await hub.waitForStdout(/ecocredit hub: (http:\/\/\S+)\/graphql/);
}, 180_000);

afterAll(async () => {
  await hub?.kill();
  await database?.drop();
});

describe('HUB_WORKERS=2', () => {
  it('serves from two worker processes on one port, and both answer', async () => {
    for (let i = 0; i < 100 && workersOf(hub.pid).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 200));
    const workers = workersOf(hub.pid);
    expect(workers).toHaveLength(2);
    const before = workers.map(cpuTicks);
    const codes = ['91320700MA1Q3K7P2H'];
    const answers = await Promise.all(
      Array.from({ length: 80 }, () =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer demo-bank', 'x-access-purpose': 'LOAN_APPLICATION', connection: 'close' },
          body: JSON.stringify({ query: 'query W($u: [USCC!]!) { enterprises(usccs: $u) { uscc envCredit { color } creditRestriction { level } } }', variables: { u: codes } }),
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { data?: { enterprises: { uscc: string }[] }; errors?: unknown } })),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data!.enterprises[0].uscc).toBe(codes[0]);
    }
    // Connections are handed out in turn: each worker did part of the work.
    const used = workers.map((pid, i) => cpuTicks(pid) - before[i]);
    expect(used.every((ticks) => ticks > 0), `CPU ticks per worker: ${used.join(', ')}`).toBe(true);
  });

  it('names the writer of every log line: the worker id, or the primary', async () => {
    await hub.waitForLog(() => hub.logs.filter((line) => line.message === 'ecocredit hub listening').length === 2, 'both workers listening', 120_000);
    expect(hub.logs.filter((line) => line.message === 'ecocredit hub listening').map((line) => line.worker).sort()).toEqual([1, 2]);
    // Connections are handed out in turn: a few requests reach both workers.
    const requestWorkers = () => new Set(hub.logs.filter((line) => line.message === 'request').map((line) => line.worker));
    for (let i = 0; i < 200 && requestWorkers().size < 2; i++) {
      await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ query: '{ __typename }' }) });
    }
    await hub.waitForLog(() => requestWorkers().size === 2, 'request lines of both workers');
    expect(requestWorkers()).toEqual(new Set([1, 2]));
    expect(hub.logs.filter((line) => line.worker === undefined)).toEqual([]);
  }, 180_000);

  it('stops every worker on SIGTERM and exits 0', async () => {
    const workers = workersOf(hub.pid);
    hub.signal('SIGTERM');
    expect(await hub.exited).toEqual({ code: 0, signal: null });
    expect(hub.logs.find((line) => line.message === 'stopping hub workers')?.worker).toBe('primary');
    for (const pid of workers) expect(() => readFileSync(`/proc/${pid}/status`)).toThrow();
  });
});

describe('the rate limit of a worker without Redis', () => {
  it('is its share of the configured limit; with Redis (shared counters) the whole limit', () => {
    const config = loadConfig({ HUB_RATE_LIMIT: '600', HUB_AUTH_FAILURE_LIMIT: '21' });
    expect(workerShare(config, 2).rateLimit.requests).toBe(300);
    expect(workerShare(config, 2).authFailureLimit.requests).toBe(11);
    expect(workerShare(config, 1)).toBe(config);
    expect(workerShare({ ...config, redisUrl: 'redis://127.0.0.1:6379' }, 2).rateLimit.requests).toBe(600);
  });
});
