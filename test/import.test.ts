import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { StatementCounter } from '../src/shared/database';
import { withCheckCharacter } from '../src/shared/uscc';
import { importFeed, ImportRefused } from '../src/cli/import/import.command';
import { EnterpriseOverviewDocument } from './generated/graphql';
import { newUscc, ratedEnterprise } from './support/fixtures';
import { startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
/** Rows of a rejects file (or any CSV) as csv-parse reads them. */
const parseCsv = (text: string): { fields: string[] }[] => parse(text, { relax_column_count: true }).map((fields) => ({ fields }));
const dir = mkdtempSync(join(tmpdir(), 'ecocredit-import-'));
const quiet = { encoding: 'utf8' as const, progress: () => {} };
const AUTHORITY = '11320700MB12345679';
const PENALTY_HEADER = 'CF_XDR_MC,CF_XDR_SHXYM,CF_WSH,CF_WFXW,CF_SY,CF_YJ,CF_CFLB,CF_NR,CF_NR_FK,CF_JDRQ,CF_YXQ,CF_CFJG,CF_CFJGDM,CF_SJLY,CF_SJLYDM';

function penalty(uscc: string, decisionNo: string, category: string, date: string): string {
  return `测试企业,${uscc},${decisionNo},超标排放,"废水超标, 排放",水污染防治法第八十三条,${category},罚款十万元,10,${date},2027-05-01,连云港市生态环境局,${AUTHORITY},连云港市生态环境局,${AUTHORITY}`;
}

beforeAll(async () => {
  hub = await startTestHub();
  // The CLI tests run the compiled command, as an operator would.
  if (process.env.TEST_DATABASE_URL) execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
}, 300_000);

afterAll(async () => {
  await hub?.stop();
});

describe('import registrations', () => {
  it('applies good rows, rejects bad ones with line and reason, and counts unchanged rows on re-import', async () => {
    const good = newUscc('320703');
    const file = join(dir, 'registrations.csv');
    writeFileSync(file, ['uscc,name,district_code,industry_code', `${good},导入测试有限公司,320703,C2614`, '91320700MA1Q3K7P2X,坏代码公司,320703,', `${newUscc('320703')},,320703,`].join('\n'));
    const first = await importFeed(hub.hub.sources, 'registrations', file, quiet);
    expect(first).toMatchObject({ imported: 1, rejected: 2, unchanged: 0 });
    const [header, ...rejects] = parseCsv(readFileSync(first.rejectsPath, 'utf8'));
    expect(header.fields).toEqual(['line', 'row', 'reason']);
    expect(rejects[0].fields).toEqual(['3', '91320700MA1Q3K7P2X,坏代码公司,320703,', 'invalid USCC "91320700MA1Q3K7P2X" in uscc: check character is \'X\', expected \'H\'']);
    expect(rejects[1].fields[0]).toBe('4');
    expect(rejects[1].fields[2]).toBe('name is required');
    expect(await hub.sql('SELECT name FROM market.registration WHERE uscc = $1', [good])).toEqual([{ name: '导入测试有限公司' }]);

    const second = await importFeed(hub.hub.sources, 'registrations', file, quiet);
    expect(second).toMatchObject({ imported: 0, rejected: 2, unchanged: 1 });
  });

  it('reads GB18030 files when told to', async () => {
    const uscc = newUscc('320707');
    const file = join(dir, 'registrations-gb.csv');
    const utf8 = `uscc,name,district_code\n${uscc},赣榆示例有限公司,320707\n`;
    writeFileSync(file, execFileSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: utf8 }));
    await expect(importFeed(hub.hub.sources, 'registrations', file, quiet)).rejects.toThrow(/not valid utf8/);
    const summary = await importFeed(hub.hub.sources, 'registrations', file, { ...quiet, encoding: 'gb18030' });
    expect(summary).toMatchObject({ imported: 1, rejected: 0 });
    expect(await hub.sql('SELECT name FROM market.registration WHERE uscc = $1', [uscc])).toEqual([{ name: '赣榆示例有限公司' }]);
  });

  it('refuses a file whose header lacks a required column, applying nothing', async () => {
    const file = join(dir, 'no-district.csv');
    const uscc = newUscc();
    writeFileSync(file, `uscc,name\n${uscc},缺列公司\n`);
    await expect(importFeed(hub.hub.sources, 'registrations', file, quiet)).rejects.toBeInstanceOf(ImportRefused);
    expect(await hub.sql('SELECT uscc FROM market.registration WHERE uscc = $1', [uscc])).toEqual([]);
    expect(existsSync(`${file}.rejects.csv`)).toBe(false);
  });

  it('accepts a code with a failing check character only from the override list', async () => {
    const historical = '91320700MA1Q3K7P2X';
    const file = join(dir, 'historical.csv');
    const overrides = join(dir, 'overrides.txt');
    writeFileSync(file, `uscc,name,district_code\n${historical},历史代码公司,320706\n`);
    writeFileSync(overrides, `# audited list\n${historical}\n`);
    expect(await importFeed(hub.hub.sources, 'registrations', file, quiet)).toMatchObject({ imported: 0, rejected: 1 });
    expect(await importFeed(hub.hub.sources, 'registrations', file, { ...quiet, acceptInvalidCodesPath: overrides })).toMatchObject({ imported: 1, rejected: 0 });
  });
});

