import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../src/hub/hub';
import { loadConfig } from '../src/shared/config';
import { today } from '../src/shared/dates';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { CliProcess, ensureCliBuilt, freePorts } from './support/cli-process';
import { createTestDatabase, queryOnce, type TestDatabase } from './support/test-database';

/**
 * Issue 22, the real topology: the gateway and the four departments as `ecocredit start` processes
 * (compiled CLI) sharing one HUB_SUBGRAPH_URLS, against a fresh database. A department frozen
 * (SIGSTOP), killed, or missing from the setting: what a partner and an operator see.
 */
let database: TestDatabase;
let databaseUrl: string;
let dataDir: string;
const SECRET = randomBytes(32).toString('hex');
const DEPARTMENTS = ['environment', 'market', 'credit', 'finance'] as const;
type Department = (typeof DEPARTMENTS)[number];
const processes: Partial<Record<Department | 'gateway', CliProcess>> = {};
const base: Partial<Record<Department | 'gateway', string>> = {};
let subgraphUrls: string;
let expected: { name: string; color: string };

const sql = <R>(text: string, params: unknown[] = []): Promise<R[]> => queryOnce<R>(databaseUrl, text, params);

interface Answer<T = Record<string, unknown>> {
  status: number;
  retryAfter: string | null;
  /** Milliseconds from sending to the whole answer read. */
  elapsedMs: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; department?: string } }[];
}

async function graphql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer<T>> {
  const started = performance.now();
  const response = await fetch(`${base.gateway}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as Omit<Answer<T>, 'status' | 'retryAfter' | 'elapsedMs'>;
  return { status: response.status, retryAfter: response.headers.get('retry-after'), elapsedMs: performance.now() - started, ...body };
}

type BankView = { enterprise: { uscc: string; name: string; envCredit: { color: string } | null; creditRestriction: { level: string } | null } | null };
const BANK_CHECK = 'query BankCheck($u: USCC!) { enterprise(uscc: $u) { uscc name envCredit { color } creditRestriction { level } } }';
const bankCheck = () => graphql<BankView>(BANK_CHECK, { u: DEMO_SHOWCASE_USCC }, { authorization: 'Bearer demo-bank', 'x-access-purpose': 'CREDIT_REVIEW' });

async function readiness(name: Department | 'gateway') {
  const response = await fetch(`${base[name]}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; checks: Record<string, { status: string; error?: string }> } };
}

/** Asks until `done` holds for an answer (a recovering process), at most `attempts` times a quarter second apart. */
async function askUntil<T>(ask: () => Promise<T>, done: (answer: T) => boolean, attempts = 120): Promise<T> {
  let answer = await ask();
  for (let i = 0; i < attempts && !done(answer); i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    answer = await ask();
  }
  return answer;
}

beforeAll(async () => {
  ensureCliBuilt();
  database = await createTestDatabase();
  if (!database.url) throw new Error('these tests need TEST_DATABASE_URL (a PostgreSQL server the processes can reach)');
  databaseUrl = database.url;
  dataDir = mkdtempSync(join(tmpdir(), 'ecocredit-isolation-'));
  const env = { DATABASE_URL: databaseUrl, HUB_DATA_DIR: dataDir };
  for (const args of [['migrate'], ['seed', '--enterprises', '40']]) {
    const step = new CliProcess(args, env);
    expect(await step.exited, step.output()).toEqual({ code: 0, signal: null });
  }
  [expected] = await sql<{ name: string; color: string }>(
    'SELECT r.name, s.current_color AS color FROM market.registration r JOIN environment.rated_subject s USING (uscc) WHERE uscc = $1',
    [DEMO_SHOWCASE_USCC],
  );

  const ports = await freePorts(5);
  const portOf = (name: Department | 'gateway') => ports[name === 'gateway' ? 4 : DEPARTMENTS.indexOf(name)];
  subgraphUrls = DEPARTMENTS.map((department) => `${department}=http://127.0.0.1:${portOf(department)}/graphql`).join(',');
  const topology = { ...env, HUB_SUBGRAPH_SECRET: SECRET, HUB_SUBGRAPH_URLS: subgraphUrls, HUB_WEBHOOKS: '0', HUB_SNAPSHOT_JOB_INTERVAL_MS: '0' };
  // Departments listen on the port of their own entry (no PORT); the gateway keeps the defaults of the
  // fetch timeout (2 s) and the breaker (3 failures), with a short half-open wait for the test's sake.
  for (const department of DEPARTMENTS) processes[department] = new CliProcess(['start', department], topology);
  processes.gateway = new CliProcess(['start', 'gateway'], { ...topology, PORT: String(portOf('gateway')), HUB_DEMO: '1', HUB_SUBGRAPH_BREAKER_HALF_OPEN_MS: '1000' });
  for (const department of DEPARTMENTS) base[department] = (await processes[department]!.waitForStdout(new RegExp(`ecocredit ${department} subgraph: (http://\\S+)/graphql`)))[1];
  base.gateway = (await processes.gateway.waitForStdout(/ecocredit hub: (http:\/\/\S+)\/graphql/))[1];
}, 300_000);

