import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { importFeed } from '../src/cli/import/import.command';
import { guardWork } from '../src/gateway/operation-guard';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { failureText } from '../web/dashboard/failure-text';
import { newUscc } from './support/fixtures';
import { expectNoLeaks } from './support/leaks';
import { startTestHub, type GraphqlError, type TestHub } from './support/test-hub';

/*
 * Issue 15: hostile requests and client errors, sent over HTTP to the real gateway like a partner
 * (or an attacker) would.
 */

let hub: TestHub;
const admin = { authorization: 'Bearer demo-env-admin' };

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 20, config: { schemaHints: false } });
});

afterAll(async () => {
  if (hub) expectNoLeaks(hub.responses);
  await hub?.stop();
});

interface Answer {
  status: number;
  data?: unknown;
  errors?: GraphqlError[];
}

/** POSTs any JSON body (operationName, extensions ...), as `hub.request` cannot; a string is sent as it is. */
async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(hub.hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });
  const answer = { status: response.status, ...((await response.json()) as { data?: unknown; errors?: GraphqlError[] }) };
  hub.responses.push(answer);
  return answer;
}

const codes = (answer: Answer) => (answer.errors ?? []).map((error) => error.extensions?.code);

/** A chain of `levels` fragments, each spreading the next four times; the last selects one field. */
function fragmentChain(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Enterprise { uscc }` : `fragment F${i} on Enterprise { ...F${i + 1} ...F${i + 1} ...F${i + 1} ...F${i + 1} }`,
  );
  return `{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { ...F0 } } ${fragments.join(' ')}`;
}

describe('hostile documents are refused in time linear in their size', () => {
  it('refuses a chain of 12 fragments spread four times each, naming the expanded selections, while /healthz answers', async () => {
    const before = guardWork.visitedSelections;
    const [refused, health] = await Promise.all([post({ query: fragmentChain(12) }), fetch(hub.hub.url.replace('/graphql', '/healthz'))]);
    expect(refused.status).toBe(400);
    expect(codes(refused)).toEqual(['QUERY_TOO_COMPLEX']);
    // `enterprise` plus 4^11 copies of `uscc`: counted exactly, without expanding one of them.
    expect(refused.errors![0].extensions).toMatchObject({ actual: 1 + 4 ** 11, limit: 2000, fragmentSpreads: 45 });
    expect(refused.errors![0].message).toContain(`selects ${1 + 4 ** 11} fields`);
    // The document has 58 selection nodes; the guard visits each a fixed number of times.
    expect(guardWork.visitedSelections - before).toBeLessThan(200);
    expect(health.status).toBe(200);
  });

  it('refuses a 20-level chain as cheaply (its count is past 2^40)', async () => {
    const before = guardWork.visitedSelections;
    const refused = await post({ query: fragmentChain(20) });
    expect(codes(refused)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(refused.errors![0].extensions?.actual).toBe(1 + 4 ** 19);
    expect(guardWork.visitedSelections - before).toBeLessThan(300);
  });

  it('refuses a fragment cycle naming the fragment', async () => {
    const cycle = `{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { ...A } } fragment A on Enterprise { uscc ...B } fragment B on Enterprise { name ...A }`;
    const refused = await post({ query: cycle });
    expect(refused.status).toBe(400);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toMatch(/fragment "(A|B)" spreads itself/);
  });

  it('refuses more than 100 fragment spreads, counting them', async () => {
    const spreads = Array.from({ length: 101 }, () => '...N').join(' ');
    const refused = await post({ query: `{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { ${spreads} } } fragment N on Enterprise { uscc }` });
    expect(codes(refused)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(refused.errors![0].extensions).toMatchObject({ actual: 101, limit: 100 });
  });

  it('refuses a field repeated in one selection set, counting copies inside fragments (validation compares them pairwise)', async () => {
    const copies = (n: number) => Array.from({ length: n }, () => `enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { uscc }`).join(' ');
    const direct = await post({ query: `{ ${copies(200)} }` });
    expect(codes(direct)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(direct.errors![0].message).toBe('"enterprise" is selected 200 times in one selection set; at most 10 are allowed');
    const fragments = Array.from({ length: 18 }, (_, i) => `fragment R${i} on Query { ${copies(10)} }`).join(' ');
    const spread = await post({ query: `{ ${Array.from({ length: 18 }, (_, i) => `...R${i}`).join(' ')} } ${fragments}` });
    expect(spread.errors![0].extensions).toMatchObject({ actual: 180, limit: 10 });
  });

  it('still answers an ordinary operation with fragments', async () => {
    const answer = await post(
      { query: `query Check($u: USCC!) { enterprise(uscc: $u) { ...Basics envCredit { color } } } fragment Basics on Enterprise { uscc name }`, variables: { u: DEMO_SHOWCASE_USCC } },
      admin,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toMatchObject({ enterprise: { uscc: DEMO_SHOWCASE_USCC } });
  });
});

describe('codes asked are summed across aliases', () => {
  const batch = Array.from({ length: 1000 }, () => newUscc('320706'));

  it('refuses 50 aliases of the same 1000 codes, naming the total', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: enterprises(usccs: $u) { uscc name }`).join(' ');
    const refused = await post({ query: `query($u: [USCC!]!) { ${aliases} }`, variables: { u: batch } });
    expect(refused.status).toBe(400);
    expect(codes(refused)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(refused.errors![0].extensions).toMatchObject({ actual: 50_000, limit: 1000 });
    expect(refused.errors![0].message).toContain('50000 list items');
  });

  it('counts a fragment as often as it is spread', async () => {
    const query = `query($u: [USCC!]!) { ...Q ...Q } fragment Q on Query { enterprises(usccs: $u) { uscc } }`;
    const refused = await post({ query, variables: { u: batch.slice(0, 600) } });
    expect(codes(refused)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(refused.errors![0].extensions).toMatchObject({ actual: 1200 });
  });

  it('lets one batch of 1000 codes through (CONTRACT.md)', async () => {
    const answer = await post({ query: `query($u: [USCC!]!) { enterprises(usccs: $u) { uscc } }`, variables: { u: batch } });
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
    expect((answer.data as { enterprises: unknown[] }).enterprises).toHaveLength(1000);
  });
});

