import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_VIEWS } from '../src/apps/exports/export-views';
import { EXPORT_CATALOG } from '../src/cli/export-catalog';
import { CITY_DISTRICTS } from '../src/shared/divisions';
import { today } from '../src/shared/dates';
import { withCheckCharacter } from '../src/shared/uscc';
import { SearchEnterprisesDocument, type SearchEnterprisesQuery } from './generated/graphql';
import { ensureCliBuilt } from './support/cli-process';
import { startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

let hub: TestHub;
let dir: string;
const base = () => hub.hub.url.replace(/\/graphql$/, '');
const BOM = '\uFEFF';

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 560 });
  dir = mkdtempSync(join(tmpdir(), 'ecocredit-exports-'));
});

afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function download(path: string, options: { key?: string; purpose?: string; method?: string; body?: string } = {}): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const headers: Record<string, string> = {};
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.purpose) headers['x-access-purpose'] = options.purpose;
  const response = await fetch(`${base()}${path}`, { method: options.method ?? 'GET', headers, body: options.body });
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()) };
}

const rowsOf = (text: string) => parse<Record<string, string>>(text, { columns: true, bom: true });

/** Every subject PUBLIC's searchEnterprises gives, page by page. */
async function publicSearch(): Promise<SearchEnterprisesQuery['searchEnterprises']['edges'][number]['node'][]> {
  const nodes: SearchEnterprisesQuery['searchEnterprises']['edges'][number]['node'][] = [];
  let after: string | null = null;
  for (;;) {
    const page: GraphqlResponse<SearchEnterprisesQuery> = await hub.execute(SearchEnterprisesDocument, { first: 200, after }, {});
    nodes.push(...page.data!.searchEnterprises.edges.map((edge) => edge.node));
    if (!page.data!.searchEnterprises.pageInfo.hasNextPage) return nodes;
    after = page.data!.searchEnterprises.pageInfo.endCursor!;
  }
}

describe('GET /exports/public-ratings.csv', () => {
  it('is the public rating list exactly as PUBLIC searchEnterprises answers it, UTF-8 with a BOM', async () => {
    const file = await download('/exports/public-ratings.csv');
    expect(file.status).toBe(200);
    expect(file.type).toBe('text/csv; charset=utf-8');
    const text = file.bytes.toString('utf8');
    expect(text.startsWith(BOM)).toBe(true);
    expect(text.slice(1).split('\n')[0]).toBe('uscc,name,districtCode,districtName,color,ratedOn');
    const api = await publicSearch();
    expect(rowsOf(text)).toEqual(
      api.map((node) => ({ uscc: node.uscc, name: node.name, districtCode: node.districtCode, districtName: CITY_DISTRICTS[node.districtCode] ?? '', color: node.envCredit!.color, ratedOn: today() })),
    );
  });

  it('in GB18030 says the same, without a BOM', async () => {
    const utf8 = (await download('/exports/public-ratings.csv')).bytes.toString('utf8').slice(1);
    const gb = await download('/exports/public-ratings.csv?encoding=gb18030', { key: 'demo-dashboard' });
    expect(gb.status).toBe(200);
    expect(gb.type).toBe('text/csv; charset=GB18030');
    expect(gb.bytes.subarray(0, 3).equals(Buffer.from(BOM, 'utf8'))).toBe(false);
    expect(iconv.decode(gb.bytes, 'gb18030')).toBe(utf8);
    // Chinese names really are GB18030 bytes, not UTF-8.
    expect(gb.bytes.includes(Buffer.from('有限公司', 'utf8'))).toBe(false);
    expect(gb.bytes.includes(iconv.encode('有限公司', 'gb18030'))).toBe(true);
  });

  it('writes one audit record naming the view and its row count', async () => {
    const before = await hub.sql<{ count: string }>(`SELECT COUNT(*) AS count FROM gateway.audit_log WHERE operation_name LIKE 'export public-ratings:%' AND role = 'MARKET_REGULATOR'`);
    const file = await download('/exports/public-ratings.csv', { key: 'demo-market' });
    const rows = rowsOf(file.bytes.toString('utf8')).length;
    const records = await hub.sql<{ operation_name: string; client_id: string; top_level_fields: string[] }>(
      `SELECT operation_name, client_id, top_level_fields FROM gateway.audit_log WHERE operation_name LIKE 'export public-ratings:%' AND role = 'MARKET_REGULATOR' ORDER BY id`,
    );
    expect(records.length).toBe(Number(before[0].count) + 1);
    expect(records.at(-1)!.operation_name).toBe(`export public-ratings: ${rows} rows (utf8, GET /exports/public-ratings.csv)`);
    expect(records.at(-1)!.top_level_fields).toEqual(['searchEnterprises']);
  });
});