afterAll(async () => {
  for (const process of Object.values(processes)) {
    // SIGKILL ends a stopped (SIGSTOP) process too.
    await process?.kill();
  }
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('HUB_SUBGRAPH_URLS, the one place that says where the departments are', () => {
  it('a department or gateway started without it refuses to start, naming the departments it lacks and the variable', async () => {
    const started = {
      market: new CliProcess(['start', 'market'], { DATABASE_URL: databaseUrl, HUB_SUBGRAPH_SECRET: SECRET, PORT: '0' }),
      // Half a setting is refused the same way: finance is never asked for facts, the others are.
      credit: new CliProcess(['start', 'credit'], { DATABASE_URL: databaseUrl, HUB_SUBGRAPH_SECRET: SECRET, PORT: '0', HUB_SUBGRAPH_URLS: 'environment=http://127.0.0.1:1/graphql' }),
      gateway: new CliProcess(['start', 'gateway'], { DATABASE_URL: databaseUrl, HUB_SUBGRAPH_SECRET: SECRET, PORT: '0', HUB_SUBGRAPH_URLS: 'environment=http://127.0.0.1:1/graphql' }),
    };
    for (const process of Object.values(started)) expect(await process.exited).toEqual({ code: 1, signal: null });
    expect(started.market.output()).toMatch(/refusing to start market: HUB_SUBGRAPH_URLS does not say where environment, credit are/);
    expect(started.credit.output()).toMatch(/refusing to start credit: HUB_SUBGRAPH_URLS does not say where market is/);
    expect(started.gateway.output()).toMatch(/refusing to start the gateway: HUB_SUBGRAPH_URLS does not say where market, credit, finance are/);
  }, 120_000);

  it('with the setting, every process is ready, each naming the departments it calls, and the bank check joins all four', async () => {
    const gateway = await readiness('gateway');
    expect(gateway.status).toBe(200);
    for (const department of DEPARTMENTS) expect(gateway.body.checks[`subgraph:${department}`]).toEqual({ status: 'up' });
    expect((await readiness('market')).body).toEqual({
      status: 'ready',
      checks: { database: { status: 'up' }, 'subgraph:environment': { status: 'up' }, 'subgraph:credit': { status: 'up' } },
    });
    expect((await readiness('finance')).body.checks).toEqual({
      database: { status: 'up' },
      'subgraph:environment': { status: 'up' },
      'subgraph:market': { status: 'up' },
      'subgraph:credit': { status: 'up' },
    });
    const answer = await bankCheck();
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.enterprise).toMatchObject({ uscc: DEMO_SHOWCASE_USCC, name: expected.name, envCredit: { color: expected.color }, creditRestriction: { level: expect.any(String) } });
  });
});

/** Rows a credit event writes in environment: the event, its notice, its change message. */
/** A route's whole answer as a caller sees it: status, the headers that matter, the body's bytes. */
async function routeAnswer(origin: string, path: string, key?: string) {
  // A utility reads for billing (its declared purpose); other callers need none.
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}`, ...(key === 'demo-utility' ? { 'x-access-purpose': 'BILLING' } : {}) } : {};
  const response = await fetch(`${origin}${path}`, { headers });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    retryAfter: response.headers.get('retry-after'),
    body: Buffer.from(await response.arrayBuffer()).toString('base64'),
  };
}

const text = (answer: { body: string }) => Buffer.from(answer.body, 'base64').toString('utf8');

/** A link to `number` for the reader of `printUrl`, signed with the key every process of this topology derives from HUB_SUBGRAPH_SECRET (notice-link.ts). */
function signNoticeLink(number: string, exp: number, printUrl: string): string {
  const key = Buffer.from(hkdfSync('sha256', SECRET, 'ecocredit-hub', 'notice-link', 32));
  const minted = new URL(printUrl, 'http://hub.invalid').searchParams;
  const [client, role, district] = [minted.get('client')!, minted.get('role')!, minted.get('district') ?? ''];
  const sig = createHmac('sha256', key).update(JSON.stringify([number, exp, client, role, district])).digest('base64url');
  return `/notices/${encodeURIComponent(number)}?${new URLSearchParams({ exp: String(exp), client, role, ...(district ? { district } : {}), sig }).toString()}`;
}

describe('the routes beside GraphQL with their department as its own process', () => {
  // The same data answered by one all-in-one process (every department in it, on the same database).
  let allInOne: Hub;
  let allInOneOrigin: string;
  let notice: { number: string; printUrl: string };

  beforeAll(async () => {
    const config = loadConfig({ DATABASE_URL: databaseUrl, HUB_DATA_DIR: dataDir, HUB_DEMO: '1', HUB_WEBHOOKS: '0', HUB_SNAPSHOT_JOB_INTERVAL_MS: '0' });
    allInOne = await startHub({ config: { ...config, port: 0 }, remote: [], seedDemo: false });
    allInOneOrigin = `http://127.0.0.1:${allInOne.port}`;
    // A notice issued through the gateway: environment (its own process) signs its printUrl.
    const recorded = await graphql<{ recordCreditEvent: { notice: { number: string; printUrl: string } } }>(
      'mutation Record($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { notice { number printUrl } } }',
      { input: { uscc: DEMO_SHOWCASE_USCC, type: 'WARNING', occurredOn: today(), decisionNo: `ROUTES-${Date.now()}` } },
      { authorization: 'Bearer demo-env-admin' },
    );
    expect(recorded.errors).toBeUndefined();
    notice = recorded.data!.recordCreditEvent.notice;
  }, 120_000);

  afterAll(async () => {
    await allInOne?.stop();
  });

  it('a notice opens through the gateway as in one process, for the callers one process lets in, and its read is audited', async () => {
    const path = `/notices/${encodeURIComponent(notice.number)}`;
    const audited = () =>
      sql<{ usccs: string[]; fields: string[] }>(`SELECT usccs, fields FROM gateway.audit_log WHERE operation_name = $1 ORDER BY id`, [`GET ${path}`]);
    const before = await audited();
    const page = await routeAnswer(base.gateway!, path, 'demo-env-admin');
    expect(page.status).toBe(200);
    // The gateway recorded the read (before the page left), with the subject the department read.
    expect(await audited()).toEqual([...before, { usccs: [DEMO_SHOWCASE_USCC], fields: ['Query.creditNotice'] }]);
    expect(page.contentType).toContain('text/html');
    expect(text(page)).toContain(notice.number);
    expect(page).toEqual(await routeAnswer(allInOneOrigin, path, 'demo-env-admin'));
    // Role, district scope, credential and an unknown number: each answered as the all-in-one process answers it.
    for (const [asked, key] of [
      [path, 'demo-env-officer-haizhou'],
      [path, 'demo-credit-office'],
      [path, 'demo-bank'],
      [path, undefined],
      [path, 'no-such-key'],
      ['/notices/ECN-1999-000000', 'demo-env-admin'],
    ] as const) {
      expect({ asked, key, ...(await routeAnswer(base.gateway!, asked, key)) }).toEqual({ asked, key, ...(await routeAnswer(allInOneOrigin, asked, key)) });
    }
  }, 60_000);

  it('its signed printUrl opens without a credential; a tampered or expired link is refused', async () => {
    const page = await routeAnswer(base.gateway!, notice.printUrl);
    expect(page.status).toBe(200);
    expect(text(page)).toContain(notice.number);
    expect(page.body).toBe((await routeAnswer(base.gateway!, `/notices/${encodeURIComponent(notice.number)}`, 'demo-env-admin')).body);
    const url = new URL(notice.printUrl, 'http://hub.invalid');
    const sig = url.searchParams.get('sig')!;
    url.searchParams.set('sig', `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`);
    const tampered = await routeAnswer(base.gateway!, `${url.pathname}${url.search}`);
    expect(tampered.status).toBe(403);
    expect(JSON.parse(text(tampered))).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    // Another notice's number under this link's signature: refused too.
    const [other] = await sql<{ number: string }>('SELECT number FROM environment.credit_notice WHERE number <> $1 LIMIT 1', [notice.number]);
    if (other) expect((await routeAnswer(base.gateway!, `/notices/${encodeURIComponent(other.number)}${new URL(notice.printUrl, 'http://hub.invalid').search}`)).status).toBe(403);
    const expired = await routeAnswer(base.gateway!, signNoticeLink(notice.number, Math.floor(Date.now() / 1000) - 60, notice.printUrl));
    expect(expired.status).toBe(410);
    expect(JSON.parse(text(expired))).toMatchObject({ errors: [{ extensions: { code: 'LINK_EXPIRED' } }] });
  }, 60_000);

  it('the price list CSV is the all-in-one one, byte for byte, in both encodings and for each caller', async () => {
    const [year, month] = today().split('-').map(Number);
    const period = month > 6 ? `${year}-H1` : `${year - 1}-H2`;
    const path = `/exports/price-surcharges.csv?period=${period}`;
    const list = await routeAnswer(base.gateway!, path, 'demo-utility');
    expect(list.status).toBe(200);
    expect(list.contentType).toBe('text/csv; charset=utf-8');
    expect(text(list)).toMatch(/^\uFEFF统一社会信用代码,/);
    expect(list).toEqual(await routeAnswer(allInOneOrigin, path, 'demo-utility'));
    // The seeded city has surcharged subjects in the last decided half-year: the rows crossed the link.
    expect(text(list).trim().split('\n').length).toBeGreaterThan(1);
    for (const [asked, key] of [
      [`${path}&encoding=gb18030`, 'demo-env-admin'],
      [path, 'demo-dashboard'],
      [path, 'demo-env-officer-haizhou'],
      [path, 'demo-bank'],
      [path, undefined],
      ['/exports/price-surcharges.csv?period=2026-H3', 'demo-utility'],
      [`/exports/price-surcharges.csv?period=${year + 1}-H2`, 'demo-utility'],
    ] as const) {
      expect({ asked, key, ...(await routeAnswer(base.gateway!, asked, key)) }).toEqual({ asked, key, ...(await routeAnswer(allInOneOrigin, asked, key)) });
    }
  }, 60_000);
});

