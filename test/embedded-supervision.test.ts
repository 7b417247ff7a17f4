import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { afterAll, describe, expect, it } from 'vitest';
import { today } from '../src/shared/dates';
import { demoEnterprises } from '../src/shared/demo-dataset';
import { CliProcess, ensureCliBuilt } from './support/cli-process';

/**
 * Issue 22 §5: the embedded server is supervised. `ecocredit start` with no DATABASE_URL; the
 * PostgreSQL postmaster is killed with SIGKILL. While it is down, /healthz and /readyz answer 503 and
 * requests 503 SERVICE_UNAVAILABLE with Retry-After; the hub restarts it on the same port and answers
 * in full again, without a restart of its own.
 *
 * To see the "down" state without racing the restart, the test holds the data directory's lock (the
 * one every process takes to start or attach to the server) while it looks, then lets go.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'ecocredit-supervised-'));
let hub: CliProcess | undefined;

afterAll(async () => {
  await hub?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

async function until(what: string, condition: () => Promise<boolean>, tries = 600): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await condition().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not seen: ${what}`);
}

async function graphql(base: string, query: string): Promise<{ status: number; retryAfter: string | null; body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const response = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer demo-env-admin' }, body: JSON.stringify({ query }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as never };
}

/** A rated subject of the demo city (a credit event needs one). */
const SUBJECT = [...demoEnterprises(560, today())].find((enterprise) => enterprise.ratedFrom)!.uscc;

describe('the embedded server killed (kill -9 of the postmaster)', () => {
  it('answers 503 while it is down, restarts it on the same port, and answers in full after', async () => {
    ensureCliBuilt();
    hub = new CliProcess(['start'], { HUB_DATA_DIR: dataDir, PORT: '0' });
    const [, base] = await hub.waitForStdout(/ecocredit hub: (http:\/\/\S+)\/graphql/, 240_000);
    const before = await graphql(base, `{ enterprise(uscc: "${SUBJECT}") { uscc name } }`);
    expect(before.status).toBe(200);
    const name = (before.body.data!.enterprise as { name: string }).name;
    const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
    const [postmaster, , , port] = readFileSync(pidFile, 'utf8').split('\n');

    const unlock = await lock(dataDir, { lockfilePath: join(dataDir, 'embedded.lock'), stale: 30_000, update: 5_000, retries: { retries: 60, minTimeout: 200, maxTimeout: 1_000 } });
    let unlocked = false;
    try {
      process.kill(Number(postmaster), 'SIGKILL');
      await until('/healthz 503', async () => (await fetch(`${base}/healthz`)).status === 503);
      await hub.waitForLog((line) => line.message === 'embedded PostgreSQL is down; restarting it', 'the supervisor noticing');

      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: 'down', error: expect.stringMatching(/embedded PostgreSQL down since/) });
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      const readiness = (await ready.json()) as { status: string; checks: Record<string, { status: string }> };
      expect(readiness.status).toBe('unready');
      expect(readiness.checks['embedded-postgres'].status).toBe('down');
      expect(readiness.checks.database.status).toBe('down');

      const during = await graphql(base, `{ enterprise(uscc: "${SUBJECT}") { uscc name } }`);
      expect(during.status).toBe(503);
      expect(during.retryAfter).toBe('5');
      expect(during.body.errors!.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(hub.alive).toBe(true);

      await unlock();
      unlocked = true;
      await until('/healthz 200', async () => (await fetch(`${base}/healthz`)).status === 200);
    } finally {
      if (!unlocked) await unlock();
    }
    const restarted = await hub.waitForLog((line) => line.message === 'embedded PostgreSQL restarted', 'the restart');
    expect(restarted.port).toBe(Number(port));
    expect(readFileSync(pidFile, 'utf8').split('\n')[0]).not.toBe(postmaster);
    await until('/readyz 200', async () => (await fetch(`${base}/readyz`)).status === 200);

    const after = await graphql(base, `{ enterprise(uscc: "${SUBJECT}") { uscc name } }`);
    expect(after).toMatchObject({ status: 200, body: { data: { enterprise: { uscc: SUBJECT, name } } } });
    const written = await graphql(base, `mutation { recordCreditEvent(input: { uscc: "${SUBJECT}", type: "WARNING", occurredOn: "${today()}", decisionNo: "重启〔1〕号" }) { event { id } } }`);
    expect(written.status).toBe(200);
    expect(written.body.errors).toBeUndefined();

    hub.signal('SIGTERM');
    expect((await hub.exited).code).toBe(0);
    expect(existsSync(pidFile)).toBe(false);
  }, 360_000);
});