describe('import penalties (双公示)', () => {
  it('stores penalties as public records, scores those of rated subjects once, and the colour follows', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const unrated = newUscc();
    const recent = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const file = join(dir, 'penalties.csv');
    writeFileSync(
      file,
      [
        PENALTY_HEADER,
        penalty(uscc, '连环罚〔2026〕1号', '罚款', recent),
        penalty(uscc, '连环罚〔2026〕2号', '警告;罚款', recent.replace(/-/g, '')),
        penalty(uscc, '连环罚〔2026〕3号', '没收违法所得', recent),
        penalty(unrated, '连环罚〔2026〕4号', '罚款', recent),
        penalty(uscc, '连环罚〔2026〕5号', '罚款', '2026-13-01'),
      ].join('\n'),
    );
    const summary = await importFeed(hub.hub.sources, 'penalties', file, quiet);
    expect(summary).toMatchObject({ imported: 4, rejected: 1, unchanged: 0 });
    const [, ...rejects] = parseCsv(readFileSync(summary.rejectsPath, 'utf8'));
    expect(rejects.map((r) => r.fields[0])).toEqual(['6']);
    expect(rejects[0].fields[2]).toContain('CF_JDRQ "2026-13-01" is not a date');
    const records = await hub.sql<{ decision_no: string }>('SELECT decision_no FROM credit.penalty_record WHERE uscc = ANY($1) ORDER BY decision_no', [[uscc, unrated]]);
    expect(records.map((r) => r.decision_no)).toEqual(['连环罚〔2026〕1号', '连环罚〔2026〕2号', '连环罚〔2026〕3号', '连环罚〔2026〕4号']);

    const events = await hub.sql<{ type: string; decision_no: string }>('SELECT type, decision_no FROM environment.credit_event WHERE uscc = $1 ORDER BY id', [uscc]);
    expect(events).toEqual([
      { type: 'FINE', decision_no: '连环罚〔2026〕1号' },
      { type: 'FINE', decision_no: '连环罚〔2026〕2号' },
    ]);
    const answer = await hub.execute(EnterpriseOverviewDocument, { uscc }, { key: 'demo-env-admin' });
    expect(answer.data!.enterprise!.envCredit).toMatchObject({ color: 'YELLOW', score: 3 });

    expect(await importFeed(hub.hub.sources, 'penalties', file, quiet)).toMatchObject({ imported: 0, unchanged: 4, rejected: 1 });
  });
});

