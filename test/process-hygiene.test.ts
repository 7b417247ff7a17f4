import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerProbe } from '../src/gateway/http-server';
import { HttpDrain } from '../src/shared/graceful-shutdown';
import { checkReadiness } from '../src/shared/readiness';
import { ensureCliBuilt } from './support/cli-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * Issue 22 §7, process hygiene: SIGTERM to `npm start` reaches node (no orphan left running), and a
 * draining process keeps answering its probes (/readyz 503) while in-flight requests finish.
 * (Worker ids in cluster log lines: cluster.test.ts.)
 */
let database: TestDatabase;
const servers: Server[] = [];

beforeAll(async () => {
  ensureCliBuilt();
  database = await createTestDatabase();
}, 300_000);

afterAll(async () => {
  await database?.drop();
});

/** Every descendant of `pid` (children, their children, ...), from /proc. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

const running = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));

describe('npm start', () => {
  it('passes SIGTERM to node: the hub drains and exits, and no process of the tree is left', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, HUB_DEMO: '1', PORT: '0', LOG_LEVEL: 'info' };
    for (const name of ['NODE_ENV', 'HUB_SUBGRAPH_URLS', 'HUB_SUBGRAPH_SECRET', 'REDIS_URL', 'HUB_WORKERS']) delete env[name];
    const npm = spawn('npm', ['start', '--silent'], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    createInterface({ input: npm.stdout }).on('line', (line) => lines.push(line));
    createInterface({ input: npm.stderr }).on('line', (line) => lines.push(line));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    try {
      for (let i = 0; i < 2400 && !lines.some((line) => line.startsWith('ecocredit hub:')); i++) {
        if (npm.exitCode !== null) throw new Error(`npm start exited: ${lines.join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(lines.some((line) => line.startsWith('ecocredit hub:')), lines.join('\n')).toBe(true);
      const tree = descendants(npm.pid!);
      // The script's last step is node itself (exec), not a shell waiting on it.
      const commands = tree.map((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' '));
      expect(commands.some((command) => /dist\/src\/cli\/main\.js start/.test(command))).toBe(true);
      expect(commands.filter((command) => /^(\/bin\/)?sh -c/.test(command))).toEqual([]);

      npm.kill('SIGTERM');
      await exited;
      for (let i = 0; i < 600 && tree.some(running); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(tree.filter(running)).toEqual([]);
      const messages = lines.flatMap((line) => {
        try {
          return [(JSON.parse(line) as { message: string }).message];
        } catch {
          return [];
        }
      });
      // node received the signal itself: it drained and said so.
      expect(messages).toContain('shutdown started');
      expect(messages).toContain('shutdown complete');
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
      for (const pid of descendants(npm.pid!)) process.kill(pid, 'SIGKILL');
    }
  }, 300_000);
});

describe('draining', () => {
  it('answers /readyz 503 and refuses new requests with 503 while a request is in flight, then closes', async () => {
    const drain = new HttpDrain(60_000);
    let finishSlow: () => void = () => undefined;
    const slowStarted = new Promise<void>((started) => {
      const server: Server = createServer((request, response) => {
        void (async () => {
          if (await answerProbe(request, response, () => checkReadiness({}, drain.draining))) return;
          if (drain.draining) {
            response.writeHead(503, { 'retry-after': '1' });
            response.end('draining');
            return;
          }
          started();
          finishSlow = () => response.end('slow answer');
        })();
      });
      drain.watch(server);
      servers.push(server);
    });
    const server = servers[0];
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const get = (path: string) =>
      new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
        const call = httpRequest({ port, host: '127.0.0.1', path, agent: false }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, body, connection: response.headers.connection }));
        });
        call.on('error', reject);
        call.end();
      });
    const slow = get('/slow');
    await slowStarted;
    expect((await get('/readyz')).status).toBe(200);

    const drained = drain.drain();
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ status: 'unready', checks: { process: { status: 'down', error: expect.stringMatching(/shutting down/) } } });
    expect(ready.connection).toBe('close');
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/graphql')).status).toBe(503);

    finishSlow();
    expect(await slow).toMatchObject({ status: 200, body: 'slow answer' });
    expect(await drained).toEqual({ forced: false });
    await expect(get('/readyz')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