const environmentRows = () =>
  sql<{ events: string; notices: string; changes: string }>(
    `SELECT (SELECT count(*) FROM environment.credit_event) AS events, (SELECT count(*) FROM environment.credit_notice) AS notices,
            (SELECT count(*) FROM environment.change_outbox) AS changes`,
  );

/** demo-env-admin records a warning for the showcase subject under a fresh decision number. */
function recordWarning(decisionNo: string) {
  return graphql<{ recordCreditEvent: unknown }>(
    'mutation Record($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }',
    { input: { uscc: DEMO_SHOWCASE_USCC, type: 'WARNING', occurredOn: new Date().toISOString().slice(0, 10), decisionNo } },
    { authorization: 'Bearer demo-env-admin' },
  );
}

describe('a department that stalls or dies', () => {
  it('frozen (SIGSTOP): the bank check answers 200 within 3 s with the other departments\' fields; the circuit opens; after SIGCONT a full answer again', async () => {
    const environment = processes.environment!;
    const gateway = processes.gateway!;
    environment.signal('SIGSTOP');
    try {
      const partial = await bankCheck();
      // The bound the issue sets: a stalled department costs one fetch timeout (2 s), not the request's 60 s.
      expect(partial.elapsedMs).toBeLessThan(3_000);
      expect(partial.status).toBe(200);
      expect(partial.data!.enterprise).toMatchObject({ uscc: DEMO_SHOWCASE_USCC, name: expected.name, envCredit: null });
      expect(partial.errors!.length).toBeGreaterThan(0);
      for (const error of partial.errors!) expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', department: 'environment' });
      expect(partial.errors!.map((error) => error.path)).toContainEqual(['enterprise', 'envCredit']);
      expect(partial.errors!.map((error) => error.extensions?.code)).not.toContain('QUERY_TOO_COMPLEX');

      // Readiness sees it: the gateway and market, which asks environment for facts; market itself stays up for the gateway.
      const gatewayReady = await readiness('gateway');
      expect(gatewayReady.status).toBe(503);
      expect(gatewayReady.body.checks['subgraph:environment'].status).toBe('down');
      expect(gatewayReady.body.checks['subgraph:market']).toEqual({ status: 'up' });
      const marketReady = await readiness('market');
      expect(marketReady.status).toBe(503);
      expect(marketReady.body.checks['subgraph:environment'].status).toBe('down');
      expect(marketReady.body.checks.database).toEqual({ status: 'up' });

      // Failures in a row open the gateway's circuit for environment; then the partial answer needs no wait at all.
      await askUntil(bankCheck, () => gateway.logs.some((line) => line.message === 'department circuit open' && line.department === 'environment'), 5);
      expect(gateway.logs.some((line) => line.message === 'department circuit open' && line.department === 'environment')).toBe(true);
      const whileOpen = await bankCheck();
      expect(whileOpen.status).toBe(200);
      expect(whileOpen.data!.enterprise).toMatchObject({ name: expected.name, envCredit: null });
      expect(whileOpen.errors![0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', department: 'environment' });
    } finally {
      environment.signal('SIGCONT');
    }
    // After the half-open wait, one probe fetch goes through, is answered, and closes the circuit.
    const full = await askUntil(bankCheck, (answer) => answer.errors === undefined);
    expect(full.status).toBe(200);
    expect(full.errors).toBeUndefined();
    expect(full.data!.enterprise).toMatchObject({ name: expected.name, envCredit: { color: expected.color }, creditRestriction: { level: expect.any(String) } });
    const circuit = gateway.logs.filter((line) => line.department === 'environment' && /^department circuit /.test(line.message)).map((line) => line.message);
    expect(circuit.slice(-2)).toEqual(['department circuit half-open', 'department circuit closed']);
    expect((await askUntil(() => readiness('gateway'), (ready) => ready.status === 200)).status).toBe(200);
  }, 90_000);

  it('killed: the answer keeps the other departments\' fields, HTTP 200, SERVICE_UNAVAILABLE naming it on the missing path', async () => {
    const finance = processes.finance!;
    finance.signal('SIGKILL');
    await finance.exited;
    const partial = await bankCheck();
    expect(partial.status).toBe(200);
    expect(partial.data!.enterprise).toEqual({ uscc: DEMO_SHOWCASE_USCC, name: expected.name, envCredit: { color: expected.color }, creditRestriction: null });
    expect(partial.errors).toEqual([
      { message: 'the finance department is unavailable: its part of the answer is missing', path: ['enterprise', 'creditRestriction'], extensions: { code: 'SERVICE_UNAVAILABLE', department: 'finance' } },
    ]);
    // Probes of other processes are remembered for a second: the next fresh one sees finance down.
    const ready = await askUntil(() => readiness('gateway'), (state) => state.status === 503, 20);
    expect(ready.status).toBe(503);
    expect(ready.body.checks['subgraph:finance'].error).toMatch(/unreachable/);
  }, 30_000);

  it('a mutation waiting on a frozen department: 503 naming it within the fetch timeout (environment asks it with less), nothing written', async () => {
    const market = processes.market!;
    const [before] = await environmentRows();
    const decisionNo = `ISOLATION-FROZEN-${Date.now()}`;
    market.signal('SIGSTOP');
    let answer: Awaited<ReturnType<typeof recordWarning>>;
    try {
      answer = await recordWarning(decisionNo);
    } finally {
      market.signal('SIGCONT');
    }
    expect(answer.status).toBe(503);
    // The bound: the fetch timeout (2 s), plus overhead.
    expect(answer.elapsedMs).toBeLessThan(3_000);
    expect(answer.retryAfter).not.toBeNull();
    // Environment's own call to market timed out first, so the error names market, not environment.
    expect(answer.errors!.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', department: 'market' })]);
    expect(await environmentRows()).toEqual([before]);
    expect(await sql('SELECT 1 FROM environment.credit_event WHERE decision_no = $1', [decisionNo])).toEqual([]);
    // Continued, market answers again (environment's circuit never opened for one failure).
    const again = await askUntil(() => recordWarning(`${decisionNo}-AGAIN`), (result) => result.status === 200, 20);
    expect(again.errors).toBeUndefined();
    expect(await sql('SELECT 1 FROM environment.credit_event WHERE decision_no = $1', [`${decisionNo}-AGAIN`])).toHaveLength(1);
  }, 60_000);

  it('a mutation that needs a dead department: 503 with Retry-After within 2 s, and nothing written', async () => {
    const credit = processes.credit!;
    credit.signal('SIGKILL');
    await credit.exited;
    const [before] = await environmentRows();
    const decisionNo = `ISOLATION-DEAD-${Date.now()}`;
    const answer = await recordWarning(decisionNo);
    // Environment asks credit (and market) for the notice's facts before its transaction opens.
    expect(answer.status).toBe(503);
    expect(answer.elapsedMs).toBeLessThan(2_000);
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    expect(answer.data?.recordCreditEvent ?? null).toBeNull();
    expect(answer.errors!.map((error) => error.extensions)).toEqual([expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', department: 'credit' })]);
    expect(await environmentRows()).toEqual([before]);
    expect(await sql('SELECT 1 FROM environment.credit_event WHERE decision_no = $1', [decisionNo])).toEqual([]);
  }, 30_000);
});

describe('the routes beside GraphQL when their department is down', () => {
  it('503 naming the department, with Retry-After (credit killed above; environment killed here)', async () => {
    const list = await routeAnswer(base.gateway!, '/exports/price-surcharges.csv?period=2025-H2', 'demo-utility');
    expect(list.status).toBe(503);
    expect(Number(list.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(text(list))).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', department: 'credit' } }] });
    const environment = processes.environment!;
    environment.signal('SIGKILL');
    await environment.exited;
    const [{ number }] = await sql<{ number: string }>('SELECT number FROM environment.credit_notice LIMIT 1');
    const page = await routeAnswer(base.gateway!, `/notices/${encodeURIComponent(number)}`, 'demo-env-admin');
    expect(page.status).toBe(503);
    expect(Number(page.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(text(page))).toMatchObject({ errors: [{ message: 'the environment department is unavailable: its part of the answer is missing', extensions: { code: 'SERVICE_UNAVAILABLE', department: 'environment' } }] });
  }, 30_000);
});
