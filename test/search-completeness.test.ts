import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed } from '../src/cli/import/import.command';
import { today } from '../src/shared/dates';
import { USCC_ALPHABET, withCheckCharacter } from '../src/shared/uscc';
import { codeStartsWith, nameContains } from '../src/subgraphs/market/services/enterprise-search.service';
import { SearchEnterprisesCountedDocument, type SearchEnterprisesCountedQuery } from './generated/graphql';
import { errorCodes, startTestHub, type CallOptions, type GraphqlResponse, type TestHub } from './support/test-hub';

/**
 * Issue 21 §2: search finds every rated match, however many unrated registrations share the words.
 * The demo city's rated subjects include about 70 化工 ones; a registry import then adds 5,000
 * unrated 化工 registrations whose codes sort before, among and after them (the search used to look
 * at the first 500 name matches of all registrations, then keep the rated ones: it found 1 of 70).
 */
const UNRATED = 5_000;
/** Every 100th imported name (1, 101, …) is a 电镀 plant: a rare 2-character word, in every other district. */
const RARE_EVERY = 100;
const ADMIN: CallOptions = { key: 'demo-env-admin' };
const OFFICER: CallOptions = { key: 'demo-env-officer-haizhou' };
const PUBLIC: CallOptions = {};

let hub: TestHub;

/** The i-th imported code: its organisation part spread over the alphabet, so the codes interleave with the demo city's. */
function importedCode(i: number): string {
  const alphabet = USCC_ALPHABET.split('');
  let org = 'MA';
  let rest = i;
  org += alphabet[i % alphabet.length];
  rest = Math.floor(i / alphabet.length);
  for (let k = 0; k < 6; k++) {
    org += alphabet[(rest + k * 7) % alphabet.length];
    rest = Math.floor(rest / alphabet.length);
  }
  const districts = ['320703', '320706', '320707', '320722', '320723', '320724'];
  return withCheckCharacter(`91${districts[i % districts.length]}${org}`);
}

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 560 });
  const lines = ['uscc,name,district_code,industry_code'];
  for (let i = 0; i < UNRATED; i++) {
    const code = importedCode(i);
    const word = i % RARE_EVERY === 1 ? '电镀' : '化工';
    lines.push(`${code},江苏登记${String(i).padStart(4, '0')}号${word}材料有限公司,${code.slice(2, 8)},C2614`);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'ecocredit-search-')), 'registrations.csv');
  writeFileSync(file, lines.join('\n'));
  const imported = await importFeed(hub.hub.sources, 'registrations', file, { encoding: 'utf8', progress: () => {} });
  expect(imported).toMatchObject({ imported: UNRATED, rejected: 0 });
}, 300_000);

afterAll(async () => {
  await hub?.stop();
});

/** Codes of registrations whose name contains `word` (any case), rated today or all, by code. */
async function expected(word: string, ratedOnly: boolean): Promise<string[]> {
  const rows = await hub.sql<{ uscc: string }>(
    `SELECT r.uscc FROM market.registration r
      WHERE r.name ILIKE '%' || $1 || '%'
        AND (NOT $2 OR EXISTS (SELECT 1 FROM environment.rated_subject s WHERE s.uscc = r.uscc AND s.rated_from <= $3))
      ORDER BY r.uscc`,
    [word, ratedOnly, today()],
  );
  return rows.map((row) => row.uscc);
}

async function pageAll(filter: { nameContains?: string; usccPrefix?: string }, first: number, call: CallOptions): Promise<{ codes: string[]; totalCount: number }> {
  const codes: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const response: GraphqlResponse<SearchEnterprisesCountedQuery> = await hub.execute(SearchEnterprisesCountedDocument, { filter, first, after }, call);
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const page = response.data!.searchEnterprises;
    totalCount = page.totalCount;
    codes.push(...page.edges.map((edge) => edge.node.uscc));
    if (!page.pageInfo.hasNextPage) return { codes, totalCount };
    after = page.pageInfo.endCursor!;
  }
}

async function find(text: string, first: number, call: CallOptions): Promise<string[]> {
  const response = await hub.request<{ findEnterprises: { uscc: string }[] }>(`query($text: String!, $first: Int!) { findEnterprises(text: $text, first: $first) { uscc } }`, { text, first }, call);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.findEnterprises.map((e) => e.uscc);
}