describe('import lists, court records and feedback', () => {
  it('adds market and credit list entries once and ends them when a later file carries the removal', async () => {
    const uscc = await ratedEnterprise(hub);
    const market = join(dir, 'market-lists.csv');
    writeFileSync(market, `uscc,list_type,reason,authority,listed_on,removed_on,removal_reason\n${uscc},ABNORMAL_OPERATIONS,未按期公示年报,海州区市场监督管理局,2026-03-01,,\n${uscc},NO_SUCH_LIST,x,y,2026-03-01,,\n`);
    expect(await importFeed(hub.hub.sources, 'market-lists', market, quiet)).toMatchObject({ imported: 1, rejected: 1, unchanged: 0 });
    expect(await importFeed(hub.hub.sources, 'market-lists', market, quiet)).toMatchObject({ imported: 0, rejected: 1, unchanged: 1 });
    writeFileSync(market, `uscc,list_type,reason,authority,listed_on,removed_on,removal_reason\n${uscc},ABNORMAL_OPERATIONS,未按期公示年报,海州区市场监督管理局,2026-03-01,2026-09-01,已补报年报\n`);
    expect(await importFeed(hub.hub.sources, 'market-lists', market, quiet)).toMatchObject({ imported: 1, rejected: 0 });
    expect(await hub.sql('SELECT removed_on::text, removal_reason FROM market.list_entry WHERE uscc = $1', [uscc])).toEqual([{ removed_on: '2026-09-01', removal_reason: '已补报年报' }]);

    const credit = join(dir, 'credit-lists.csv');
    writeFileSync(credit, `uscc,list_type,reason,authority,listed_on,document_no\n${uscc},SERIOUS_DISHONESTY,环境违法严重失信,连云港市生态环境局,2026-10-01,连环信〔2026〕7号\n`);
    expect(await importFeed(hub.hub.sources, 'credit-lists', credit, quiet)).toMatchObject({ imported: 1, rejected: 0 });
    const answer = await hub.execute(EnterpriseOverviewDocument, { uscc }, { key: 'demo-env-admin' });
    expect(answer.data!.enterprise!.creditRestriction).toMatchObject({ level: 'RESTRICTED' });
  });

  it('stores court dishonest-debtor records idempotently', async () => {
    const uscc = newUscc();
    const file = join(dir, 'debtors.csv');
    writeFileSync(file, `uscc,subject_name,case_no,court,obligation,performance,filed_on,published_on\n${uscc},某公司,(2026)苏0706执1号,海州区人民法院,支付货款,全部未履行,2026-01-05,2026-02-01\n`);
    expect(await importFeed(hub.hub.sources, 'dishonest-debtors', file, quiet)).toMatchObject({ imported: 1 });
    expect(await importFeed(hub.hub.sources, 'dishonest-debtors', file, quiet)).toMatchObject({ imported: 0, unchanged: 1 });
  });

  it('records feedback for the agencies named in the file, refusing NOT_APPLIED without a reason', async () => {
    const uscc = await ratedEnterprise(hub);
    const file = join(dir, 'feedback.csv');
    writeFileSync(
      file,
      `uscc,measure_code,outcome,applied_on,agency,business_ref,note\n${uscc},BANK_CREDIT_RESTRICTION,APPLIED,2026-11-02,某银行连云港分行,LOAN-1,\n${uscc},BANK_CREDIT_RESTRICTION,NOT_APPLIED,2026-11-03,某银行连云港分行,LOAN-2,\n`,
    );
    const summary = await importFeed(hub.hub.sources, 'feedback', file, quiet);
    expect(summary).toMatchObject({ imported: 1, rejected: 1 });
    expect(parseCsv(readFileSync(summary.rejectsPath, 'utf8'))[1].fields[2]).toContain('needs a note');
    expect(await hub.sql('SELECT agency, outcome FROM credit.measure_feedback WHERE uscc = $1', [uscc])).toEqual([{ agency: '某银行连云港分行', outcome: 'APPLIED' }]);
    expect(await importFeed(hub.hub.sources, 'feedback', file, quiet)).toMatchObject({ imported: 0, unchanged: 1, rejected: 1 });
  });
});

describe('import legacy ratings (100-point scale)', () => {
  it('keeps them as history with their scale, apart from the 12-point score', async () => {
    const uscc = await ratedEnterprise(hub);
    const file = join(dir, 'legacy.csv');
    writeFileSync(file, `uscc,year,score,color,source\n${uscc},2019,96,绿色,2019年度环境信用评价结果\n${uscc},2020,70,GREEN,x\n${uscc},2018,101,,x\n`);
    const summary = await importFeed(hub.hub.sources, 'legacy-ratings', file, quiet);
    expect(summary).toMatchObject({ imported: 1, rejected: 2 });
    const reasons = parseCsv(readFileSync(summary.rejectsPath, 'utf8')).slice(1).map((r) => r.fields[2]);
    expect(reasons[0]).toContain('does not match score 70');
    expect(reasons[1]).toContain('score "101"');
    const answer = await hub.request<{ enterprise: { envCredit: { score: number }; envLegacyRatings: { year: number; scale: string; score: string; color: string }[] } }>(
      `query($u: USCC!) { enterprise(uscc: $u) { envCredit { score } envLegacyRatings { year scale score color } } }`,
      { u: uscc },
      { key: 'demo-env-admin' },
    );
    expect(answer.data!.enterprise.envLegacyRatings).toEqual([{ year: 2019, scale: 'ANNUAL_100', score: '96.00', color: 'GREEN' }]);
    expect(answer.data!.enterprise.envCredit.score).toBe(9);
    expect(await importFeed(hub.hub.sources, 'legacy-ratings', file, quiet)).toMatchObject({ imported: 0, unchanged: 1, rejected: 2 });
  });
});

