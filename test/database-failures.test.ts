import { connect, createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliProcess, ensureCliBuilt } from './support/cli-process';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * Issue 22 §5, the hub surviving its database (DATABASE_URL), as real processes: a server out of
 * connections at start-up (SQLSTATE 53300), backends terminated under load (pg_terminate_backend),
 * and an outage (the database unreachable), which answers 503 SERVICE_UNAVAILABLE with Retry-After.
 * The embedded server's supervision is in embedded-supervision.test.ts.
 */
let database: TestDatabase;
let hub: CliProcess;
let base: string;
let codes: string[];

/**
 * A TCP proxy in front of the test database that can refuse chosen connections as PostgreSQL does
 * when it is out of connections (an ErrorResponse FATAL 53300 to the startup message), and can go
 * down (every connection cut, new ones refused) and up again.
 */
class DatabaseProxy {
  private server: TcpServer | null = null;
  private readonly sockets = new Set<Socket>();
  private connections = 0;
  port = 0;

  constructor(
    private readonly target: URL,
    /** 1-based numbers of the connections answered "too many clients". */
    private readonly refused: ReadonlySet<number>,
  ) {}

  async up(): Promise<void> {
    this.server = createTcpServer((socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => socket.destroy());
      if (this.refused.has(++this.connections)) {
        socket.once('data', () => socket.end(tooManyClients()));
        return;
      }
      const upstream = connect(Number(this.target.port || 5432), this.target.hostname);
      this.sockets.add(upstream);
      upstream.on('close', () => this.sockets.delete(upstream));
      socket.pipe(upstream).pipe(socket);
      socket.on('close', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
      upstream.on('close', () => socket.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** The database "dies": the listener closes and every connection is cut. */
  async down(): Promise<void> {
    const closed = new Promise((resolve) => this.server?.close(resolve));
    for (const socket of this.sockets) socket.destroy();
    await closed;
    this.server = null;
  }

  url(): string {
    const url = new URL(this.target);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }
}

/** PostgreSQL's ErrorResponse: FATAL 53300 "sorry, too many clients already". */
function tooManyClients(): Buffer {
  const fields = Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', '53300'],
      ['M', 'sorry, too many clients already'],
    ].map(([type, value]) => Buffer.concat([Buffer.from(type), Buffer.from(value), Buffer.from([0])])),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

interface Answer<T = Record<string, unknown>> {
  status: number;
  retryAfter: string | null;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer demo-env-admin' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...((await response.json()) as Omit<Answer<T>, 'status' | 'retryAfter'>) };
}

const ENTERPRISES = 'query Survive($u: [USCC!]!) { enterprises(usccs: $u) { uscc name envCredit { color } } }';

async function terminateBackends(): Promise<number> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name LIKE 'ecocredit%'`,
    );
    for (const { pid } of rows) await client.query('SELECT pg_terminate_backend($1)', [pid]);
    return rows.length;
  } finally {
    await client.end();
  }
}

async function until(what: string, condition: () => Promise<boolean>, tries = 300): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await condition().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not seen: ${what}; the hub's last lines:\n${hub?.output().slice(-6000)}`);
}

let proxy: DatabaseProxy;

beforeAll(async () => {
  ensureCliBuilt();
  database = await createTestDatabase();
  if (!database.url) throw new Error('these tests need TEST_DATABASE_URL (a PostgreSQL server the processes can reach)');
  // Connection 1 is the start-up wait's probe; 2–4 are the first pools': "too many clients" for them.
  proxy = new DatabaseProxy(new URL(database.url), new Set([2, 3, 4]));
  await proxy.up();
  hub = new CliProcess(['start'], { DATABASE_URL: proxy.url(), HUB_DEMO: '1', PORT: '0', HUB_DB_WAIT_MS: '120000' });
  [, base] = await hub.waitForStdout(/ecocredit hub: (http:\/\/\S+)\/graphql/, 240_000);
  const client = new Client({ connectionString: database.url });
  await client.connect();
  codes = (await client.query<{ uscc: string }>('SELECT uscc FROM market.registration ORDER BY uscc LIMIT 20')).rows.map((row) => row.uscc);
  await client.end();
}, 300_000);

afterAll(async () => {
  await hub?.kill();
  await proxy?.down().catch(() => undefined);
  await database?.drop();
});

describe('start-up while the database refuses connections ("too many clients", 53300)', () => {
  it('retries the pools with back-off and comes up', () => {
    const retries = hub.logs.filter((line) => /database unavailable; retrying/.test(line.message));
    expect(retries.length).toBeGreaterThan(0);
    expect(retries[0]).toMatchObject({ level: 'warn', code: '53300', error: expect.stringMatching(/too many clients/) });
    expect(hub.stdout.some((line) => line.startsWith('ecocredit hub:'))).toBe(true);
  });
});

describe('backends terminated under load (pg_terminate_backend)', () => {
  it('keeps the process alive; every answer is the data or a retryable 503, and all is well after', async () => {
    expect(codes.length).toBe(20);
    let loading = true;
    const answers: Answer[] = [];
    const load = Array.from({ length: 4 }, async () => {
      while (loading) answers.push(await graphql(ENTERPRISES, { u: codes }));
    });
    let terminated = 0;
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      terminated += await terminateBackends();
    }
    loading = false;
    await Promise.all(load);
    expect(terminated).toBeGreaterThan(5);
    expect(answers.length).toBeGreaterThan(0);
    // A request whose connection was cut is the outage's (503, retry), never INTERNAL.
    const failed = answers.filter((answer) => answer.status !== 200);
    for (const answer of failed) {
      expect(answer.status, JSON.stringify(answer)).toBe(503);
      expect(answer.retryAfter).toBe('5');
      expect(answer.errors!.map((error) => error.extensions?.code)).toContain('SERVICE_UNAVAILABLE');
    }
    // A partial answer keeps what was read; only the paths whose statement was cut say SERVICE_UNAVAILABLE.
    for (const answer of answers.filter((a) => a.status === 200)) {
      expect((answer.errors ?? []).filter((error) => error.extensions?.code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    }
    expect(hub.logs.filter((line) => line.message === 'internal error' || line.message === 'request failed')).toEqual([]);

    // Alive, ready, and answering in full; the long-lived LISTEN connections came back.
    expect(hub.alive).toBe(true);
    await until('/readyz 200', async () => (await fetch(`${base}/readyz`)).status === 200);
    const after = await graphql<{ enterprises: { uscc: string; name: string }[] }>(ENTERPRISES, { u: codes });
    expect(after.status).toBe(200);
    expect(after.data!.enterprises.map((e) => e.uscc)).toEqual(codes);
    await hub.waitForLog((line) => line.message === 'webhook change listener lost its connection; reconnecting', 'the webhook listener reconnecting');
    await hub.waitForLog((line) => line.message === 'audit outbox listener lost its connection; reconnecting', 'the audit listener reconnecting');
    await until('both listeners listening again', async () => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query<{ application_name: string }>(
          `SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`,
        );
        const names = rows.map((row) => row.application_name);
        return names.includes('ecocredit-audit-listener') && names.includes('ecocredit-webhooks');
      } finally {
        await client.end();
      }
    });
  }, 180_000);
});

async function sql<R>(text: string): Promise<R[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as R[];
  } finally {
    await client.end();
  }
}