describe('search among thousands of unrated registrations sharing the words', () => {
  it('the unrated registrations sort among the rated matches', async () => {
    const rated = await expected('化工', true);
    const all = await expected('化工', false);
    expect(rated.length).toBeGreaterThanOrEqual(50);
    expect(all.length).toBe(rated.length + UNRATED - UNRATED / RARE_EVERY);
    const ratedSet = new Set(rated);
    const lastRated = all.indexOf(rated.at(-1)!);
    // The first 500 name matches hold a handful of the rated ones.
    expect(all.slice(0, lastRated).filter((code) => !ratedSet.has(code)).length).toBeGreaterThan(4000);
    expect(all.slice(0, 500).filter((code) => ratedSet.has(code)).length).toBeLessThan(rated.length / 4);
  });

  it('PUBLIC: findEnterprises finds every rated 化工 subject, by code, the limit applied after the rated filter', async () => {
    const rated = await expected('化工', true);
    expect(rated.length).toBeLessThanOrEqual(100);
    expect(await find('化工', 100, PUBLIC)).toEqual(rated);
    expect(await find('化工', 20, PUBLIC)).toEqual(rated.slice(0, 20));
  });

  it('PUBLIC: searchEnterprises pages through every rated 化工 subject once, with its totalCount', async () => {
    const rated = await expected('化工', true);
    const paged = await pageAll({ nameContains: '化工' }, 7, PUBLIC);
    expect(paged.codes).toEqual(rated);
    expect(paged.totalCount).toBe(rated.length);
  });

  it('ENV_ADMIN finds the unrated registrations too, and counts them', async () => {
    const all = await expected('化工', false);
    const paged = await pageAll({ nameContains: '化工' }, 1000, ADMIN);
    expect(paged.codes).toEqual(all);
    expect(paged.totalCount).toBe(all.length);
    expect(await find('化工', 100, ADMIN)).toEqual(all.slice(0, 100));
  });

  it('ENV_OFFICER finds the matches of its district only, the limit applied after the district', async () => {
    const all = await expected('电镀', false);
    const inHaizhou = (await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration WHERE district_code = '320706' AND uscc = ANY($1) ORDER BY uscc`, [all])).map((r) => r.uscc);
    expect(inHaizhou.length).toBeGreaterThan(0);
    expect(inHaizhou.length).toBeLessThan(all.length);
    expect(await find('电镀', 100, OFFICER)).toEqual(inHaizhou);
  });

  it('a longer Chinese substring, a code prefix, letters in any case; wildcards match themselves', async () => {
    expect(await find('示例化工', 100, PUBLIC)).toEqual(await expected('示例化工', true));
    expect(await find('0002号化工材料', 100, ADMIN)).toEqual([importedCode(2)]);
    const code = importedCode(1234);
    expect(await find(code.slice(0, 12).toLowerCase(), 100, ADMIN)).toContain(code);
    const prefix = await pageAll({ usccPrefix: code.slice(0, 11) }, 1000, ADMIN);
    const byPrefix = await hub.sql<{ uscc: string }>(`SELECT uscc FROM market.registration WHERE starts_with(uscc, $1) ORDER BY uscc`, [code.slice(0, 11)]);
    expect(prefix.codes).toEqual(byPrefix.map((r) => r.uscc));
    expect(prefix.totalCount).toBe(byPrefix.length);
    await hub.sql(`UPDATE market.registration SET name = 'Lianyungang ABC 化工 Co' WHERE uscc = $1`, [code]);
    expect(await find('abc 化工', 100, ADMIN)).toEqual([code]);
    expect(await find('%化', 100, ADMIN)).toEqual([]);
  });

  it('PUBLIC totalCount by code prefix alone counts the rated subjects with it', async () => {
    const rated = await hub.sql<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject WHERE rated_from <= $1 AND starts_with(uscc, '91320706') ORDER BY uscc`, [today()]);
    const paged = await pageAll({ usccPrefix: '91320706' }, 1000, PUBLIC);
    expect(paged.codes).toEqual(rated.map((r) => r.uscc));
    expect(paged.totalCount).toBe(rated.length);
  });

  it('bad text is BAD_USER_INPUT naming it; first over 100 is refused by the budget, naming the limit', async () => {
    const short = await hub.request('{ findEnterprises(text: " 化 ") { uscc } }');
    expect(errorCodes(short)).toEqual(['BAD_USER_INPUT']);
    expect(short.errors![0].message).toContain('text must be 2 to 50 characters');
    const many = await hub.request('{ findEnterprises(text: "化工", first: 101) { uscc } }');
    // The operation guard's budget of set-wide reads (field-budgets.ts) refuses it before market reads anything.
    expect(errorCodes(many)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(many.errors![0].message).toContain('over the budget of 100');
    expect(many.errors![0].extensions).toMatchObject({ argument: 'first', limit: 100, actual: 101 });
  });
});

describe('search plans: the indexes serve a name and a code prefix', () => {
  /** The plan PostgreSQL chooses for the search's own condition, with its parameters bound as the service binds them. */
  async function plan(condition: (param: (value: unknown) => string) => string, shape: 'page' | 'count'): Promise<string> {
    const params: unknown[] = [];
    const where = condition((value) => {
      params.push(value);
      return `$${params.length}`;
    });
    const sql = shape === 'page' ? `SELECT r.uscc FROM market.registration r WHERE ${where} ORDER BY r.uscc LIMIT 51` : `SELECT COUNT(*) FROM market.registration r WHERE ${where}`;
    const rows = await hub.sql<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  }

  beforeAll(async () => {
    await hub.sql('ANALYZE market.registration');
  });

  it('a 2-character Chinese word uses the bigram index (for a page and for a count)', async () => {
    expect(await plan((p) => nameContains(p, '电镀'), 'page')).toContain('registration_name_bigrams_idx');
    expect(await plan((p) => nameContains(p, '电镀'), 'count')).toContain('registration_name_bigrams_idx');
  });

  it('a longer Chinese substring uses the bigram index', async () => {
    expect(await plan((p) => nameContains(p, '示例化工'), 'page')).toContain('registration_name_bigrams_idx');
    expect(await plan((p) => nameContains(p, '0101号电镀材料'), 'count')).toContain('registration_name_bigrams_idx');
  });

  it('a code prefix is a range of an index: the primary key under the C collation (embedded), the pattern index under any other', async () => {
    const prefix = importedCode(42).slice(0, 12);
    const range = /Index (Only )?Scan using registration_(pkey|uscc_prefix_idx) on registration r[^\n]*\n\s+Index Cond: \(\(uscc (~>=~|>=) /;
    expect(await plan((p) => codeStartsWith(p, prefix), 'page')).toMatch(range);
    expect(await plan((p) => codeStartsWith(p, prefix), 'count')).toMatch(range);
  });
});
