import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhDate } from '../src/apps/reports/render/labels';
import { addDays, addMonths, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §11 reports: the history rows (近三年评价记录) show the stored half-year snapshot colour (the
 * one prices used) and, where it differs, the dynamic colour on that day, each labelled; commitments
 * say 履行中 / 已履行 / 未履行, a running one never 已履行. Scores (§3): 9 − 6 (SUSPENSION_ORDER) − 1
 * (WARNING) = 2 RED; a commitment +1 for 12 months.
 */
const ADMIN = { key: 'demo-env-admin' };
const SIGNING_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
let hub: TestHub;
let base: string;
/** BLUE in the stored 2026-06-30 snapshot; RED on that day after deductions dated before it were recorded late. */
let late: string;

async function ok<T>(query: string, variables: Record<string, unknown>, caller: { key: string; purpose?: string } = ADMIN): Promise<T> {
  const response = await hub.request<T>(query, variables, caller);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

async function record(uscc: string, type: string, occurredOn: string): Promise<void> {
  await ok(`mutation R($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }`, {
    input: { uscc, type, occurredOn, decisionNo: `连环〔2026〕${type}-${occurredOn}-${uscc.slice(-6)}号` },
  });
}

interface HistoryRow {
  date: string;
  color: string | null;
  snapshotColor: string | null;
}
interface Content {
  ratingHistory: HistoryRow[];
  commitments: { signedOn: string; state: string; brokenOn: string | null }[] | null;
  withheld: string[];
}

async function report(uscc: string, caller: { key: string; purpose: string }, asOf?: string): Promise<{ content: Content; html: string }> {
  const data = await ok<{ issueCreditReport: { number: string; htmlUrl: string } }>(
    `mutation I($uscc: USCC!, $purpose: String!, $asOf: Date) { issueCreditReport(uscc: $uscc, purpose: $purpose, asOf: $asOf) { number htmlUrl } }`,
    { uscc, purpose: caller.purpose, asOf },
    caller,
  );
  const [{ content }] = await hub.sql<{ content: string }>('SELECT content FROM gateway.credit_report WHERE number = $1', [data.issueCreditReport.number]);
  const page = await fetch(`${base}${data.issueCreditReport.htmlUrl}`);
  expect(page.status).toBe(200);
  return { content: JSON.parse(content) as Content, html: await page.text() };
}

beforeAll(async () => {
  hub = await startTestHub({ config: { reports: { signingKey: SIGNING_KEY, validityDays: 30, bureau: '连云港市生态环境局' } } });
  base = hub.hub.url.replace(/\/graphql$/, '');
  late = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
  await ok(`mutation { takeHalfYearSnapshot(periodEnd: "2026-06-30") { stored } }`, {});
  // Recorded after the snapshot was stored: the utility billed 2026-H2 at the normal price (BLUE).
  await record(late, 'SUSPENSION_ORDER', '2026-03-01');
  await record(late, 'WARNING', '2026-05-20');
}, 180_000);

afterAll(async () => {
  await hub?.stop();
});

describe('history rows: the stored snapshot colour and, where it differs, the dynamic colour', () => {
  const CALLERS = [
    { name: 'the bureau', caller: { key: 'demo-env-admin', purpose: 'SUPERVISION' } },
    { name: 'a bank', caller: { key: 'demo-bank', purpose: 'CREDIT_REVIEW' } },
  ];
  it.each(CALLERS)('$name reads BLUE (snapshot, the price basis) and RED (dynamic) for 2026-06-30', async ({ caller }) => {
    const { content, html } = await report(late, caller);
    expect(content.withheld).not.toContain('envCreditSnapshots');
    expect(content.ratingHistory.find((row) => row.date === '2026-06-30')).toMatchObject({ date: '2026-06-30', color: 'RED', snapshotColor: 'BLUE' });
    // A half-year end with no stored snapshot: the dynamic colour alone.
    expect(content.ratingHistory.find((row) => row.date === '2025-12-31')).toMatchObject({ color: 'BLUE', snapshotColor: null });
    expect(html).toContain('2026年6月30日</td><td>蓝色（半年度评价快照，价格依据）；当日动态评价：红色</td>');
    expect(html).toContain('2025年12月31日</td><td>蓝色（动态评价）</td>');
  });

  it('as of a day before the snapshot was stored, the row has no snapshot colour', async () => {
    const { content } = await report(late, { key: 'demo-env-admin', purpose: 'SUPERVISION' }, '2026-07-15');
    expect(content.ratingHistory.find((row) => row.date === '2026-06-30')).toMatchObject({ color: 'RED', snapshotColor: null });
  });

  it('the same colour in both prints the snapshot once', async () => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    // Enrolled after the run above: its own snapshot stored now (BLUE, as its dynamic colour).
    await ok(`mutation { takeHalfYearSnapshot(periodEnd: "2026-06-30") { stored } }`, {});
    const { content, html } = await report(uscc, { key: 'demo-env-admin', purpose: 'SUPERVISION' });
    expect(content.ratingHistory.find((row) => row.date === '2026-06-30')).toMatchObject({ color: 'BLUE', snapshotColor: 'BLUE' });
    expect(html).toContain('2026年6月30日</td><td>蓝色（半年度评价快照，价格依据）</td>');
  });
});

describe('commitments in reports: 履行中 / 已履行 / 未履行', () => {
  const CASES = [
    { name: 'running', signed: -3, deduction: null, state: 'RUNNING', words: '履行中' },
    { name: 'kept', signed: -14, deduction: null, state: 'KEPT', words: '已履行' },
    { name: 'broken', signed: -8, deduction: -2, state: 'BROKEN', words: '未履行' },
  ];
  it.each(CASES)('a $name commitment reads $words', async ({ signed, deduction, state, words }) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const signedOn = addMonths(today(), signed);
    await record(uscc, 'CREDIT_COMMITMENT', signedOn);
    const brokenOn = deduction === null ? null : addMonths(today(), deduction);
    if (brokenOn) await record(uscc, 'WARNING', brokenOn);
    const { content, html } = await report(uscc, { key: 'demo-env-admin', purpose: 'SUPERVISION' });
    expect(content.commitments).toEqual([expect.objectContaining({ signedOn, state, brokenOn })]);
    const row = html.slice(html.indexOf('五、信用承诺及履行情况'));
    expect(row).toContain(`<td>${zhDate(signedOn)}</td><td>${zhDate(addDays(addMonths(signedOn, 12), -1))}</td>`);
    expect(row).toContain(words);
    for (const other of ['履行中', '已履行', '未履行'].filter((w) => w !== words)) expect(row.slice(0, row.indexOf('</table>'))).not.toContain(other);
  });
});