describe('authentication and permissions', () => {
  it('refuses a bad key, a missing purpose, a role the view is not for, and unknown views, before any CSV', async () => {
    const cases: [string, Parameters<typeof download>[1], number, string][] = [
      ['/exports/public-ratings.csv', { key: 'not-a-key' }, 401, 'UNAUTHENTICATED'],
      ['/exports/portfolio.csv?codes=91320700MA1Q3K7P2H', { key: 'demo-bank' }, 403, 'FORBIDDEN'],
      ['/exports/portfolio.csv?codes=91320700MA1Q3K7P2H', { key: 'demo-utility', purpose: 'BILLING' }, 403, 'FORBIDDEN'],
      ['/exports/portfolio.csv?codes=91320700MA1Q3K7P2H', {}, 403, 'FORBIDDEN'],
      ['/exports/surcharges.csv?period=2026-H1', { key: 'demo-dashboard' }, 403, 'FORBIDDEN'],
      ['/exports/nothing.csv', { key: 'demo-env-admin' }, 404, 'NOT_FOUND'],
      ['/exports/public-ratings.csv?encoding=latin1', {}, 400, 'BAD_USER_INPUT'],
    ];
    for (const [path, options, status, code] of cases) {
      const answer = await download(path, options);
      expect(answer.status, path).toBe(status);
      expect((JSON.parse(answer.bytes.toString('utf8')) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(code);
    }
  });
});

describe('limits', () => {
  it("an export counts against the caller's rate limit like a GraphQL request", async () => {
    const limited = await startTestHub({ config: { rateLimit: { requests: 2, windowMs: 60_000 } } });
    try {
      const url = limited.hub.url.replace(/\/graphql$/, '/exports/public-ratings.csv');
      const statuses: number[] = [];
      const retryAfter: (string | null)[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await fetch(url, { headers: { authorization: 'Bearer demo-dashboard' } });
        await response.arrayBuffer();
        statuses.push(response.status);
        retryAfter.push(response.headers.get('retry-after'));
      }
      expect(statuses).toEqual([200, 200, 429]);
      expect(Number(retryAfter[2])).toBeGreaterThan(0);
    } finally {
      await limited.stop();
    }
  });
});

describe('GET|POST /exports/portfolio.csv', () => {
  it("gives each posted code's colour and restriction, in the bank's order, as the API answers; unknown codes marked", async () => {
    const codes = (await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration ORDER BY uscc DESC LIMIT 700`)).map((row) => row.uscc);
    const unknown = withCheckCharacter('91320706MA9YYYYY0');
    const posted = ['uscc', ...codes.slice(0, 350), unknown, ...codes.slice(350)].join('\r\n');
    const file = await download('/exports/portfolio.csv', { key: 'demo-bank', purpose: 'POST_LOAN_MONITORING', method: 'POST', body: posted });
    expect(file.status).toBe(200);
    const rows = rowsOf(file.bytes.toString('utf8'));
    expect(rows.map((row) => row.uscc)).toEqual([...codes.slice(0, 350), unknown, ...codes.slice(350)]);
    expect(rows[350]).toMatchObject({ uscc: unknown, known: 'false', color: '' });
    const answer = await hub.request<{ enterprises: { uscc: string; name: string; envCredit: { color: string } | null; creditRestriction: { level: string; restricted: boolean; basis: string[]; since: string | null } | null }[] }>(
      'query($c: [USCC!]!) { enterprises(usccs: $c) { uscc name envCredit { color } creditRestriction { level restricted basis since } } }',
      { c: codes.slice(0, 300) },
      { key: 'demo-bank', purpose: 'POST_LOAN_MONITORING' },
    );
    answer.data!.enterprises.forEach((enterprise, i) => {
      expect(rows[i]).toMatchObject({
        uscc: enterprise.uscc,
        known: 'true',
        name: enterprise.name,
        color: enterprise.envCredit?.color ?? '',
        restrictionLevel: enterprise.creditRestriction?.level ?? '',
        restricted: String(enterprise.creditRestriction?.restricted ?? ''),
        basis: (enterprise.creditRestriction?.basis ?? []).join('; '),
        since: enterprise.creditRestriction?.since ?? '',
      });
    });
    expect(rows.some((row) => row.restrictionLevel !== 'NONE' && row.known === 'true')).toBe(true);
    const record = await hub.sql<{ operation_name: string; usccs: string[] }>(`SELECT operation_name, usccs FROM gateway.audit_log WHERE operation_name LIKE 'export portfolio:%' ORDER BY id DESC LIMIT 1`);
    expect(record[0].operation_name).toBe(`export portfolio: ${rows.length} rows (utf8, POST /exports/portfolio.csv)`);
    expect(record[0].usccs).toHaveLength(rows.length);
  });

  it('refuses a malformed code by its position, before any CSV', async () => {
    const answer = await download('/exports/portfolio.csv?codes=91320700MA1Q3K7P2H,91320700MA1Q3K7P2X', { key: 'demo-bank', purpose: 'CREDIT_REVIEW' });
    expect(answer.status).toBe(400);
    expect(answer.bytes.toString('utf8')).toContain('code number 2 of the portfolio');
  });
});

describe('GET /exports/surcharges.csv', () => {
  it("lists the half-year's surcharges as each subject's sewageFee and electricitySurcharge answer them", async () => {
    const year = Number(today().slice(0, 4));
    const period = today() > `${year}-07-01` ? `${year}-H2` : `${year}-H1`;
    const firstDay = period.endsWith('H2') ? `${year}-07-01` : `${year}-01-01`;
    const file = await download(`/exports/surcharges.csv?period=${period}`, { key: 'demo-utility', purpose: 'BILLING' });
    expect(file.status).toBe(200);
    const rows = rowsOf(file.bytes.toString('utf8'));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row.uscc)).toContain('91320700MA1Q3K7P2H');
    const answer = await hub.request<{ enterprises: { uscc: string; sewageFee: { surchargePerCubicMetre: string; basis: string } | null; electricitySurcharge: { surchargePerKwh: string } | null }[] }>(
      'query($c: [USCC!]!, $d: Date) { enterprises(usccs: $c) { uscc sewageFee(asOf: $d) { surchargePerCubicMetre basis } electricitySurcharge(asOf: $d) { surchargePerKwh } } }',
      { c: rows.map((row) => row.uscc), d: firstDay },
      { key: 'demo-utility', purpose: 'BILLING' },
    );
    answer.data!.enterprises.forEach((enterprise, i) => {
      expect(rows[i]).toMatchObject({ period, uscc: enterprise.uscc, sewageSurchargePerCubicMetre: enterprise.sewageFee!.surchargePerCubicMetre, electricitySurchargePerKwh: enterprise.electricitySurcharge!.surchargePerKwh });
      expect(Number(rows[i].sewageSurchargePerCubicMetre) + Number(rows[i].electricitySurchargePerKwh)).toBeGreaterThan(0);
    });
  });

  it('refuses a period that is not a half-year or not decided yet', async () => {
    for (const period of ['2026-H3', 'H2', `${Number(today().slice(0, 4)) + 1}-H2`]) {
      const answer = await download(`/exports/surcharges.csv?period=${period}`, { key: 'demo-credit-office' });
      expect(answer.status, period).toBe(400);
      expect(answer.bytes.toString('utf8')).toContain('period');
    }
  });
});

describe('ecocredit export', () => {
  it('the CLI catalogue names the views the hub serves', () => {
    expect(Object.fromEntries(Object.values(EXPORT_VIEWS).map((view) => [view.name, view.description]))).toEqual(EXPORT_CATALOG);
  });

  it('writes the same file as the HTTP export, in either encoding', async () => {
    ensureCliBuilt();
    const databaseUrl = (hub.hub.sources.gateway.options as { url: string }).url;
    const run = async (args: string[]) => {
      // Demo mode keeps the demo keys (a non-demo start revokes them); the audit key lives in a folder of its own.
      const child = spawn(process.execPath, ['bin/ecocredit.js', 'export', ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl, HUB_DEMO: '1', HUB_DATA_DIR: dir, LOG_LEVEL: 'error' },
      });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const [code] = (await once(child, 'exit')) as [number];
      return { code, stderr };
    };
    const out = join(dir, 'ratings.csv');
    const done = await run(['public-ratings', '--out', out]);
    expect(done.stderr).toContain('exported');
    expect(done.code).toBe(0);
    expect(readFileSync(out)).toEqual((await download('/exports/public-ratings.csv')).bytes);
    const gbOut = join(dir, 'ratings-gb.csv');
    expect((await run(['public-ratings', '--encoding', 'gb18030', '--out', gbOut])).code).toBe(0);
    expect(readFileSync(gbOut)).toEqual((await download('/exports/public-ratings.csv?encoding=gb18030')).bytes);
    const bad = await run(['surcharges', '--period', '2026-H9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--period');
  }, 120_000);
});
