import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startHub, type Hub } from '../src/hub/hub';
import { startSubgraphServer, type SubgraphServer } from '../src/gateway/subgraph-server';
import { loadConfig, type HubConfig } from '../src/shared/config';
import { commandContext, operatorPrincipal } from '../src/shared/context';
import { DEPARTMENTS } from '../src/shared/database';
import { SUBGRAPH_TOKEN_HEADER, signSubgraphToken } from '../src/shared/auth/subgraph-token';
import { INTERNAL_PRINCIPAL, remoteDepartment } from '../src/gateway/department-link';
import { DepartmentCalls } from '../src/gateway/department-calls';
import { today } from '../src/shared/dates';
import { CreateWebhookSubscriptionDocument, RecordEventDocument } from './generated/graphql';
import { CliProcess, ensureCliBuilt } from './support/cli-process';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, testHubOver, type CallOptions, type TestHub } from './support/test-hub';
import { waitFor, WebhookReceiver } from './support/webhook-receiver';

/**
 * Departments on their own databases (issue 22 §3, §8): environment as its own process on its own,
 * empty database; market, credit and finance as subgraph servers on a second one; two gateways on a
 * third, sharing it (and Redis). Everything a partner does goes through the gateways over HTTP.
 */

const ADMIN: CallOptions = { key: 'demo-env-admin' };
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function onServer<T>(work: (admin: Client) => Promise<T>, database?: string): Promise<T> {
  const url = new URL(inject('testServerUrl'));
  if (database) url.pathname = `/${database}`;
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** An empty database (not the run's migrated template): whatever schema it holds, a process migrated. */
async function blankDatabase(label: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `ecocredit_owndb_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await onServer((admin) => admin.query(`CREATE DATABASE "${name}"`));
  const url = new URL(inject('testServerUrl'));
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => onServer((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}

/** The tables of `schema` that exist in `database`. */
function tableExists(database: string, table: string): Promise<boolean> {
  return onServer(async (client) => (await client.query<{ found: string | null }>(`SELECT to_regclass($1)::text AS found`, [table])).rows[0].found !== null, database);
}

async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  const ports = await Promise.all(servers.map((server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)))));
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

async function redisAnswers(): Promise<boolean> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true, connectTimeout: 1_000, retryStrategy: () => null });
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}


let gatewayDb: Awaited<ReturnType<typeof blankDatabase>>;
let environmentDb: Awaited<ReturnType<typeof blankDatabase>>;
let othersDb: Awaited<ReturnType<typeof blankDatabase>>;
let environment: CliProcess;
const subgraphServers: SubgraphServer[] = [];
const gateways: Hub[] = [];
let first: TestHub;
let second: TestHub;
let dataDir: string;
let env: Record<string, string>;
let environmentOrigin: string;
let subgraphUrls: Record<string, string>;
const receivers: WebhookReceiver[] = [];

/** A gateway whose four departments are remote, on the gateway's database. */
async function gateway(overrides: Partial<HubConfig> = {}): Promise<Hub> {
  const base = loadConfig({ ...env, HUB_DATA_DIR: dataDir });
  const hub = await startHub({
    config: { ...base, databaseUrl: gatewayDb.url, port: 0, demo: true, webhooks: { ...base.webhooks, enabled: false }, ...overrides },
    remote: DEPARTMENTS,
  });
  gateways.push(hub);
  return hub;
}

beforeAll(async () => {
  ensureCliBuilt();
  [gatewayDb, environmentDb, othersDb] = await Promise.all([blankDatabase('gateway'), blankDatabase('environment'), blankDatabase('others')]);
  dataDir = mkdtempSync(join(tmpdir(), 'ecocredit-owndb-'));
  const ports = await freePorts(4);
  const urls = Object.fromEntries(DEPARTMENTS.map((department, i) => [department, `http://127.0.0.1:${ports[i]}/graphql`]));
  environmentOrigin = `http://127.0.0.1:${ports[0]}`;
  subgraphUrls = urls;
  env = {
    HUB_SUBGRAPH_SECRET: randomBytes(32).toString('hex'),
    HUB_SUBGRAPH_URLS: Object.entries(urls)
      .map(([department, url]) => `${department}=${url}`)
      .join(','),
    HUB_AUDIT_KEY: randomBytes(32).toString('hex'),
  };
  // The environment department: its own process, its own database, migrating its own schema at start.
  environment = new CliProcess(['start', 'environment'], { ...env, DATABASE_URL: environmentDb.url, PORT: String(ports[0]), HUB_DATA_DIR: dataDir });
  // Market, credit and finance on a second database (each migrates its schema there).
  for (const department of ['market', 'credit', 'finance'] as const) {
    const config = { ...loadConfig({ ...env, DATABASE_URL: othersDb.url, HUB_DATA_DIR: dataDir }) };
    subgraphServers.push(await startSubgraphServer({ department, config, port: ports[DEPARTMENTS.indexOf(department)] }));
  }
  await environment.waitForStdout(/ecocredit environment subgraph/);
  // Two gateways on one database: the audit chain, webhooks and jobs are shared through it.
  const webhooks = { ...loadConfig().webhooks, enabled: true, allowPrivate: true, retryScheduleMs: [300, 600], relayIntervalMs: 250, pollIntervalMs: 100, timeoutMs: 2_000 };
  first = testHubOver(await gateway({ webhooks }));
  second = testHubOver(await gateway({ webhooks }));
}, 240_000);

afterAll(async () => {
  for (const hub of gateways) await hub.stop().catch(() => undefined);
  for (const server of subgraphServers) await server.stop().catch(() => undefined);
  await environment?.kill();
  for (const receiver of receivers) await receiver.stop();
  for (const database of [gatewayDb, environmentDb, othersDb]) await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('a department on its own database', () => {
  it('ran its migrations in its own database, not in the gateway’s', async () => {
    expect(await tableExists(environmentDb.name, 'environment.rated_subject')).toBe(true);
    expect(await tableExists(environmentDb.name, 'environment.audit_outbox')).toBe(true);
    expect(await tableExists(environmentDb.name, 'gateway.audit_log')).toBe(false);
    expect(await tableExists(environmentDb.name, 'market.registration')).toBe(false);
    expect(await tableExists(gatewayDb.name, 'gateway.audit_log')).toBe(true);
    for (const table of ['environment.rated_subject', 'market.registration', 'credit.audit_outbox', 'finance.audit_outbox']) {
      expect(await tableExists(gatewayDb.name, table)).toBe(false);
    }
    expect(await tableExists(othersDb.name, 'market.registration')).toBe(true);
    expect(await tableExists(othersDb.name, 'environment.rated_subject')).toBe(false);
  });

  it('answers through either gateway, its writes audited in the one chain as in the all-in-one mode', async () => {
    const uscc = await ratedEnterprise(first);
    const recorded = await second.execute(RecordEventDocument, { input: { uscc, type: 'SUSPENSION_ORDER', occurredOn: today() } }, ADMIN);
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordCreditEvent.ratingAfter.color).toBe('YELLOW');
    // Read through the other gateway: market's name and environment's colour, each from its own database.
    const read = await first.request<{ enterprise: { name: string; envCredit: { color: string }; envCreditEvents: { id: string }[] } }>(
      `query($uscc: USCC!) { enterprise(uscc: $uscc) { name envCredit { color } envCreditEvents { id } } }`,
      { uscc },
      ADMIN,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.enterprise.envCredit.color).toBe('YELLOW');
    expect(read.data!.enterprise.envCreditEvents.map((event) => event.id)).toContain(recorded.data!.recordCreditEvent.event.id);
    const [stored] = await onServer((client) => client.query<{ color: string }>(`SELECT current_color AS color FROM environment.rated_subject WHERE uscc = $1`, [uscc]), environmentDb.name).then((r) => r.rows);
    expect(stored.color).toBe('YELLOW');

    // Each department's write is chained from its outbox (taken over its link), once, and the outbox emptied.
    const chained = await waitFor('the writes chained', async () => {
      const rows = await first.sql<{ source_department: string; fields: string[] }>(
        `SELECT source_department, fields FROM gateway.audit_log WHERE $1 = ANY(usccs) AND source_department IS NOT NULL ORDER BY id`,
        [uscc],
      );
      return rows.length >= 2 && rows;
    });
    expect(chained.map((row) => [row.source_department, row.fields[0]])).toEqual([
      ['market', 'Mutation.registerEnterprise'],
      ['environment', 'Mutation.recordCreditEvent'],
    ]);
    await waitFor('the environment outbox emptied', async () => {
      const [{ count }] = await onServer((client) => client.query<{ count: string }>(`SELECT count(*)::text AS count FROM environment.audit_outbox`), environmentDb.name).then((r) => r.rows);
      return count === '0';
    });
    expect(await first.hub.audit.verifyChain()).toMatchObject({ ok: true });
  });

  it('notifies its changes to webhook subscribers, from its own change outbox', async () => {
    const endpoint = await WebhookReceiver.start();
    receivers.push(endpoint);
    const subscribed = await first.execute(CreateWebhookSubscriptionDocument, { input: { url: endpoint.url, eventTypes: ['COLOR_CHANGED'] } }, ADMIN);
    expect(subscribed.errors).toBeUndefined();
    const uscc = await ratedEnterprise(second);
    expect((await second.execute(RecordEventDocument, { input: { uscc, type: 'SUSPENSION_ORDER', occurredOn: today() } }, ADMIN)).errors).toBeUndefined();
    const delivered = await waitFor('the colour change delivered', () => {
      const bodies = [...endpoint.delivered().values()].map((entry) => JSON.parse(entry.body) as { type: string; data: { uscc: string; color: string } });
      const mine = bodies.filter((body) => body.data.uscc === uscc);
      return mine.length > 0 && mine;
    });
    expect(delivered.map((body) => [body.type, body.data.color])).toEqual([['COLOR_CHANGED', 'YELLOW']]);
    const [{ count }] = await onServer((client) => client.query<{ count: string }>(`SELECT count(*)::text AS count FROM environment.change_outbox WHERE uscc = $1`, [uscc]), environmentDb.name).then((r) => r.rows);
    expect(count).toBe('0');
  });

  it('keeps one audit chain when two gateways chain at once', async () => {
    const usccs = await Promise.all([ratedEnterprise(first), ratedEnterprise(second), ratedEnterprise(first), ratedEnterprise(second)]);
    const answers = await Promise.all(
      usccs.flatMap((uscc, i) =>
        [first, second].map((via) => via.execute(RecordEventDocument, { input: { uscc, type: 'WARNING', occurredOn: today(), decisionNo: `OWNDB-${i}-${via === first ? 1 : 2}` } }, ADMIN)),
      ),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const rows = await waitFor('every write chained', async () => {
      const found = await first.sql<{ request_id: string }>(
        `SELECT request_id FROM gateway.audit_log WHERE fields[1] = 'Mutation.recordCreditEvent' AND source_department = 'environment' AND usccs && $1::text[]`,
        [usccs],
      );
      return found.length >= answers.length && found;
    });
    expect(rows).toHaveLength(answers.length);
    expect(await second.hub.audit.verifyChain()).toMatchObject({ ok: true });
  });
});

describe('the department link (POST /internal/<procedure>)', () => {
  const peek = async (token: string | null, body = { limit: 10 }) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers[SUBGRAPH_TOKEN_HEADER] = token;
    return fetch(`${environmentOrigin}/internal/audit-outbox.peek`, { method: 'POST', headers, body: JSON.stringify(body) });
  };
  const sign = (principal = INTERNAL_PRINCIPAL, variables: Record<string, unknown> = { limit: 10 }, department = 'environment') =>
    signSubgraphToken(principal, 'test', new TextEncoder().encode(env.HUB_SUBGRAPH_SECRET), { department, operation: { query: 'internal:audit-outbox.peek', operationName: null, variables } });

  it('answers the hub’s signed call once, and refuses anything else', async () => {
    const token = await sign();
    const answered = await peek(token);
    expect(answered.status).toBe(200);
    expect(Array.isArray(((await answered.json()) as { result: unknown }).result)).toBe(true);
    // Replayed, unsigned, for another body, for another department, or a partner's principal: refused.
    expect((await peek(token)).status).toBe(401);
    expect((await peek(null)).status).toBe(401);
    expect((await peek(await sign(), { limit: 11 })).status).toBe(401);
    expect((await peek(await sign(INTERNAL_PRINCIPAL, { limit: 10 }, 'market'))).status).toBe(401);
    const bank = { clientId: '5', clientName: 'demo bank', role: 'BANK' as const, agency: null, districtCode: null, purpose: 'CREDIT_REVIEW' };
    expect((await peek(await sign(bank))).status).toBe(401);
  });

  it('runs the daily jobs’ parts in the department that owns the data', async () => {
    const secret = new TextEncoder().encode(env.HUB_SUBGRAPH_SECRET);
    const link = (department: 'environment' | 'credit' | 'finance') => remoteDepartment(department, subgraphUrls[department], secret, new DepartmentCalls(loadConfig(env).subgraphCalls));
    const day = today();
    expect(await link('environment').call('ratings.refresh-due', { day })).toMatchObject({ day, refreshed: expect.any(Number) as number, colorChanged: expect.any(Number) as number });
    expect(Array.isArray(await link('credit').call('measures.change-days', { from: '2026-01-01', to: '2026-12-31' }))).toBe(true);
    expect(Array.isArray(await link('credit').call('listings.designated-between', { listTypes: [], from: '2026-01-01', to: day }))).toBe(true);
    const restrictionDays = await link('finance').call('restrictions.change-days', { from: '2020-01-01', to: day });
    expect(Array.isArray(restrictionDays)).toBe(true);
    // A procedure the department does not own is refused, not run elsewhere.
    await expect(link('finance').call('ratings.refresh-due', { day })).rejects.toThrow(/finance refused ratings.refresh-due: HTTP 404/);
  });
});

describe('the command line with the departments on their own databases', () => {
  it('`ecocredit export` runs as a gateway on the gateways’ database, the departments over HUB_SUBGRAPH_URLS: the file a partner downloads', async () => {
    const uscc = await ratedEnterprise(first);
    const out = join(dataDir, 'public-ratings.csv');
    // HUB_DEMO: the demo keys the other gateways use stay valid (a start without demo mode revokes them).
    const exported = new CliProcess(['export', 'public-ratings', '--out', out], { ...env, DATABASE_URL: gatewayDb.url, HUB_DATA_DIR: dataDir, HUB_DEMO: '1', HUB_WEBHOOKS: '0' });
    expect(await exported.exited, exported.output()).toEqual({ code: 0, signal: null });
    const file = readFileSync(out);
    expect(file.toString('utf8')).toContain(uscc);
    const downloaded = await fetch(new URL('/exports/public-ratings.csv', first.hub.url), { headers: { authorization: 'Bearer demo-env-admin' } });
    expect(downloaded.status).toBe(200);
    expect(file).toEqual(Buffer.from(await downloaded.arrayBuffer()));
  }, 120_000);

  it('`ecocredit import` on a department’s own database is refused before anything is written, naming what to do', async () => {
    const feed = join(dataDir, 'legacy.csv');
    writeFileSync(feed, 'uscc,ratedOn,score\n');
    const before = await onServer((client) => client.query<{ schema: string }>(`SELECT nspname AS schema FROM pg_namespace WHERE nspname IN ('gateway', 'market', 'credit', 'finance')`), environmentDb.name);
    const imported = new CliProcess(['import', 'legacy-ratings', feed], { ...env, DATABASE_URL: environmentDb.url, HUB_DATA_DIR: dataDir });
    expect(await imported.exited, imported.output()).toEqual({ code: 1, signal: null });
    expect(imported.output()).toMatch(/ecocredit import needs one database holding every schema, and this DATABASE_URL lacks gateway, market, credit, finance .*nothing was applied.*docs\/operations\.md/s);
    // No empty schemas were created beside the department's own.
    expect((await onServer((client) => client.query(`SELECT nspname FROM pg_namespace WHERE nspname IN ('gateway', 'market', 'credit', 'finance')`), environmentDb.name)).rows).toEqual(before.rows);
    expect(before.rows).toEqual([]);
  }, 60_000);
});

describe('two gateways on one database and one Redis', () => {
  it('share the rate limit of a client', async (context) => {
    if (!(await redisAnswers())) context.skip();
    // The first two gateways leave first: the shared server's connections are few.
    for (const done of gateways.splice(0)) await done.stop();
    const limited = { redisUrl, rateLimit: { requests: 4, windowMs: 60_000 } };
    const [a, b] = [testHubOver(await gateway(limited)), testHubOver(await gateway(limited))];
    // A client of its own, with an id no other run on this Redis uses.
    await a.sql(`SELECT setval(pg_get_serial_sequence('gateway.api_client', 'id'), $1)`, [1_000_000_000 + Math.floor(Math.random() * 1_000_000_000)]);
    const { key } = await a.hub.clients.create(commandContext(operatorPrincipal('test'), 'Command.clients.create'), { name: 'rate-limit probe', role: 'DASHBOARD' });
    const ask = (via: TestHub) => via.request(`{ measureCatalog { code } }`, undefined, { headers: { authorization: `Bearer ${key}` } });
    for (const via of [a, b, a, b]) expect((await ask(via)).errors).toBeUndefined();
    const over = await ask(b);
    expect(over.status).toBe(429);
    expect(errorCodes(over)).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await ask(a))).toEqual(['RATE_LIMITED']);
  });
});
