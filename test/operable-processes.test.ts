import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { print } from 'graphql';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../src/hub/hub';
import { startSubgraphServer, type SubgraphServer } from '../src/gateway/subgraph-server';
import { loadConfig } from '../src/shared/config';
import { HttpDrain } from '../src/shared/graceful-shutdown';
import { checkReadiness } from '../src/shared/readiness';
import { EverythingBatchDocument } from './generated/graphql';
import { CliProcess, ensureCliBuilt, freePorts, type LogLine } from './support/cli-process';
import { createTestDatabase, queryOnce, type TestDatabase } from './support/test-database';

/**
 * Issue 9, operable processes: the real `ecocredit start` processes (compiled CLI) against a fresh
 * PostgreSQL database: request ids and request log, /metrics, /readyz per dependency, a department
 * that is down, graceful shutdown on SIGTERM, and start-up before the database is up.
 */
let database: TestDatabase;
let databaseUrl: string;
let codes: string[];
const SECRET = randomBytes(32).toString('hex');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const sql = <R>(text: string, params: unknown[] = []): Promise<R[]> => queryOnce<R>(databaseUrl, text, params);

interface Answer<T = Record<string, unknown>> {
  status: number;
  requestId: string | null;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; department?: string } }[];
}

async function graphql<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, requestId: response.headers.get('x-request-id'), ...((await response.json()) as Omit<Answer<T>, 'status' | 'requestId'>) };
}

/** The value of one sample of a Prometheus text answer (0 when the series does not exist yet). */
function sample(metrics: string, name: string, labels: Record<string, string | RegExp>): number {
  let total = 0;
  for (const line of metrics.split('\n')) {
    const match = line.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)\{(.*)\} (\S+)$/);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...match[2].matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    const matches = Object.entries(labels).every(([key, want]) => (typeof want === 'string' ? found[key] === want : want.test(found[key] ?? '')));
    if (matches) total += Number(match[3]);
  }
  return total;
}

