import { execFile, execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Principal } from '../src/shared/auth/principal';
import { createContext } from '../src/shared/context';
import { addDays, addMonths, today } from '../src/shared/dates';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { ensureCliBuilt } from './support/cli-process';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
let base: string;
let scratch: string;

/** The hub's signing key, given to the CLI too (as HUB_REPORT_SIGNING_KEY), so both sign as one bureau. */
const SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const SM2_KEY = generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
/** `2026-12-08` as the report prints it: 2026年12月8日. */
const printedDate = (date: string) => date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y: string, m: string, d: string) => `${y}年${Number(m)}月${Number(d)}日`);

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 560, config: { reports: { signingKey: SIGNING_KEY, sm2Key: SM2_KEY, validityDays: 30, bureau: '连云港市生态环境局' } } });
  base = hub.hub.url.replace(/\/graphql$/, '');
  scratch = mkdtempSync(join(tmpdir(), 'ecocredit-reports-'));
}, 120_000);

afterAll(async () => {
  await hub?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const ISSUE = `mutation Issue($uscc: USCC!, $purpose: String!, $asOf: Date) {
  issueCreditReport(uscc: $uscc, purpose: $purpose, asOf: $asOf) { number uscc asOf purpose issuedAt validUntil verificationCode pdfUrl htmlUrl }
}`;
interface Issued {
  number: string;
  uscc: string;
  asOf: string;
  purpose: string;
  issuedAt: string;
  validUntil: string;
  verificationCode: string;
  pdfUrl: string;
  htmlUrl: string;
}

async function issue(key: string, purpose: string, options: { header?: string; asOf?: string; uscc?: string } = {}) {
  return hub.request<{ issueCreditReport: Issued }>(ISSUE, { uscc: options.uscc ?? DEMO_SHOWCASE_USCC, purpose, asOf: options.asOf }, { key, purpose: options.header });
}

async function verify(number: string, code: string | null, presented?: Buffer) {
  const query = code === null ? '' : `?code=${encodeURIComponent(code)}`;
  const type = presented?.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : 'text/html';
  const response = await fetch(`${base}/verify/${encodeURIComponent(number)}${query}`, presented ? { method: 'POST', body: presented, headers: { 'content-type': type } } : {});
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function download(path: string): Promise<Buffer> {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** The subject's colour today as the public API answers it. */
async function colorNow(uscc: string): Promise<string | null> {
  const answer = await hub.request<{ enterprise: { envCredit: { color: string } | null } | null }>('query($u: USCC!) { enterprise(uscc: $u) { envCredit { color } } }', { u: uscc });
  return answer.data?.enterprise?.envCredit?.color ?? null;
}

/** Runs SQL as the attacker with database access would: past the append-only trigger. */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  await hub.sql('ALTER TABLE gateway.credit_report DISABLE TRIGGER credit_report_immutable');
  try {
    await hub.sql(sql, params);
  } finally {
    await hub.sql('ALTER TABLE gateway.credit_report ENABLE TRIGGER credit_report_immutable');
  }
}

describe('credit reports (信用报告)', () => {
  it('issues a report that verifies as genuine, unaltered and valid, with the colour now, and audits its purpose', async () => {
    const answer = await issue('demo-env-admin', 'PROCUREMENT');
    expect(answer.errors).toBeUndefined();
    const report = answer.data!.issueCreditReport;
    expect(report.number).toMatch(/^XYBG-\d{4}-[0-9A-Z]{11}$/);
    expect(report.asOf).toBe(today());
    expect(report.validUntil).toBe(addDays(report.issuedAt.slice(0, 10), 30));
    const result = await verify(report.number, report.verificationCode);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ found: true, genuine: true, unaltered: true, expired: false, valid: true, uscc: DEMO_SHOWCASE_USCC, problem: null });
    expect(result.body.colorNow).toBe(await colorNow(DEMO_SHOWCASE_USCC));
    const read = await hub.request<{ creditReport: Issued | null }>('query($n: String!) { creditReport(number: $n) { number verificationCode } }', { n: report.number }, { key: 'demo-credit-office' });
    expect(read.data?.creditReport).toEqual({ number: report.number, verificationCode: report.verificationCode });
    const audited = await hub.sql<{ purpose: string; role: string; usccs: string[] }>(
      `SELECT purpose, role, usccs FROM gateway.audit_log WHERE 'Mutation.issueCreditReport' = ANY(fields) AND source_department = 'gateway' ORDER BY id DESC LIMIT 1`,
    );
    expect(audited).toEqual([{ purpose: 'PROCUREMENT', role: 'ENV_ADMIN', usccs: [DEMO_SHOWCASE_USCC] }]);
    // The browser page of the check, without a credential.
    const page = await fetch(`${base}/verify/${report.number}?code=${report.verificationCode}&format=html`);
    expect(await page.text()).toContain('报告真实、未被篡改且在有效期内');
  });

  it('refuses a wrong code, an unknown number and a report signed with another key', async () => {
    const report = (await issue('demo-env-admin', 'BIDDING')).data!.issueCreditReport;
    // Without the right code: only whether the number exists.
    expect(await verify(report.number, 'AAAA-BBBB-CCCC')).toEqual({ status: 200, body: { number: report.number, found: true } });
    expect(await verify(report.number, null)).toEqual({ status: 200, body: { number: report.number, found: true } });
    expect(await verify('XYBG-2026-99999999', report.verificationCode)).toEqual({ status: 404, body: { number: 'XYBG-2026-99999999', found: false } });
    // Hostile paths are refused cheaply, never INTERNAL.
    expect((await fetch(`${base}/verify/%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${base}/verify/${'X'.repeat(5000)}`)).status).toBe(400);
    // A forged row: the stored signature replaced by one made with a key the hub does not hold.
    const { generateKeyPairSync, sign } = await import('node:crypto');
    const [{ manifest }] = await hub.sql<{ manifest: string }>('SELECT manifest FROM gateway.credit_report WHERE number = $1', [report.number]);
    const forged = sign(null, Buffer.from(manifest), generateKeyPairSync('ed25519').privateKey).toString('base64url');
    await tamper('UPDATE gateway.credit_report SET signature = $2 WHERE number = $1', [report.number, forged]);
    expect((await verify(report.number, report.verificationCode)).body).toMatchObject({ genuine: false, unaltered: false, valid: false });
  });

  it('fails verification when one byte of the stored content, the stored PDF or a printed copy changes', async () => {
    const report = (await issue('demo-env-admin', 'APPROVAL')).data!.issueCreditReport;
    const pdf = await download(report.pdfUrl);
    const html = await download(report.htmlUrl);
    expect((await verify(report.number, report.verificationCode, pdf)).body).toMatchObject({ unaltered: true, valid: true });
    expect((await verify(report.number, report.verificationCode, html)).body).toMatchObject({ unaltered: true, valid: true });
    // A printed (downloaded) copy with one byte changed.
    const edited = Buffer.from(pdf);
    edited[Math.floor(edited.length / 2)] ^= 0x01;
    expect((await verify(report.number, report.verificationCode, edited)).body).toMatchObject({ genuine: true, unaltered: false, issued: false, valid: false });
    const editedHtml = Buffer.from(html.toString('utf8').replace('企业环境信用报告', '企业环境信用報告'));
    expect((await verify(report.number, report.verificationCode, editedHtml)).body).toMatchObject({ unaltered: false, valid: false });
    // One byte of the stored content (the score digit or any other character).
    const [{ content }] = await hub.sql<{ content: string }>('SELECT content FROM gateway.credit_report WHERE number = $1', [report.number]);
    const i = content.indexOf('"asOf"') + 9;
    const changed = content.slice(0, i) + (content[i] === '1' ? '2' : '1') + content.slice(i + 1);
    expect(changed.length).toBe(content.length);
    await tamper('UPDATE gateway.credit_report SET content = $2 WHERE number = $1', [report.number, changed]);
    expect((await verify(report.number, report.verificationCode)).body).toMatchObject({ unaltered: false, valid: false });
    // And one byte of the stored PDF of another report.
    const other = (await issue('demo-env-admin', 'APPROVAL')).data!.issueCreditReport;
    await tamper(`UPDATE gateway.credit_report SET pdf = overlay(pdf placing '\\x00'::bytea from 200 for 1) WHERE number = $1`, [other.number]);
    expect((await verify(other.number, other.verificationCode)).body).toMatchObject({ unaltered: false, valid: false });
    // The table refuses edits that do not go past its trigger.
    await expect(hub.sql('UPDATE gateway.credit_report SET purpose = $2 WHERE number = $1', [other.number, 'BIDDING'])).rejects.toThrow(/append-only/);
  });

  it('verifies an expired report as expired, still genuine, with the colour today', async () => {
    const principal: Principal = { clientId: 'test', clientName: 'test', role: 'ENV_ADMIN', agency: '连云港市生态环境局', districtCode: null, purpose: null };
    const issuedAt = new Date(Date.now() - 40 * 86_400_000);
    const report = await hub.hub.reports.credit.issue(createContext(principal, 'test-expired'), { uscc: DEMO_SHOWCASE_USCC, asOf: null, purpose: 'QUALIFICATION' }, issuedAt);
    expect(report.validUntil < today()).toBe(true);
    const result = await verify(report.number, report.verificationCode);
    expect(result.body).toMatchObject({ genuine: true, unaltered: true, expired: true, valid: false });
    expect(result.body.colorNow).toBe(await colorNow(DEMO_SHOWCASE_USCC));
    expect(String(result.body.problem)).toContain('过期');
  });

  it.each([
    { who: 'a dashboard (no report purposes)', key: 'demo-dashboard', purpose: 'PROCUREMENT', header: undefined },
    { who: 'the public', key: undefined, purpose: 'PROCUREMENT', header: undefined },
    { who: 'a district officer', key: 'demo-env-officer-haizhou', purpose: 'SUPERVISION', header: undefined },
    { who: 'a bank asking for a procurement purpose', key: 'demo-bank', purpose: 'PROCUREMENT', header: 'LOAN_APPLICATION' },
    { who: 'a bank whose report purpose differs from its stated one', key: 'demo-bank', purpose: 'CREDIT_REVIEW', header: 'LOAN_APPLICATION' },
    { who: 'a public agency stating another purpose', key: 'demo-public-agency', purpose: 'BIDDING', header: 'PROCUREMENT' },
    { who: 'the credit office with an unknown purpose', key: 'demo-credit-office', purpose: 'CURIOSITY', header: undefined },
  ])('refuses $who with FORBIDDEN and issues nothing', async ({ key, purpose, header }) => {
    const before = await hub.sql<{ n: string }>('SELECT count(*) AS n FROM gateway.credit_report');
    const answer = await hub.request(ISSUE, { uscc: DEMO_SHOWCASE_USCC, purpose }, { key, purpose: header });
    expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
    expect(await hub.sql<{ n: string }>('SELECT count(*) AS n FROM gateway.credit_report')).toEqual(before);
  });

  it('gives a public agency a report with only what its role may read', async () => {
    const answer = await issue('demo-public-agency', 'BIDDING', { header: 'BIDDING' });
    expect(answer.errors).toBeUndefined();
    const [{ content }] = await hub.sql<{ content: string }>('SELECT content FROM gateway.credit_report WHERE number = $1', [answer.data!.issueCreditReport.number]);
    const parsed = JSON.parse(content) as { withheld: string[]; commitments: unknown; subject: { legalRepresentative: unknown }; measures: unknown[] | null };
    expect(parsed.withheld).toEqual(expect.arrayContaining(['envCreditEvents', 'legalRepresentative']));
    expect(parsed.commitments).toBeNull();
    expect(parsed.subject.legalRepresentative).toBeNull();
    expect(parsed.measures).not.toBeNull();
    // Its own report reads back; the bank cannot read it.
    const number = answer.data!.issueCreditReport.number;
    const own = await hub.request<{ creditReport: { number: string } | null }>('query($n: String!) { creditReport(number: $n) { number } }', { n: number }, { key: 'demo-public-agency', purpose: 'BIDDING' });
    expect(own.data?.creditReport?.number).toBe(number);
    const other = await hub.request<{ creditReport: { number: string } | null }>('query($n: String!) { creditReport(number: $n) { number } }', { n: number }, { key: 'demo-bank', purpose: 'CREDIT_REVIEW' });
    expect(other.data?.creditReport).toBeNull();
  });

  it('prints a PDF that renders to PNG pages and states the numbers the API answers for the same date', async () => {
    const asOf = addDays(today(), -10);
    const report = (await issue('demo-credit-office', 'MARKET_ACCESS', { asOf })).data!.issueCreditReport;
    const pdfFile = join(scratch, `${report.number}.pdf`);
    writeFileSync(pdfFile, await download(report.pdfUrl));
    execFileSync('pdftoppm', ['-r', '60', '-png', pdfFile, join(scratch, 'page')]);
    if (process.env.REPORTS_KEEP_PDF) execFileSync('cp', [pdfFile, process.env.REPORTS_KEEP_PDF]);
    const pages = readdirSync(scratch).filter((name) => name.startsWith('page') && name.endsWith('.png'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(statSync(join(scratch, page)).size).toBeGreaterThan(1_000);
    const text = execFileSync('pdftotext', [pdfFile, '-']).toString('utf8');
    const api = await hub.request<{
      enterprise: { name: string; envCredit: { color: string; score: number }; jointMeasures: { measure: { code: string; legalBasis: string } }[]; creditListings: { documentNo: string | null }[]; marketListings: { documentNo: string | null }[] };
    }>(
      'query($u: USCC!, $d: Date!) { enterprise(uscc: $u) { name envCredit(asOf: $d) { color score } jointMeasures(asOf: $d) { measure { code legalBasis } } creditListings { documentNo } marketListings { documentNo } } }',
      { u: DEMO_SHOWCASE_USCC, d: asOf },
      { key: 'demo-credit-office' },
    );
    const e = api.data!.enterprise;
    const squeezed = text.replace(/\s+/g, '');
    expect(squeezed).toContain(report.number);
    expect(squeezed).toContain(report.verificationCode);
    expect(squeezed).toContain(e.name);
    expect(squeezed).toContain(`截至${printedDate(asOf)}，记分${e.envCredit.score}分`);
    expect(squeezed).toContain({ GREEN: '绿色', BLUE: '蓝色', YELLOW: '黄色', RED: '红色', BLACK: '黑色' }[e.envCredit.color]);
    expect(e.jointMeasures.length).toBeGreaterThan(0);
    expect(squeezed).toContain(`六、正在实施的联合奖惩措施（${e.jointMeasures.length}项）`);
    expect(squeezed).toContain(`七、名单信息（${e.creditListings.length + e.marketListings.length}条）`);
    const html = (await download(report.htmlUrl)).toString('utf8');
    for (const applied of e.jointMeasures) expect(html).toContain(`（${applied.measure.code}）`);
    const [{ content }] = await hub.sql<{ content: string }>('SELECT content FROM gateway.credit_report WHERE number = $1', [report.number]);
    const stored = JSON.parse(content) as { rating: { color: string; score: number }; measures: { code: string }[] };
    expect(stored.rating).toMatchObject({ color: e.envCredit.color, score: e.envCredit.score });
    expect(stored.measures.map((m) => m.code).sort()).toEqual(e.jointMeasures.map((m) => m.measure.code).sort());
  });

  it('serves the stored documents to their readers only, and signed links only while valid', async () => {
    const report = (await issue('demo-env-admin', 'SUPERVISION')).data!.issueCreditReport;
    const path = `/reports/${report.number}.html`;
    expect((await fetch(`${base}${path}`)).status).toBe(404);
    expect((await fetch(`${base}${path}`, { headers: { authorization: 'Bearer demo-market' } })).status).toBe(404);
    expect((await fetch(`${base}${path}`, { headers: { authorization: 'Bearer demo-credit-office' } })).status).toBe(200);
    expect((await fetch(`${base}${report.htmlUrl.replace(/sig=./, 'sig=A')}`)).status).toBe(403);
  });

  it('as of a past day states the penalties published that day for the bureau; a repair ends sharing with a bank and a public agency for every day', async () => {
    const admin = { key: 'demo-env-admin' };
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const decidedOn = addDays(today(), -200);
    const asOf = addDays(today(), -5);
    const recorded = await hub.request<{ recordCreditEvent: { event: { id: string; publicUntil: string } } }>(
      'mutation($i: RecordCreditEventInput!) { recordCreditEvent(input: $i) { event { id publicUntil } } }',
      { i: { uscc, type: 'FINE', occurredOn: decidedOn, decisionNo: '连环罚〔修复测试〕1号', publicityMonths: 12 } },
      admin,
    );
    expect(recorded.errors).toBeUndefined();
    const eventId = recorded.data!.recordCreditEvent.event.id;
    expect(recorded.data!.recordCreditEvent.event.publicUntil).toBe(addMonths(decidedOn, 12));
    // Repaired today: the publication ends today (DOMAIN.md §11), and so does the sharing with partners.
    const applied = await hub.request<{ applyCreditRepair: { id: string } }>('mutation($i: ApplyCreditRepairInput!) { applyCreditRepair(input: $i) { id } }', { i: { eventId, reason: '已完成整改', appliedOn: today() } }, admin);
    expect(applied.errors).toBeUndefined();
    const reviewed = await hub.request<{ reviewCreditRepair: { status: string; decidedOn: string } }>(
      'mutation($i: ReviewCreditRepairInput!) { reviewCreditRepair(input: $i) { status decidedOn } }',
      { i: { applicationId: applied.data!.applyCreditRepair.id, decision: 'UPHOLD', note: '同意修复' } },
      admin,
    );
    expect(reviewed.data?.reviewCreditRepair).toEqual({ status: 'APPROVED', decidedOn: today() });
    const published = { decisionNo: '连环罚〔修复测试〕1号', type: 'FINE', typeName: '罚款', decidedOn, publicUntil: today() };
    const stored = async (number: string) => {
      const [{ content }] = await hub.sql<{ content: string }>('SELECT content FROM gateway.credit_report WHERE number = $1', [number]);
      return JSON.parse(content) as { asOf: string; penalties: unknown[] | null; withheld: string[] };
    };
    for (const [key, purpose] of [
      ['demo-public-agency', 'BIDDING'],
      ['demo-bank', 'LOAN_APPLICATION'],
    ]) {
      const past = await issue(key, purpose, { header: purpose, asOf, uscc });
      expect(past.errors, key).toBeUndefined();
      const content = await stored(past.data!.issueCreditReport.number);
      expect(content.withheld, key).toContain('envCreditEvents');
      expect(content.penalties, key).toEqual([]);
      const current = await issue(key, purpose, { header: purpose, uscc });
      expect((await stored(current.data!.issueCreditReport.number)).penalties, key).toEqual([]);
    }
    // The bureau's own report (from its events) keeps the whole record: published on asOf, with the points.
    const bureau = await issue('demo-env-admin', 'SUPERVISION', { asOf, uscc });
    expect((await stored(bureau.data!.issueCreditReport.number)).penalties).toEqual([{ ...published, points: -3 }]);
    // The API the reports read: publicPenalties(asOf) for a partner; the public sees today's publication only.
    const query = 'query($u: USCC!, $d: Date) { enterprise(uscc: $u) { publicPenalties(asOf: $d) { decisionNo type typeName decidedOn publicUntil } } }';
    const asBank = await hub.request<{ enterprise: { publicPenalties: unknown[] } }>(query, { u: uscc, d: asOf }, { key: 'demo-bank', purpose: 'CREDIT_REVIEW' });
    expect(asBank.data?.enterprise.publicPenalties).toEqual([]);
    const asCreditOffice = await hub.request<{ enterprise: { publicPenalties: unknown[] } }>(query, { u: uscc, d: asOf }, { key: 'demo-credit-office' });
    expect(asCreditOffice.data?.enterprise.publicPenalties).toEqual([published]);
    expect((await hub.request<{ enterprise: { publicPenalties: unknown[] } }>(query, { u: uscc })).data?.enterprise.publicPenalties).toEqual([]);
    expect(errorCodes(await hub.request(query, { u: uscc, d: asOf }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.request(query, { u: uscc, d: addDays(today(), 1) }, admin))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an address that keeps asking /verify with 429 and Retry-After, before checking anything; a partner is unaffected', async () => {
    const limited = await startTestHub({ config: { rateLimit: { requests: 3, windowMs: 60_000 } } });
    try {
      const limitedBase = limited.hub.url.replace(/\/graphql$/, '');
      const path = `${limitedBase}/verify/XYBG-2026-00000001?code=AAAA-BBBB-CCCC`;
      const answers: { status: number; retryAfter: string | null; body: { found?: boolean; errors?: unknown[] } }[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await fetch(path);
        answers.push({ status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { found?: boolean; errors?: unknown[] } });
      }
      // Within the limit the check runs (an unknown number: 404, found false); past it nothing is checked.
      expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 429, 429]);
      expect(answers[0].body.found).toBe(false);
      const retryAfter = Number(answers[3].retryAfter);
      expect(retryAfter).toBeGreaterThan(0);
      expect(answers[3].body.errors).toEqual([{ message: `too many verification requests from this address; retry after ${retryAfter} s`, extensions: { code: 'RATE_LIMITED', retryAfter } }]);
      // A copy POSTed is refused before its body is read.
      expect((await fetch(path, { method: 'POST', body: Buffer.alloc(1000) })).status).toBe(429);
      // The address's anonymous budget is the one PUBLIC /graphql requests use; a partner's own is untouched.
      expect(errorCodes(await limited.request('query { measureCatalog { code } }'))).toEqual(['RATE_LIMITED']);
      expect((await limited.request('query { measureCatalog { code } }', {}, { key: 'demo-credit-office' })).errors).toBeUndefined();
    } finally {
      await limited.stop();
    }
  });

  it('refuses a production start without HUB_REPORT_SIGNING_KEY or HUB_REPORT_SM2_KEY, and keys of the wrong kind', async () => {
    const { loadConfig } = await import('../src/shared/config');
    const { startHub } = await import('../src/hub/hub');
    const base = { ...loadConfig({ HUB_DATA_DIR: scratch }), databaseUrl: hub.hub.databaseUrl, port: 0, production: true, demo: false, audit: { key: 'k'.repeat(40), checkpointFile: join(scratch, 'cp.jsonl'), checkpointIntervalMs: 60_000 } };
    await expect(startHub({ config: base })).rejects.toThrow(/HUB_REPORT_SIGNING_KEY must be set/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(startHub({ config: { ...base, reports: { ...base.reports, signingKey: rsa } } })).rejects.toThrow(/must be an Ed25519 key/);
    await expect(startHub({ config: { ...base, reports: { ...base.reports, signingKey: SIGNING_KEY } } })).rejects.toThrow(/HUB_REPORT_SM2_KEY must be set/);
    await expect(startHub({ config: { ...base, reports: { ...base.reports, signingKey: SIGNING_KEY, sm2Key: rsa } } })).rejects.toThrow(/must be an SM2 key/);
  });

  it('is issued from the command line too: `ecocredit report subject` and `ecocredit report annual`', async () => {
    ensureCliBuilt();
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: hub.hub.databaseUrl, HUB_DEMO: '1', HUB_DATA_DIR: scratch, HUB_REPORT_SIGNING_KEY: SIGNING_KEY, HUB_REPORT_SM2_KEY: SM2_KEY };
    const cli = (args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(process.execPath, ['bin/ecocredit.js', ...args], { env }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
      });
    const out = join(scratch, 'cli-report.pdf');
    const subject = await cli(['report', 'subject', DEMO_SHOWCASE_USCC, '--purpose', 'BIDDING', '--out', out]);
    expect(subject.code, subject.stderr).toBe(0);
    const [, number, code] = /report (XYBG-\d{4}-[0-9A-Z]{11})[\s\S]*verification code (\S+); check at http:\/\/localhost:\d+\/verify\//.exec(subject.stdout) ?? [];
    expect(number).toBeDefined();
    execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '1', out, join(scratch, 'cli-page')]);
    const { readFileSync } = await import('node:fs');
    expect((await verify(number, code, readFileSync(out))).body).toMatchObject({ genuine: true, unaltered: true, valid: true, purpose: 'BIDDING' });
    const audited = await hub.sql<{ purpose: string; client_id: string }>(`SELECT purpose, client_id FROM gateway.audit_log WHERE 'Command.report.subject' = ANY(fields) ORDER BY id DESC LIMIT 1`);
    expect(audited).toEqual([{ purpose: 'BIDDING', client_id: `cli:${userInfo().username}` }]);
    const csvOut = join(scratch, 'annual.csv');
    const annual = await cli(['report', 'annual', today().slice(0, 4), '--format', 'csv', '--out', csvOut]);
    expect(annual.code, annual.stderr).toBe(0);
    expect(readFileSync(csvOut, 'utf8')).toContain('subjectsRated');
    const bad = await cli(['report', 'subject', 'NOT-A-CODE']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: "report subject" needs an 18-character USCC/);
  }, 180_000);
});