describe('client errors answer 400 with a precise code, never INTERNAL', () => {
  const refusedWith = async (body: unknown, code: string, message: RegExp, headers: Record<string, string> = {}) => {
    const answer = await post(body, headers);
    expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: [code] });
    expect(answer.errors![0].message).toMatch(message);
    return answer;
  };
  const two = 'query A { measureCatalog { code } } query B { measureCatalog { name } }';

  it('several operations without operationName', async () => {
    await refusedWith({ query: two }, 'BAD_USER_INPUT', /2 operations: name the one to run in "operationName"/);
  });

  it('an unknown operationName', async () => {
    await refusedWith({ query: two, operationName: 'C' }, 'BAD_USER_INPUT', /no operation named "C"/);
    const chosen = await post({ query: two, operationName: 'B' }, admin);
    expect(chosen.errors).toBeUndefined();
  });

  it('a subscription', async () => {
    await refusedWith({ query: `subscription { measureCatalog { code } }` }, 'BAD_USER_INPUT', /subscriptions are not supported/);
  });

  it('variables nested 5000 levels deep', async () => {
    // Written by hand: JSON.stringify itself overflows the test worker's stack at this depth.
    const deep = `${'['.repeat(5000)}"${DEMO_SHOWCASE_USCC}"${']'.repeat(5000)}`;
    const body = `{"query": "query($u: [USCC!]!) { enterprises(usccs: $u) { uscc } }", "variables": {"u": ${deep}}}`;
    await refusedWith(body, 'BAD_USER_INPUT', /nest more than 16 levels/);
  });

  it('automatic persisted queries (extensions.persistedQuery)', async () => {
    const persisted = { persistedQuery: { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' } };
    await refusedWith({ extensions: persisted }, 'BAD_USER_INPUT', /persisted queries are not supported/);
    await refusedWith({ query: '{ measureCatalog { code } }', extensions: persisted }, 'BAD_USER_INPUT', /persisted queries are not supported/);
  });

  it('NUL characters and lone surrogates in strings, in variables or in the document', async () => {
    const register = `mutation($r: RegisterEnterpriseInput!) { registerEnterprise(input: $r) { uscc } }`;
    const input = (name: string) => ({ r: { uscc: newUscc('320706'), name, districtCode: '320706' } });
    await refusedWith({ query: register, variables: input('Acme\u0000Ltd') }, 'BAD_USER_INPUT', /\$r\.name contains a NUL character/, admin);
    await refusedWith({ query: register, variables: input('Acme\ud800Ltd') }, 'BAD_USER_INPUT', /\$r\.name contains a lone UTF-16 surrogate/, admin);
    const literal = `mutation { registerEnterprise(input: { uscc: "${newUscc('320706')}", name: "Acme\\u0000Ltd", districtCode: "320706" }) { uscc } }`;
    await refusedWith({ query: literal }, 'BAD_USER_INPUT', /string in the query contains a NUL character/, admin);
  });

  it('ids past the integer range', async () => {
    await refusedWith({ query: `mutation { rotateApiClientKey(id: "99999999999") { key } }` }, 'BAD_USER_INPUT', /API client id "99999999999" is not a valid id/, admin);
    await refusedWith(
      { query: `mutation { voidCreditEvent(input: { eventId: "1e12", reason: "test" }) { event { id } } }` },
      'BAD_USER_INPUT',
      /eventId "1e12" is not a valid id/,
      admin,
    );
  });

  it('year 0000 in a Date', async () => {
    const query = `query($d: Date) { enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { envCredit(asOf: $d) { color } } }`;
    await refusedWith({ query, variables: { d: '0000-01-01' } }, 'BAD_USER_INPUT', /no year 0000/, admin);
    await refusedWith({ query: `{ enterprise(uscc: "${DEMO_SHOWCASE_USCC}") { envCredit(asOf: "0000-06-30") { color } } }` }, 'BAD_USER_INPUT', /no year 0000/, admin);
  });
});