async function metricsOf(base: string): Promise<string> {
  const response = await fetch(`${base}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.text();
}

const ENV_ADMIN = { authorization: 'Bearer demo-env-admin' };
const BANK = { authorization: 'Bearer demo-bank', 'x-access-purpose': 'LOAN_APPLICATION' };
const requestLines = (process: CliProcess) => process.logs.filter((line) => line.message === 'request');

beforeAll(async () => {
  ensureCliBuilt();
  database = await createTestDatabase();
  if (!database.url) throw new Error('these tests need TEST_DATABASE_URL (a PostgreSQL server the processes can reach)');
  databaseUrl = database.url;
}, 300_000);

afterAll(async () => {
  await database?.drop();
});

describe('the all-in-one process (ecocredit start)', () => {
  let hub: CliProcess;
  let base: string;

  beforeAll(async () => {
    hub = new CliProcess(['start'], { DATABASE_URL: databaseUrl, HUB_DEMO: '1', PORT: '0' });
    const [, url] = await hub.waitForStdout(/ecocredit hub: (http:\/\/\S+)\/graphql/);
    base = url;
    codes = (await sql<{ uscc: string }>('SELECT uscc FROM market.registration ORDER BY uscc')).map((row) => row.uscc);
    expect(codes.length).toBeGreaterThanOrEqual(500);
  }, 120_000);

  afterAll(async () => {
    await hub?.kill();
  });

  it('keeps a well-formed x-request-id, returns it, logs one line with it and writes it to the audit record', async () => {
    const requestId = `ops-test-${randomUUID()}`;
    const answer = await graphql(`${base}/graphql`, 'query OpsAudit($u: [USCC!]!) { enterprises(usccs: $u) { uscc name } }', { u: codes.slice(0, 3) }, { ...BANK, 'x-request-id': requestId });
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.requestId).toBe(requestId);
    const line = await hub.waitForLog((l) => l.message === 'request' && l.requestId === requestId, requestId);
    expect(line).toMatchObject({ level: 'info', service: 'gateway', path: '/graphql', operation: 'OpsAudit', role: 'BANK', status: 200, errorCodes: [] });
    expect(typeof line.durationMs).toBe('number');
    expect(requestLines(hub).filter((l) => l.requestId === requestId)).toHaveLength(1);
    const audit = await sql<{ operation_name: string; role: string }>('SELECT operation_name, role FROM gateway.audit_log WHERE request_id = $1', [requestId]);
    expect(audit).toEqual([{ operation_name: 'OpsAudit', role: 'BANK' }]);
  });

  it('replaces a malformed or missing request id with a generated one, the same in header, log and audit', async () => {
    for (const offered of ['short', 'has spaces and <angle> brackets in it', undefined]) {
      const answer = await graphql(`${base}/graphql`, 'query OpsGenerated($u: [USCC!]!) { enterprises(usccs: $u) { uscc } }', { u: codes.slice(0, 1) }, { ...BANK, ...(offered ? { 'x-request-id': offered } : {}) });
      expect(answer.status).toBe(200);
      expect(answer.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      await hub.waitForLog((l) => l.message === 'request' && l.requestId === answer.requestId, String(answer.requestId));
      expect(await sql('SELECT 1 FROM gateway.audit_log WHERE request_id = $1', [answer.requestId])).toHaveLength(1);
    }
  });

  it('logs refused requests with their error code and status', async () => {
    const answer = await graphql(`${base}/graphql`, 'query OpsRefused { enterprises(usccs: []) { uscc } }', {}, { authorization: 'Bearer not-a-key' });
    expect(answer.status).toBe(401);
    const line = await hub.waitForLog((l) => l.message === 'request' && l.requestId === answer.requestId, 'refused request');
    expect(line).toMatchObject({ status: 401, errorCodes: ['UNAUTHENTICATED'] });
  });

  it('serves /metrics in Prometheus text: the request counter grows for the operation just made', async () => {
    const labels = { operation: 'OpsMetrics', role: 'DASHBOARD', outcome: 'ok' };
    const before = sample(await metricsOf(base), 'ecocredit_requests_total', labels);
    const answer = await graphql(`${base}/graphql`, 'query OpsMetrics($u: [USCC!]!) { enterprises(usccs: $u) { uscc envCredit { color } } }', { u: codes.slice(0, 20) }, { authorization: 'Bearer demo-dashboard' });
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    const after = await metricsOf(base);
    expect(sample(after, 'ecocredit_requests_total', labels)).toBe(before + 1);
    expect(sample(after, 'ecocredit_request_duration_seconds_count', { operation: 'OpsMetrics', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'ecocredit_subgraph_fetches_total', { subgraph: 'market', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'ecocredit_subgraph_fetches_total', { subgraph: 'environment', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'ecocredit_loader_batch_size_count', { loader: 'market:registration' })).toBeGreaterThanOrEqual(1);
    // The 20 codes went to the registration loader as one batch (bucket le="25" holds it, le="10" does not).
    expect(sample(after, 'ecocredit_loader_batch_size_bucket', { loader: 'market:registration', le: '25' })).toBeGreaterThan(
      sample(after, 'ecocredit_loader_batch_size_bucket', { loader: 'market:registration', le: '10' }),
    );
    // Every pool is reported (an idle pool may have closed its connections: values are not asserted).
    for (const pool of ['gateway', 'environment', 'market', 'credit', 'finance', 'snapshot']) {
      for (const state of ['total', 'idle', 'waiting']) expect(after).toMatch(new RegExp(`^ecocredit_db_pool_connections\\{pool="${pool}",state="${state}"\\} \\d+$`, 'm'));
    }
    expect(after).toMatch(/^process_cpu_user_seconds_total \d/m);
    // No subject codes in any label.
    for (const code of codes.slice(0, 20)) expect(after).not.toContain(code);
  });

  it('/readyz names the database and its state', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', checks: { database: { status: 'up' } } });
  });

  it('on SIGTERM finishes a 1000-code batch in flight (200, full data), then exits 0 with shutdown start and end lines', async () => {
    const thousand = Array.from({ length: 1000 }, (_, i) => codes[i % codes.length]);
    // Warm the connection (fetch keeps it alive) so that the batch goes over an open connection.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const pending = graphql<{ enterprises: { uscc: string; name: string }[] }>(`${base}/graphql`, print(EverythingBatchDocument), { usccs: thousand }, ENV_ADMIN);
    // Signal once the hub has the batch in hand (its in-flight gauge says so), however loaded the machine.
    for (;;) {
      const metrics = await (await fetch(`${base}/metrics`)).text();
      if (/^ecocredit_requests_in_flight\{service="gateway"\} [1-9]/m.test(metrics)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    hub.signal('SIGTERM');
    const answer = await pending;
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.enterprises.map((e) => e.uscc)).toEqual(thousand);
    expect(answer.data!.enterprises.every((e) => typeof e.name === 'string' && e.name.length > 0)).toBe(true);
    expect(await hub.exited).toEqual({ code: 0, signal: null });
    const messages = hub.logs.map((line) => line.message);
    const started = messages.indexOf('shutdown started');
    const batchLine = hub.logs.findIndex((line) => line.message === 'request' && line.requestId === answer.requestId);
    const ended = messages.indexOf('shutdown complete');
    expect(started).toBeGreaterThanOrEqual(0);
    // The batch was still in flight when the signal arrived, and was answered before the end.
    expect(batchLine).toBeGreaterThan(started);
    expect(ended).toBeGreaterThan(batchLine);
    expect(hub.logs[started]).toMatchObject({ signal: 'SIGTERM' });
    expect(hub.logs[batchLine]).toMatchObject({ status: 200, errorCodes: [] });
    expect(messages.filter((message) => message === 'shutdown complete')).toHaveLength(1);
  }, 120_000);
});

describe('a department in its own process (ecocredit start environment)', () => {
  let environment: CliProcess;
  let departmentBase: string;
  let gateway: Hub;
  let gatewayBase: string;
  /** The departments environment asks for facts, served beside it (HUB_SUBGRAPH_URLS names them all). */
  const peers: SubgraphServer[] = [];

  beforeAll(async () => {
    const [environmentPort, marketPort, creditPort] = await freePorts(3);
    const subgraphUrls = {
      environment: `http://127.0.0.1:${environmentPort}/graphql`,
      market: `http://127.0.0.1:${marketPort}/graphql`,
      credit: `http://127.0.0.1:${creditPort}/graphql`,
    };
    const urls = Object.entries(subgraphUrls).map(([name, url]) => `${name}=${url}`).join(',');
    // Without PORT, it listens on the port of its own HUB_SUBGRAPH_URLS entry.
    environment = new CliProcess(['start', 'environment'], { DATABASE_URL: databaseUrl, HUB_SUBGRAPH_SECRET: SECRET, HUB_SUBGRAPH_URLS: urls });
    const [, url] = await environment.waitForStdout(/ecocredit environment subgraph: (http:\/\/\S+)\/graphql/);
    departmentBase = url;
    expect(departmentBase).toBe(`http://localhost:${environmentPort}`);
    const config = { ...loadConfig({}), databaseUrl, subgraphSecret: SECRET, subgraphUrls };
    for (const department of ['market', 'credit'] as const) peers.push(await startSubgraphServer({ department, config }));
    // With Redis (shared rate limits), which /readyz then names too.
    gateway = await startHub({ config: { ...config, port: 0, demo: true, redisUrl: REDIS_URL }, seedDemo: false, remote: ['environment'] });
    gatewayBase = gateway.url.replace(/\/graphql$/, '');
  }, 120_000);

  afterAll(async () => {
    await environment?.kill();
    await gateway?.stop();
    for (const peer of peers) await peer.stop();
  });

  it('logs the gateway request id and counts the fetch in its own /metrics', async () => {
    const requestId = `ops-dept-${randomUUID()}`;
    const labels = { operation: /^OpsDepartment__environment__\d+$/, role: 'ENV_ADMIN', outcome: 'ok' };
    const before = sample(await metricsOf(departmentBase), 'ecocredit_requests_total', labels);
    const answer = await graphql<{ enterprises: { uscc: string; envCredit: { color: string } | null }[] }>(
      gateway.url,
      'query OpsDepartment($u: [USCC!]!) { enterprises(usccs: $u) { uscc name envCredit { color } } }',
      { u: codes.slice(0, 5) },
      { ...ENV_ADMIN, 'x-request-id': requestId },
    );
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.enterprises.some((e) => e.envCredit !== null)).toBe(true);
    const line = await environment.waitForLog((l) => l.message === 'request' && l.requestId === requestId, requestId);
    expect(line).toMatchObject({ service: 'environment', role: 'ENV_ADMIN', status: 200, errorCodes: [] });
    expect(sample(await metricsOf(departmentBase), 'ecocredit_requests_total', labels)).toBe(before + 1);
    const ready = await fetch(`${departmentBase}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: { status: 'up' }, 'subgraph:market': { status: 'up' }, 'subgraph:credit': { status: 'up' } } });
    const gatewayReady = await fetch(`${gatewayBase}/readyz`);
    expect(gatewayReady.status).toBe(200);
    expect(await gatewayReady.json()).toEqual({ status: 'ready', checks: { database: { status: 'up' }, 'subgraph:environment': { status: 'up' }, redis: { status: 'up' } } });
  });

  it('exits 0 on SIGTERM; then /readyz names it down and queries answer SERVICE_UNAVAILABLE, keeping the other departments\' data', async () => {
    environment.signal('SIGTERM');
    expect(await environment.exited).toEqual({ code: 0, signal: null });
    const messages = environment.logs.map((line: LogLine) => line.message);
    expect(messages).toContain('shutdown started');
    expect(messages.indexOf('shutdown complete')).toBeGreaterThan(messages.indexOf('shutdown started'));

    // The gateway probes a department at most once a second (readiness.ts cachedCheck): the probe
    // answered just before the exit may still be remembered, so ask until it has been renewed.
    let ready = await fetch(`${gatewayBase}/readyz`);
    for (let tries = 0; ready.status === 200 && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = await fetch(`${gatewayBase}/readyz`);
    }
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { status: string; checks: Record<string, { status: string; error?: string }> };
    expect(body.status).toBe('unready');
    expect(body.checks.database).toEqual({ status: 'up' });
    expect(body.checks.redis).toEqual({ status: 'up' });
    expect(body.checks['subgraph:environment'].status).toBe('down');
    expect(body.checks['subgraph:environment'].error).toMatch(/unreachable/);

    // Market's part (names) stays; environment's part is null with an error naming the department.
    const partial = await graphql<{ enterprises: { uscc: string; name: string; envCredit: unknown }[] }>(
      gateway.url,
      'query OpsPartial($u: [USCC!]!) { enterprises(usccs: $u) { uscc name envCredit { color } } }',
      { u: codes.slice(0, 5) },
      ENV_ADMIN,
    );
    expect(partial.status).toBe(200);
    expect(partial.data!.enterprises.map((e) => e.uscc)).toEqual(codes.slice(0, 5));
    expect(partial.data!.enterprises.every((e) => e.name.length > 0 && e.envCredit === null)).toBe(true);
    // One error on each missing path, naming the department.
    expect(partial.errors).toEqual(
      codes.slice(0, 5).map((_, i) => ({
        message: 'the environment department is unavailable: its part of the answer is missing',
        path: ['enterprises', i, 'envCredit'],
        extensions: { code: 'SERVICE_UNAVAILABLE', department: 'environment' },
      })),
    );

    // Nothing answerable without the department: HTTP 503.
    const nothing = await graphql(gateway.url, 'query OpsNothing { colorDistribution(groupBy: DISTRICT) { group color count } }', {}, ENV_ADMIN);
    expect(nothing.status).toBe(503);
    expect(nothing.data ?? null).toBeNull();
    expect(nothing.errors!.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);

    // Row scope asks the department too (PUBLIC sees rated subjects only): the same code, not INTERNAL.
    const scoped = await graphql<{ enterprise: unknown }>(gateway.url, 'query OpsScoped($u: USCC!) { enterprise(uscc: $u) { uscc name } }', { u: codes[0] });
    expect(scoped.errors!.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(scoped.status).toBe(503);

    const metrics = await metricsOf(gatewayBase);
    expect(sample(metrics, 'ecocredit_subgraph_fetches_total', { subgraph: 'environment', outcome: 'unavailable' })).toBeGreaterThanOrEqual(2);
    expect(sample(metrics, 'ecocredit_requests_total', { operation: 'OpsNothing', role: 'ENV_ADMIN', outcome: 'SERVICE_UNAVAILABLE' })).toBe(1);
  }, 60_000);
});

describe('start-up before the database is up', () => {
  let proxy: TcpServer | undefined;
  let hub: CliProcess | undefined;

  afterAll(async () => {
    await hub?.kill();
    await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  });

  it('waits with back-off and comes up once the database listens', async () => {
    // A free port, closed again: nothing listens there until the proxy starts.
    const probe = createTcpServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const target = new URL(databaseUrl);
    const viaProxy = new URL(databaseUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(port);

    hub = new CliProcess(['start'], { DATABASE_URL: viaProxy.toString(), HUB_DEMO: '1', PORT: '0', HUB_DB_WAIT_MS: '60000' });
    const retries = () => hub!.logs.filter((line) => line.message === 'database not reachable yet; retrying');
    await hub.waitForLog(() => retries().length >= 3, 'three failed tries', 60_000);
    expect(hub.stdout.some((line) => line.startsWith('ecocredit hub:'))).toBe(false);
    const delays = retries().map((line) => Number(line.retryInMs));
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(delays[2]).toBeGreaterThan(delays[1]);
    expect(retries()[0]).toMatchObject({ level: 'warn', attempt: 1, database: expect.stringContaining(`127.0.0.1:${port}`) });

    // The database "comes up": a TCP proxy to the real server starts listening on that port.
    proxy = createTcpServer((socket) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    await new Promise<void>((resolve) => proxy!.listen(port, '127.0.0.1', resolve));

    const [, url] = await hub.waitForStdout(/ecocredit hub: (http:\/\/\S+)\/graphql/, 60_000);
    await hub.waitForLog((line) => line.message === 'database is up', 'database is up');
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    hub.signal('SIGTERM');
    expect(await hub.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});

describe('draining (the module every process kind uses)', () => {
  it('cuts a request still running at the drain timeout, and reports draining in /readyz checks', async () => {
    let answered = false;
    const server: Server = createServer(() => {
      // Never answers: only the timeout ends it.
    });
    const drain = new HttpDrain(300);
    drain.watch(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const outcome = new Promise<string>((resolve) => {
      const call = httpRequest({ port, host: '127.0.0.1', path: '/slow' }, () => {
        answered = true;
        resolve('answered');
      });
      call.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      call.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const drained = drain.drain();
    expect(drain.draining).toBe(true);
    expect(await drained).toEqual({ forced: true });
    expect(await outcome).toBe('ECONNRESET');
    expect(answered).toBe(false);

    const pool = new Client({ connectionString: databaseUrl });
    await pool.connect();
    try {
      const state = await checkReadiness({ database: () => pool.query('SELECT 1').then(() => undefined) }, true);
      expect(state).toEqual({ status: 'unready', checks: { database: { status: 'up' }, process: { status: 'down', error: expect.stringMatching(/shutting down/) } } });
    } finally {
      await pool.end();
    }
  });
});
