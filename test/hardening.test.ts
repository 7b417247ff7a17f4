import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { parse as parseCsv } from 'csv-parse/sync';
import { buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed, summaryLine } from '../src/cli/import/import.command';
import { answerProbe, metricsListener } from '../src/gateway/http-server';
import { guardOperation } from '../src/gateway/operation-guard';
import { loadConfig } from '../src/shared/config';
import { checkReadiness } from '../src/shared/readiness';
import { newUscc, ratedEnterprise } from './support/fixtures';
import { expectNoLeaks } from './support/leaks';
import { errorCodes, startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/*
 * Issue 23's hardening list, through the real hub: invalid DateTime, concurrent first registrations,
 * formula cells in the CSV exports, framing headers on every page, /metrics access, and Idempotency-Key
 * replays on the audit trail. (Webhook endpoint addresses: src/apps/webhooks/endpoint-guard.spec.ts.)
 */

let hub: TestHub;
let base: string;

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 20 });
  base = hub.hub.url.replace(/\/graphql$/, '');
});

afterAll(async () => {
  if (hub) expectNoLeaks(hub.responses);
  await hub?.stop();
});

const REGISTER = `mutation Register($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { uscc name districtCode } }`;
const ADMIN = { key: 'demo-env-admin' };

function ok<T>(response: GraphqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

describe('DateTime arguments', () => {
  it('answers BAD_USER_INPUT naming the value for a day that does not exist, as a literal and as a variable', async () => {
    const literal = await hub.request(`mutation { replayWebhookDeliveries(subscriptionId: "1", since: "2026-02-30T00:00:00Z") }`, undefined, { key: 'demo-bank', purpose: 'CREDIT_REVIEW' });
    expect(errorCodes(literal), JSON.stringify(literal.errors)).toEqual(['BAD_USER_INPUT']);
    expect(literal.errors![0].message).toContain('2026-02-30T00:00:00Z');
    const variable = await hub.request(
      `mutation Replay($since: DateTime!) { replayWebhookDeliveries(subscriptionId: "1", since: $since) }`,
      { since: '2026-02-30T00:00:00Z' },
      { key: 'demo-bank', purpose: 'CREDIT_REVIEW' },
    );
    expect(errorCodes(variable)).toEqual(['BAD_USER_INPUT']);
    expect(variable.errors![0].message).toContain('2026-02-30T00:00:00Z');
    const wrongShape = await hub.request(`mutation Replay($since: DateTime!) { replayWebhookDeliveries(subscriptionId: "1", since: $since) }`, { since: 'yesterday' }, { key: 'demo-bank', purpose: 'CREDIT_REVIEW' });
    expect(errorCodes(wrongShape)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('concurrent first registrations of one code', () => {
  it('answers all 150 with the registration (no INTERNAL) and stores one row', async () => {
    const uscc = newUscc('320706');
    const input = { uscc, name: '并发登记测试企业', districtCode: '320706' };
    const answers = await Promise.all(Array.from({ length: 150 }, () => hub.request<{ registerEnterprise: { uscc: string; name: string } }>(REGISTER, { input }, ADMIN)));
    const codes = answers.flatMap(errorCodes);
    expect(codes.filter((code) => code === 'INTERNAL')).toEqual([]);
    expect(codes).toEqual([]);
    for (const answer of answers) expect(answer.data?.registerEnterprise).toEqual({ uscc, name: '并发登记测试企业', districtCode: '320706' });
    const rows = await hub.hub.sources.market.query(`SELECT count(*)::int AS n FROM market.registration WHERE uscc = $1`, [uscc]);
    expect(rows).toEqual([{ n: 1 }]);
  });
});

describe('CSV exports and formula cells', () => {
  // (A leading tab or CR is trimmed from a registered name; safeCsvCell's spec covers those.)
  const names = ['=HYPERLINK("http://evil.example","x")', '+1+cmd', "-2+3+cmd|' /C calc'!A0", '@SUM(A1:A2)'];
  const codes: string[] = [];

  beforeAll(async () => {
    for (const name of names) codes.push(await ratedEnterprise(hub, { name }));
  });

  const rowsOf = (text: string) => parseCsv<Record<string, string>>(text.replace(/^\uFEFF/, ''), { columns: true, relax_column_count: true });

  it('writes names that begin with = + - @ tab or CR as text in the anonymous public ratings', async () => {
    const response = await fetch(`${base}/exports/public-ratings.csv`);
    expect(response.status).toBe(200);
    const rows = rowsOf(await response.text());
    for (const [index, uscc] of codes.entries()) {
      const row = rows.find((candidate) => candidate.uscc === uscc);
      expect(row, uscc).toBeDefined();
      expect(row!.name).toBe(`'${names[index]}`);
    }
    // Every other cell is as it was: no cell of the file begins with a formula character.
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
  });

  it('does the same in a bank portfolio, and leaves codes and plain values unchanged', async () => {
    const response = await fetch(`${base}/exports/portfolio.csv?codes=${codes.join(',')}`, { headers: { authorization: 'Bearer demo-bank', 'x-access-purpose': 'CREDIT_REVIEW' } });
    expect(response.status).toBe(200);
    const rows = rowsOf(await response.text());
    expect(rows.map((row) => row.uscc)).toEqual(codes);
    expect(rows.map((row) => row.name)).toEqual(names.map((name) => `'${name}`));
    expect(rows.every((row) => row.known === 'true')).toBe(true);
  });

  it('flags such a name when it is registered (accepted, and told on the answer)', async () => {
    const FLAGGED = `mutation Register($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { name nameLooksLikeFormula } }`;
    const flagged = await hub.request<{ registerEnterprise: { name: string; nameLooksLikeFormula: boolean } }>(FLAGGED, { input: { uscc: newUscc('320706'), name: '=1+2', districtCode: '320706' } }, ADMIN);
    expect(ok(flagged).registerEnterprise).toEqual({ name: '=1+2', nameLooksLikeFormula: true });
    const plain = await hub.request<{ registerEnterprise: { name: string; nameLooksLikeFormula: boolean } }>(FLAGGED, { input: { uscc: newUscc('320706'), name: '连云港-示例公司', districtCode: '320706' } }, ADMIN);
    expect(ok(plain).registerEnterprise).toEqual({ name: '连云港-示例公司', nameLooksLikeFormula: false });
  });

  it('flags such a name when it is imported (a note with its line, counted in the summary)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecocredit-hardening-'));
    try {
      const file = join(dir, 'registrations.csv');
      const [formula, plain] = [newUscc('320706'), newUscc('320706')];
      writeFileSync(file, ['uscc,name,district_code', `${formula},"@SUM(1+1)*cmd",320706`, `${plain},普通企业,320706`].join('\n'));
      const notes: string[] = [];
      const summary = await importFeed(hub.hub.sources, 'registrations', file, { encoding: 'utf8', progress: (line) => notes.push(line) });
      expect(summary).toMatchObject({ imported: 2, rejected: 0, formulaNames: 1 });
      expect(notes.filter((line) => line.includes('formula'))).toEqual([expect.stringMatching(/^line 2: name "@SUM\(1\+1\)\*cmd" begins with "@"/)]);
      expect(summaryLine(summary)).toContain('names flagged as formula-like 1');
      expect(await hub.hub.sources.market.query(`SELECT name FROM market.registration WHERE uscc = $1`, [formula])).toEqual([{ name: '@SUM(1+1)*cmd' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('framing', () => {
  const framed = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${base}${path}`, init);
    await response.arrayBuffer();
    return { status: response.status, frameOptions: response.headers.get('x-frame-options'), csp: response.headers.get('content-security-policy') ?? '' };
  };

  it("sends frame-ancestors 'none' and X-Frame-Options DENY with every page and answer", async () => {
    const paths: [string, RequestInit?][] = [
      ['/public'],
      ['/dashboard'],
      ['/graphiql'],
      ['/verify/XYBG-2026-00000001', { headers: { accept: 'text/html' } }],
      ['/verify/XYBG-2026-00000001?format=html'],
      ['/notices/NOPE-1'],
      ['/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }],
      ['/no-such-page'],
    ];
    for (const [path, init] of paths) {
      const answer = await framed(path, init);
      expect(answer.frameOptions, path).toBe('DENY');
      expect(answer.csp, path).toContain("frame-ancestors 'none'");
    }
    // The pages keep their own full policy (with frame-ancestors), not only the default.
    expect((await framed('/public')).csp).toContain("default-src 'self'");
  });
});

describe('/metrics', () => {
  let server: Server;
  let url: string;
  let access: { token: string | undefined; production: boolean };

  beforeAll(async () => {
    server = createServer((request, response) => {
      void answerProbe(request, response, () => checkReadiness({}, false), undefined, access).then((answered) => {
        if (!answered) response.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const read = async (headers: Record<string, string> = {}) => {
    const response = await fetch(url, { headers });
    const body = await response.text();
    return { status: response.status, body };
  };

  it('needs the metrics key when HUB_METRICS_TOKEN is set, and is refused in production without one', async () => {
    expect(loadConfig({ HUB_METRICS_TOKEN: 's3cret-metrics', HUB_METRICS_ADDRESS: '127.0.0.1:9464' }).metrics).toEqual({ token: 's3cret-metrics', address: '127.0.0.1:9464' });
    access = { token: 's3cret-metrics', production: true };
    expect((await read()).status).toBe(401);
    expect((await read({ authorization: 'Bearer wrong' })).status).toBe(401);
    const allowed = await read({ authorization: 'Bearer s3cret-metrics' });
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain('# HELP');
    access = { token: undefined, production: true };
    const refused = await read({ authorization: 'Bearer s3cret-metrics' });
    expect(refused.status).toBe(401);
    expect(refused.body).toContain('HUB_METRICS_TOKEN');
    access = { token: undefined, production: false };
    expect((await read()).status).toBe(200);
  });

  it('serves keyless metrics on HUB_METRICS_ADDRESS only at a private or loopback address', async () => {
    await expect(metricsListener('0.0.0.0:0')).rejects.toThrow(/not a private or loopback address/);
    await expect(metricsListener('8.8.8.8:0')).rejects.toThrow(/not a private or loopback address/);
    await expect(metricsListener('metrics.internal:9464')).rejects.toThrow(/literal IP address/);
    const listener = await metricsListener('127.0.0.1:0');
    try {
      const port = (listener.address() as AddressInfo).port;
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('# HELP');
      const other = await fetch(`http://127.0.0.1:${port}/graphql`);
      expect(other.status).toBe(404);
      await other.arrayBuffer();
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });
});

describe('Idempotency-Key replays', () => {
  const FEEDBACK = `mutation Feedback($input: MeasureFeedbackInput!) { reportMeasureFeedback(input: $input) { id businessRef agency } }`;

  it('are audited with the replaying request’s purpose and the subjects the answer shows', async () => {
    const uscc = await ratedEnterprise(hub);
    const key = `replay-audit-${uscc}`;
    const input = { uscc, measureCode: 'BANK_CREDIT_STOP', outcome: 'APPLIED', appliedOn: new Date().toISOString().slice(0, 10), businessRef: `R-${uscc}` };
    const first = await hub.request(FEEDBACK, { input }, { key: 'demo-bank', purpose: 'CREDIT_REVIEW', headers: { 'idempotency-key': key } });
    ok(first);
    const replay = await hub.request(FEEDBACK, { input }, { key: 'demo-bank', purpose: 'LOAN_APPLICATION', headers: { 'idempotency-key': key } });
    expect(replay.headers!.get('idempotent-replayed')).toBe('true');
    expect(ok(replay)).toEqual(ok(first));
    const requestId = replay.headers!.get('x-request-id');
    const records = await hub.sql<{ purpose: string; operation_name: string; usccs: string[]; client_id: string; outcome: string }>(
      `SELECT purpose, operation_name, usccs, client_id, outcome FROM gateway.audit_log WHERE request_id = $1`,
      [requestId],
    );
    expect(records).toEqual([{ purpose: 'LOAN_APPLICATION', operation_name: 'Feedback (Idempotency-Key replay)', usccs: [uscc], client_id: expect.any(String), outcome: 'OK' }]);
  });
});

describe('the explorer and the schema file', () => {
  it('lets the standard introspection query (GraphiQL’s) through the guard where introspection is answered', async () => {
    const answer = await hub.request<{ __schema: { queryType: { name: string }; types: { name: string }[] } }>(getIntrospectionQuery(), undefined, {});
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.__schema.queryType.name).toBe('Query');
    expect(answer.data!.__schema.types.map((type) => type.name)).toContain('Enterprise');
    // The same depth with anything else at the root is still refused.
    const mixed = getIntrospectionQuery().replace('__schema {', `__typename\n    __schema {`);
    const refused = await hub.request(mixed, undefined, {});
    expect(errorCodes(refused)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(refused.errors![0].message).toMatch(/levels deep; at most 10/);
  });

  it('keeps the depth limit for introspection where it is not answered, and every other limit for it', () => {
    const limits = loadConfig({}).limits;
    expect(() => guardOperation({ query: getIntrospectionQuery() }, { ...limits, introspection: false }, undefined)).toThrow(/levels deep; at most 10/);
    expect(guardOperation({ query: getIntrospectionQuery() }, { ...limits, introspection: true }, undefined)?.topLevelFields).toEqual(['__schema']);
    expect(() => guardOperation({ query: getIntrospectionQuery() }, { ...limits, introspection: true, maxSelections: 50 }, undefined)).toThrow(/at most 50 are allowed/);
    const tooDeep = `{ __type(name: "Query") { ${'fields { type { '.repeat(11)}name${' } }'.repeat(11)} } }`;
    expect(() => guardOperation({ query: tooDeep }, { ...limits, introspection: true }, undefined)).toThrow(/levels deep; at most 20/);
  });

  it('serves the API schema as a file to authenticated clients, not to PUBLIC', async () => {
    const anonymous = await fetch(`${base}/schema.graphql`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const file = await fetch(`${base}/schema.graphql`, { headers: { authorization: 'Bearer demo-bank', 'x-access-purpose': 'CREDIT_REVIEW' } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/graphql');
    const text = await file.text();
    const committed = readFileSync(join(__dirname, '..', 'schema', 'api.graphql'), 'utf8');
    expect(printSchema(lexicographicSortSchema(buildSchema(text)))).toBe(printSchema(lexicographicSortSchema(buildSchema(committed))));
    const again = await fetch(`${base}/schema.graphql`, { headers: { authorization: 'Bearer demo-env-admin', 'if-none-match': file.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