describe('free-text inputs have length limits', () => {
  const register = `mutation($r: RegisterEnterpriseInput!) { registerEnterprise(input: $r) { uscc name } }`;

  it('refuses a 100 KB name naming the field and its limit; nothing is stored', async () => {
    const uscc = newUscc('320706');
    const answer = await post({ query: register, variables: { r: { uscc, name: 'x'.repeat(100_000), districtCode: '320706' } } }, admin);
    expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
    expect(answer.errors![0].message).toBe('input.name is 100000 characters long; at most 200 are allowed');
    expect(answer.errors![0].extensions).toMatchObject({ field: 'input.name', limit: 200 });
    const lookup = await post({ query: `{ enterprise(uscc: "${uscc}") { uscc } }` }, admin);
    expect(lookup.data).toEqual({ enterprise: null });
  });

  it('refuses an over-long address and note, accepts text at the limit', async () => {
    const uscc = newUscc('320706');
    const over = await post({ query: register, variables: { r: { uscc, name: 'n'.repeat(200), districtCode: '320706', address: 'a'.repeat(501) } } }, admin);
    expect(over.errors?.[0].message).toBe('input.address is 501 characters long; at most 500 are allowed');
    const atLimit = await post({ query: register, variables: { r: { uscc, name: 'n'.repeat(200), districtCode: '320706', address: 'a'.repeat(500) } } }, admin);
    expect(atLimit.errors).toBeUndefined();
    expect(atLimit.data).toEqual({ registerEnterprise: { uscc, name: 'n'.repeat(200) } });
  });

  it('applies the same limits to imported feeds: the row is rejected naming the column', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ecocredit-hostile-')), 'registrations.csv');
    const [kept, tooLong, withNul] = [newUscc('320703'), newUscc('320703'), newUscc('320703')];
    writeFileSync(file, ['uscc,name,district_code', `${kept},导入测试有限公司,320703`, `${tooLong},${'x'.repeat(100_000)},320703`, `${withNul},A\u0000B,320703`].join('\n'));
    const result = await importFeed(hub.hub.sources, 'registrations', file, { encoding: 'utf8', progress: () => {} });
    expect(result).toMatchObject({ imported: 1, rejected: 2 });
    const [, ...rejects] = parse(readFileSync(result.rejectsPath, 'utf8'), { relax_column_count: true });
    expect(rejects.map((fields) => [fields[0], fields[2]])).toEqual([
      ['3', 'name is 100000 characters long; at most 200 are allowed'],
      ['4', 'name contains a NUL character (U+0000)'],
    ]);
  });

  it('refuses an over-long API client name', async () => {
    const answer = await post({ query: `mutation($i: CreateApiClientInput!) { createApiClient(input: $i) { key } }`, variables: { i: { name: 'c'.repeat(201), role: 'DASHBOARD' } } }, admin);
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0].message).toContain('input.name is 201 characters long; at most 200');
  });
});