/** Runs the compiled `ecocredit` CLI (built once for this file) against the test hub's database. */
async function runCli(args: string[], options: { onStart?: (child: ChildProcess) => void } = {}): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const databaseUrl = (hub.hub.sources.gateway.options as { url: string }).url;
  const child = spawn(process.execPath, ['bin/ecocredit.js', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  options.onStart?.(child);
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  return { code, signal, stdout, stderr };
}

describe('refusals a bureau would make, with the value named', () => {
  it('refuses unknown districts and dates that are not calendar dates; a code of the city fits any of its districts', async () => {
    const good = newUscc('320706');
    const cityLevel = newUscc('320700');
    // Issued in 连云区, now in 海州区 (DOMAIN.md §11: the code's digits say where it was issued, never where the subject is).
    const relocated = newUscc('320703');
    const elsewhere = withCheckCharacter('91110108MA01ABCD0');
    const file = join(dir, 'refusals.csv');
    writeFileSync(
      file,
      [
        'uscc,name,district_code,registered_on',
        `${good},好企业,320706,2020-05-01`,
        `${newUscc('320706')},无此区企业,320799,`,
        `${newUscc('320706')},外省代码,990101,`,
        `${relocated},连云区代码,320706,`,
        `${cityLevel},市级代码,320722,`,
        `${elsewhere},北京代码,320706,`,
        `${newUscc('320706')},坏日期,320706,2026-02-30`,
        `${newUscc('320706')},坏格式,320706,01/05/2020`,
      ].join('\n'),
    );
    const summary = await importFeed(hub.hub.sources, 'registrations', file, quiet);
    expect(summary).toMatchObject({ imported: 4, rejected: 4 });
    const reasons = parseCsv(readFileSync(summary.rejectsPath, 'utf8')).slice(1).map((r) => [r.fields[0], r.fields[2]]);
    expect(reasons[0]).toEqual(['3', expect.stringContaining('"320799" is not a district of the city')]);
    expect(reasons[1]).toEqual(['4', expect.stringContaining('"990101" is not a known division code')]);
    expect(reasons[2]).toEqual(['8', expect.stringMatching(/registered_on "2026-02-30" is not a date.*YYYY-MM-DD, YYYY\/MM\/DD, YYYY\.MM\.DD or YYYYMMDD/)]);
    expect(reasons[3]).toEqual(['9', expect.stringContaining('registered_on "01/05/2020" is not a date (accepted formats: YYYY-MM-DD')]);
    const stored = await hub.sql<{ uscc: string; district_code: string }>('SELECT uscc, district_code FROM market.registration WHERE uscc = ANY($1) ORDER BY uscc', [[good, cityLevel, elsewhere, relocated]]);
    expect(stored).toHaveLength(4);
    expect(stored.find((row) => row.uscc === relocated)?.district_code).toBe('320706');
  });

  it('refuses a penalty whose validity ends before its decision date', async () => {
    const uscc = newUscc();
    const file = join(dir, 'penalty-validity.csv');
    writeFileSync(file, [PENALTY_HEADER, penalty(uscc, '连环罚〔2026〕91号', '罚款', '2026-03-01').replace(',2027-05-01,', ',2026-02-01,')].join('\n'));
    const summary = await importFeed(hub.hub.sources, 'penalties', file, quiet);
    expect(summary).toMatchObject({ imported: 0, rejected: 1 });
    expect(parseCsv(readFileSync(summary.rejectsPath, 'utf8'))[1].fields[2]).toBe('CF_YXQ 2026-02-01 (valid until) is before CF_JDRQ 2026-03-01 (decision date)');
    expect(await hub.sql('SELECT 1 FROM credit.penalty_record WHERE uscc = $1', [uscc])).toEqual([]);
  });
});

describe('streaming import mechanics', () => {
  it('writes the rejects of a GB18030 file in GB18030', async () => {
    const file = join(dir, 'gb-rejects.csv');
    writeFileSync(file, iconv.encode(`uscc,name,district_code\n${newUscc()},灌南示例有限公司,320799\n`, 'gb18030'));
    const summary = await importFeed(hub.hub.sources, 'registrations', file, { ...quiet, encoding: 'gb18030' });
    expect(summary).toMatchObject({ imported: 0, rejected: 1 });
    const bytes = readFileSync(summary.rejectsPath);
    expect(bytes.includes(Buffer.from('灌南示例有限公司', 'utf8'))).toBe(false);
    const [, reject] = parseCsv(iconv.decode(bytes, 'gb18030'));
    expect(reject.fields[1]).toContain('灌南示例有限公司');
    expect(reject.fields[2]).toContain('320799');
  });

  it('reads a UTF-8 file of many read chunks whole (characters cut between chunks), and names the line of a byte that is not UTF-8', async () => {
    // 4,000 rows of about 150 bytes: the file is read in 256 KB chunks, which cut 3-byte characters apart.
    const codes = Array.from({ length: 4000 }, () => newUscc('320723'));
    const name = (i: number) => `灌云县示例化工有限责任公司第${i}分公司`.padEnd(40, '试');
    const lines = ['\uFEFFuscc,name,district_code', ...codes.map((uscc, i) => `${uscc},${name(i)},320723`)];
    const file = join(dir, 'chunks.csv');
    writeFileSync(file, lines.join('\n'));
    expect(readFileSync(file).length).toBeGreaterThan(2 * 256 * 1024);
    expect(await importFeed(hub.hub.sources, 'registrations', file, quiet)).toMatchObject({ imported: 4000, rejected: 0 });
    const stored = await hub.sql<{ uscc: string; name: string }>('SELECT uscc, name FROM market.registration WHERE uscc = ANY($1) ORDER BY uscc', [codes]);
    expect(stored).toEqual(codes.map((uscc, i) => ({ uscc, name: name(i) })).sort((a, b) => a.uscc.localeCompare(b.uscc)));

    // A GB18030 row on line 3501, past the first chunks: the import stops there, naming the line.
    const bad = Buffer.concat([Buffer.from(lines.slice(0, 3500).join('\n') + '\n', 'utf8'), iconv.encode(`${newUscc('320723')},错误编码,320723\n`, 'gb18030')]);
    const badFile = join(dir, 'chunks-bad.csv');
    writeFileSync(badFile, bad);
    await expect(importFeed(hub.hub.sources, 'registrations', badFile, quiet)).rejects.toThrow(/is not valid utf8 text \(line 3501; try --encoding gb18030\)/);
  });

  it('prints plain progress lines with rate and ETA when not on a terminal, and the summary last', async () => {
    const file = join(dir, 'progress.csv');
    writeFileSync(file, ['uscc,name,district_code', ...Array.from({ length: 30 }, (_, i) => `${newUscc()},进度企业${i},320706`)].join('\n'));
    const lines: string[] = [];
    const summary = await importFeed(hub.hub.sources, 'registrations', file, { encoding: 'utf8', progress: (line) => lines.push(line), batchSize: 10 });
    expect(summary).toMatchObject({ imported: 30, rejected: 0 });
    expect(lines.at(-1)).toMatch(/^30 rows \(100%\), \d+ rows\/s, ETA 0s: imported 30, rejected 0, unchanged 0$/);
  });

  it('answers codes admitted through the override list over GraphQL, and still refuses other codes with a bad check character', async () => {
    const badCheck = (first17: string) => first17 + (withCheckCharacter(first17).endsWith('Y') ? 'X' : 'Y');
    const historical = badCheck('91320706MA7HQRT01');
    const other = badCheck('91320706MA7HQRT02');
    const file = join(dir, 'override-api.csv');
    const overrides = join(dir, 'override-api.txt');
    writeFileSync(file, `uscc,name,district_code\n${historical},历史代码二公司,320706\n`);
    writeFileSync(overrides, `${historical}\n`);
    const before = await hub.execute(EnterpriseOverviewDocument, { uscc: historical }, { key: 'demo-env-admin' });
    expect(before.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(before.errors?.[0].message).toContain(historical);

    expect(await importFeed(hub.hub.sources, 'registrations', file, { ...quiet, acceptInvalidCodesPath: overrides })).toMatchObject({ imported: 1 });
    const answer = await hub.execute(EnterpriseOverviewDocument, { uscc: historical }, { key: 'demo-env-admin' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.enterprise).toMatchObject({ uscc: historical, name: '历史代码二公司', districtCode: '320706' });
    const literal = await hub.request<{ enterprise: { name: string } }>(`{ enterprise(uscc: "${historical}") { name } }`, undefined, { key: 'demo-env-admin' });
    expect(literal.data?.enterprise.name).toBe('历史代码二公司');
    expect(await hub.sql('SELECT uscc, override_list FROM gateway.uscc_override WHERE uscc = $1', [historical])).toEqual([{ uscc: historical, override_list: overrides }]);

    const refused = await hub.execute(EnterpriseOverviewDocument, { uscc: other }, { key: 'demo-env-admin' });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(refused.errors?.[0].message).toContain(other);
  });

  it('stores the same events, notices and colour set-wise as recordCreditEvent does one by one', async () => {
    const imported = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const mutated = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const decisions: [string, string, string][] = [
      ['连环罚〔2026〕201号', '罚款', day(200)],
      ['连环罚〔2026〕202号', '警告', day(40)],
      ['连环罚〔2026〕203号', '责令停产整治', day(20)],
      ['连环罚〔2026〕204号', '罚款', day(5)],
    ];
    const file = join(dir, 'setwise.csv');
    writeFileSync(file, [PENALTY_HEADER, ...decisions.map(([no, category, date]) => penalty(imported, no, category, date))].join('\n'));
    expect(await importFeed(hub.hub.sources, 'penalties', file, quiet)).toMatchObject({ imported: 4, rejected: 0 });
    const types: Record<string, string> = { 罚款: 'FINE', 警告: 'WARNING', 责令停产整治: 'SUSPENSION_ORDER' };
    for (const [decisionNo, category, occurredOn] of decisions) {
      const answer = await hub.request(
        `mutation($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }`,
        { input: { uscc: mutated, type: types[category], occurredOn, decisionNo, description: '废水超标, 排放' } },
        { key: 'demo-env-admin' },
      );
      expect(answer.errors).toBeUndefined();
    }
    const state = async (uscc: string) => ({
      events: await hub.sql(
        `SELECT type, occurred_on::text, served_on::text, points, valid_from::text, valid_until::text, forced_color, decision_no, description, publicity_until::text, voided_at
           FROM environment.credit_event WHERE uscc = $1 ORDER BY id`,
        [uscc],
      ),
      notices: (await hub.sql<{ facts: Record<string, unknown> }>(`SELECT n.facts FROM environment.credit_notice n WHERE n.uscc = $1 ORDER BY n.event_id`, [uscc])).map(
        ({ facts }) => ({ ...facts, number: undefined, uscc: undefined, subjectName: undefined }),
      ),
      subject: await hub.sql(`SELECT current_color, current_score, current_on::text, next_change_on::text FROM environment.rated_subject WHERE uscc = $1`, [uscc]),
      api: (await hub.execute(EnterpriseOverviewDocument, { uscc }, { key: 'demo-env-admin' })).data!.enterprise!.envCredit,
    });
    const [setwise, oneByOne] = [await state(imported), await state(mutated)];
    expect(setwise.events).toHaveLength(4);
    expect(setwise).toEqual(oneByOne);
  });

  it('refuses through the CLI a header without a required column: exit non-zero, nothing applied', async () => {
    const file = join(dir, 'cli-no-name.csv');
    const uscc = newUscc();
    writeFileSync(file, `uscc,district_code\n${uscc},320706\n`);
    const run = await runCli(['import', 'registrations', file]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('header lacks required column(s) name');
    expect(await hub.sql('SELECT 1 FROM market.registration WHERE uscc = $1', [uscc])).toEqual([]);
  }, 120_000);

  it('ends an import killed half-way and run again in the state of one uninterrupted run', async () => {
    const rows = 20_000;
    const codes = Array.from({ length: rows }, (_, i) => withCheckCharacter(`91320722MA${String(i).padStart(7, '0')}`));
    const file = join(dir, 'killed.csv');
    writeFileSync(file, ['uscc,name,district_code,industry_code', ...codes.map((uscc, i) => `${uscc},中断测试企业${i},320722,C${2600 + (i % 50)}`)].join('\n'));
    const count = async () => (await hub.sql<{ n: number }>('SELECT COUNT(*)::int AS n FROM market.registration WHERE uscc = ANY($1)', [codes]))[0].n;
    let atKill = -1;
    const killed = await runCli(['import', 'registrations', file, '--batch-size', '200'], {
      onStart: (child) => {
        const poll = setInterval(() => {
          void count().then((n) => {
            if (n > 0 && atKill < 0) {
              atKill = n;
              child.kill('SIGKILL');
              clearInterval(poll);
            }
          });
        }, 20);
        child.once('exit', () => clearInterval(poll));
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    const partial = await count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(rows);

    const rerun = await runCli(['import', 'registrations', file]);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout.trim().split('\n').at(-1)).toBe(`imported ${rows - partial}, rejected 0, unchanged ${partial}`);
    const stored = await hub.sql<{ uscc: string; name: string; district_code: string; industry_code: string }>(
      'SELECT uscc, name, district_code, industry_code FROM market.registration WHERE uscc = ANY($1) ORDER BY uscc',
      [codes],
    );
    expect(stored).toEqual(codes.map((uscc, i) => ({ uscc, name: `中断测试企业${i}`, district_code: '320722', industry_code: `C${2600 + (i % 50)}` })).sort((a, b) => a.uscc.localeCompare(b.uscc)));
    const again = await runCli(['import', 'registrations', file]);
    expect(again.stdout.trim().split('\n').at(-1)).toBe(`imported 0, rejected 0, unchanged ${rows}`);
  }, 300_000);
});

describe('a penalties batch asks the other departments a fixed number of times', () => {
  it('sends as many SQL statements for 40 rated subjects as for 10 (records and catalogue fetched per batch, not per subject)', async () => {
    const statementsFor = async (subjects: number) => {
      const usccs: string[] = [];
      for (let i = 0; i < subjects; i++) usccs.push(await ratedEnterprise(hub, { district: '320722' }));
      const file = join(dir, `penalties-${subjects}.csv`);
      writeFileSync(file, [PENALTY_HEADER, ...usccs.map((uscc, i) => penalty(uscc, `连环罚〔2026〕${500 + subjects + i}号`, '警告', '2026-10-01'))].join('\n'));
      const before = StatementCounter.total();
      const summary = await importFeed(hub.hub.sources, 'penalties', file, quiet);
      expect(summary).toMatchObject({ imported: subjects, rejected: 0 });
      return StatementCounter.total() - before;
    };
    await statementsFor(3); // warms the per-process rule caches, which a first import fills
    const ten = await statementsFor(10);
    expect(await statementsFor(40)).toBe(ten);
  });

  it('asks for the catalogue once however many decision dates a batch holds, and nothing of other departments for unrated subjects', async () => {
    const statementsFor = async (rated: number, unrated: number, dates: number) => {
      const usccs: string[] = [];
      for (let i = 0; i < rated; i++) usccs.push(await ratedEnterprise(hub, { district: '320722' }));
      for (let i = 0; i < unrated; i++) usccs.push(newUscc('320722'));
      const file = join(dir, `penalties-dates-${rated}-${unrated}-${dates}.csv`);
      const decided = (i: number) => `2026-09-${String(1 + (i % dates)).padStart(2, '0')}`;
      writeFileSync(file, [PENALTY_HEADER, ...usccs.map((uscc, i) => penalty(uscc, `连环罚〔2026〕${900 + rated * 100 + unrated + dates * 7 + i}号`, '警告', decided(i)))].join('\n'));
      const before = StatementCounter.total();
      expect(await importFeed(hub.hub.sources, 'penalties', file, quiet)).toMatchObject({ imported: rated + unrated, rejected: 0 });
      return StatementCounter.total() - before;
    };
    await statementsFor(2, 0, 1); // warms the per-process rule caches
    expect(await statementsFor(8, 0, 8)).toBe(await statementsFor(8, 0, 1));
    // Unrated subjects' decisions are stored by the credit office; the bureau only learns they are unrated.
    expect(await statementsFor(0, 30, 10)).toBe(await statementsFor(0, 3, 1));
    expect(await statementsFor(4, 30, 1)).toBe(await statementsFor(4, 0, 1));
  });
});