describe('a statement of the job worker refused (graphile-worker)', () => {
  it('starts the worker again instead of ending the process; jobs run again once the database accepts', async () => {
    const pending = async (key: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = '${key}'`))[0].n;
    // A real refusal: completing a job (deleting its row) raises, once the job has run.
    await sql(`CREATE FUNCTION public.refuse_job_completion() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'job completion refused'; END $$`);
    await sql(`CREATE TRIGGER refuse_job_completion BEFORE DELETE ON graphile_worker._private_jobs FOR EACH ROW EXECUTE FUNCTION public.refuse_job_completion()`);
    const restartsBefore = hub.logs.filter((line) => line.message === 'webhook job worker stopped; starting it again').length;
    try {
      await sql(`SELECT graphile_worker.add_job('webhook_purge', '{}'::json, job_key := 'refused-completion')`);
      await hub.waitForLog(
        () => hub.logs.filter((line) => line.message === 'webhook job worker stopped; starting it again').length > restartsBefore,
        'the worker stopping on the refusal',
        60_000,
      );
      // The refused job stays (locked by the stopped worker until graphile-worker frees stale locks; jobs are safe to run twice).
      expect(await pending('refused-completion')).toBe(1);
      expect(hub.alive).toBe(true);
    } finally {
      await sql(`DROP TRIGGER refuse_job_completion ON graphile_worker._private_jobs`);
      await sql(`DROP FUNCTION public.refuse_job_completion()`);
    }
    await sql(`SELECT graphile_worker.add_job('webhook_purge', '{}'::json, job_key := 'after-refusal')`);
    await until('the next job completed by the worker started again', async () => (await pending('after-refusal')) === 0);
    expect(hub.alive).toBe(true);
  }, 120_000);
});

describe('the database unreachable (an outage)', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After, /readyz 503 naming the database, /healthz 200; then recovers', async () => {
    await proxy.down();
    const answer = await graphql(ENTERPRISES, { u: codes.slice(0, 3) });
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe('5');
    expect(answer.errors!.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(answer.errors![0].message).toBe('the database is unavailable: retry later');

    // A mutation too (its audit record cannot be written): retryable, never INTERNAL.
    const write = await graphql(`mutation { recordCreditEvent(input: { uscc: "${codes[0]}", type: "WARNING", occurredOn: "2026-01-05", decisionNo: "停机〔1〕号" }) { event { id } } }`);
    expect(write.status).toBe(503);
    expect(write.retryAfter).toBe('5');
    expect(write.errors!.every((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')).toBe(true);

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, { status: string }> }).checks.database.status).toBe('down');
    // The process itself is fine: restarting it would not bring an external database back.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await proxy.up();
    await until('/readyz 200', async () => (await fetch(`${base}/readyz`)).status === 200);
    const back = await graphql<{ enterprises: { uscc: string }[] }>(ENTERPRISES, { u: codes.slice(0, 3) });
    expect(back.status).toBe(200);
    expect(back.data!.enterprises.map((e) => e.uscc)).toEqual(codes.slice(0, 3));
    expect(hub.alive).toBe(true);
  }, 120_000);
});