describe('time budget', () => {
  it('sets statement_timeout on the serving pools (HUB_STATEMENT_TIMEOUT_MS, default 15 s)', async () => {
    for (const source of [hub.hub.sources.environment, hub.hub.sources.gateway, hub.hub.snapshotSource]) {
      expect(await source.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '15s' }]);
    }
  });

  it('answers SERVICE_UNAVAILABLE (503, Retry-After), never QUERY_TOO_COMPLEX, when a request runs past HUB_REQUEST_TIMEOUT_MS', async () => {
    const slow = await startTestHub({ config: { timeouts: { statementMs: 15_000, requestMs: 1 } } });
    try {
      // No request through four subgraphs and PostgreSQL completes within 1 ms.
      const response = await fetch(slow.hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer demo-dashboard' },
        body: JSON.stringify({ query: `{ colorDistribution(groupBy: DISTRICT) { count } }` }),
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      const answer = { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
      expect(codes(answer)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(answer.errors![0].message).toContain('time budget of 1 ms');
      // The hub is still usable afterwards.
      expect((await fetch(slow.hub.url.replace('/graphql', '/healthz'))).status).toBe(200);
    } finally {
      await slow.stop();
    }
  });

  it('answers QUERY_TOO_COMPLEX naming HUB_STATEMENT_TIMEOUT_MS, never INTERNAL, when a statement runs past it', async () => {
    const slow = await startTestHub({ demoSize: 20, config: { timeouts: { statementMs: 1_500, requestMs: 60_000 } } });
    // Another session holds the feedback table: the roll-up's read waits on it until statement_timeout cancels it (57014).
    const holder = slow.hub.sources.credit.createQueryRunner();
    try {
      await holder.connect();
      await holder.startTransaction();
      await holder.query('LOCK TABLE credit.measure_feedback IN ACCESS EXCLUSIVE MODE');
      const answer = await slow.request('{ measureFeedbackRollup { agency subjectsDue subjectsReported } }', undefined, { key: 'demo-dashboard' });
      expect(codes(answer)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(answer.errors![0].message).toContain('statement time limit of 1500 ms (HUB_STATEMENT_TIMEOUT_MS)');
      expect(answer.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', setting: 'HUB_STATEMENT_TIMEOUT_MS', limit: 1500, unit: 'ms' });
      // The dashboard's card says so in Chinese, naming the limit.
      expect(failureText('zh', { code: 'QUERY_TOO_COMPLEX', extensions: answer.errors![0].extensions })).toBe('查询超出限额（单条数据库查询时限 1500 毫秒），未予执行。请缩小统计范围后重试。');
      await holder.rollbackTransaction();
      // Through a fact the credit office asks environment (hub-internal, SubjectFacts) too.
      await holder.startTransaction();
      await holder.query('LOCK TABLE environment.rated_subject IN ACCESS EXCLUSIVE MODE');
      const throughFacts = await slow.request('{ measureFeedbackRollup { agency subjectsDue subjectsReported } }', undefined, { key: 'demo-dashboard' });
      expect(codes(throughFacts)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(throughFacts.errors![0].message).toContain('statement time limit of 1500 ms (HUB_STATEMENT_TIMEOUT_MS)');
      await holder.rollbackTransaction();
      // Once the table is free the same request is answered.
      const again = await slow.request('{ measureFeedbackRollup { agency subjectsDue subjectsReported } }', undefined, { key: 'demo-dashboard' });
      expect(again.errors).toBeUndefined();
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await slow.stop();
    }
  });
});
