import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { DEPARTMENTS, StatementCounter } from '../src/shared/database';
import { failureText } from '../web/dashboard/failure-text';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

/**
 * The queries behind the browser pages (issue 13): the dashboard's colour trend, changes and
 * drill-down, the last inspection draws and the feedback roll-up for DASHBOARD, and the public
 * portal's published list and simple search. Each against the figures the API already answers,
 * with its permission rule, row scope and refusals.
 */
const ADMIN = { key: 'demo-env-admin' };
const OFFICER = { key: 'demo-env-officer-haizhou' };
const DASH = { key: 'demo-dashboard' };
const BANK = { key: 'demo-bank', purpose: 'LOAN_APPLICATION' };
const HAIZHOU = '320706';
const COLORS = ['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK'];

type Bucket = { group: string; color: string; count: number };

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 300 });
});

afterAll(async () => {
  await hub?.stop();
});

async function data<T>(query: string, options: { key?: string; purpose?: string } = {}): Promise<T> {
  const response = await hub.request<T>(query, {}, options);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

async function distribution(asOf: string, options = DASH): Promise<Bucket[]> {
  return (await data<{ colorDistribution: Bucket[] }>(`{ colorDistribution(asOf: "${asOf}", groupBy: DISTRICT) { group color count } }`, options)).colorDistribution;
}

describe('colorTrend', () => {
  it('counts each colour on every month end and on the date itself, zeros included, as colorDistribution does', async () => {
    const asOf = today();
    const { colorTrend } = await data<{ colorTrend: { on: string; color: string; count: number }[] }>(`{ colorTrend(asOf: "${asOf}", months: 4) { on color count } }`, DASH);
    const days = [...new Set(colorTrend.map((p) => p.on))];
    expect(days).toHaveLength(4);
    expect(days[3]).toBe(asOf);
    // Month ends: the day after each is the first of a month.
    for (const day of days.slice(0, 3)) expect(addDays(day, 1).slice(8)).toBe('01');
    expect(colorTrend.filter((p) => p.on === days[0]).map((p) => p.color)).toEqual(COLORS);
    for (const day of [days[0], days[3]]) {
      const buckets = await distribution(day);
      for (const color of COLORS) {
        const expected = buckets.filter((b) => b.color === color).reduce((sum, b) => sum + b.count, 0);
        expect(colorTrend.find((p) => p.on === day && p.color === color)!.count, `${day} ${color}`).toBe(expected);
      }
    }
  });

  it('counts an ENV_OFFICER’s own district only', async () => {
    const asOf = today();
    const { colorTrend } = await data<{ colorTrend: { on: string; color: string; count: number }[] }>(`{ colorTrend(asOf: "${asOf}", months: 1) { color count } }`, OFFICER);
    const haizhou = (await distribution(asOf)).filter((b) => b.group === HAIZHOU);
    for (const color of COLORS) expect(colorTrend.find((p) => p.color === color)!.count).toBe(haizhou.find((b) => b.color === color)?.count ?? 0);
  });

  it('refuses a number of months out of range, and callers who may not see colour counts', async () => {
    const tooMany = await hub.request('{ colorTrend(months: 61) { count } }', {}, DASH);
    expect(errorCodes(tooMany)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(tooMany.errors![0].message).toContain('colorTrend(months: 61) is over the budget of 60 months per request');
    const none = await hub.request('{ colorTrend(months: 0) { count } }', {}, DASH);
    expect(errorCodes(none)).toEqual(['BAD_USER_INPUT']);
    expect(none.errors![0].message).toContain('months must be an integer from 1 to 60, got 0');
    expect(errorCodes(await hub.request('{ colorTrend { count } }'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.request('{ colorTrend { count } }', {}, BANK))).toEqual(['FORBIDDEN']);
  });
});

describe('colorChanges and colorBucketSubjects', () => {
  it('lists exactly the subjects whose colour differs between the two dates, as envCredit answers for each', async () => {
    const to = today();
    const from = addDays(to, -30);
    // A subject that turns BLACK today, whatever the demo data holds.
    const blue = (await distribution(to)).find((b) => b.color === 'BLUE' && b.count > 0)!;
    const subject = (await data<{ colorBucketSubjects: { uscc: string }[] }>(`{ colorBucketSubjects(groupBy: DISTRICT, group: "${blue.group}", color: BLUE, first: 1) { uscc } }`, DASH)).colorBucketSubjects[0].uscc;
    await data(`mutation { recordCreditEvent(input: { uscc: "${subject}", type: "CRIMINAL_LIABILITY", occurredOn: "${to}", decisionNo: "连环罚〔2026〕看板1号" }) { ratingAfter { color } } }`, ADMIN);
    const { colorChanges } = await data<{ colorChanges: { enterprise: { uscc: string; name: string }; colorBefore: string | null; colorAfter: string }[] }>(
      `{ colorChanges(from: "${from}", to: "${to}") { enterprise { uscc name } colorBefore colorAfter } }`,
      DASH,
    );
    expect(colorChanges.find((c) => c.enterprise.uscc === subject)).toMatchObject({ colorBefore: 'BLUE', colorAfter: 'BLACK' });
    const codes = colorChanges.map((c) => c.enterprise.uscc);
    const { enterprises } = await data<{ enterprises: { uscc: string; before: { color: string } | null; after: { color: string } | null }[] }>(
      `{ enterprises(usccs: ${JSON.stringify(codes)}) { uscc before: envCredit(asOf: "${from}") { color } after: envCredit(asOf: "${to}") { color } } }`,
      ADMIN,
    );
    enterprises.forEach((e, i) => {
      expect(e.after?.color).toBe(colorChanges[i].colorAfter);
      expect(e.before?.color ?? null).toBe(colorChanges[i].colorBefore);
      expect(e.before?.color).not.toBe(e.after?.color);
    });
    expect(colorChanges.every((c) => c.enterprise.name.length > 0)).toBe(true);
    // Every subject rated on both days and not listed keeps its colour: check against the per-colour totals.
    const before = await distribution(from);
    const after = await distribution(to);
    for (const color of COLORS) {
      const total = (buckets: Bucket[]) => buckets.filter((b) => b.color === color).reduce((s, b) => s + b.count, 0);
      const net = colorChanges.filter((c) => c.colorAfter === color).length - colorChanges.filter((c) => c.colorBefore === color).length;
      expect(total(after) - total(before), color).toBe(net);
    }
  });

  it('refuses dates in the wrong order or too far apart', async () => {
    const wrong = await hub.request('{ colorChanges(from: "2026-06-30", to: "2026-06-01") { colorAfter } }', {}, DASH);
    expect(wrong.errors![0].message).toBe('from 2026-06-30 must be before to 2026-06-01');
    const far = await hub.request('{ colorChanges(from: "2024-01-01", to: "2026-06-01") { colorAfter } }', {}, DASH);
    expect(errorCodes(far)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(far.errors![0].message).toContain('spans 882 days, over the budget of 366 days per request');
  });

  it('drills down to exactly the subjects behind each bucket of colorDistribution', async () => {
    const asOf = today();
    const buckets = await distribution(asOf);
    const red = buckets.find((b) => b.color === 'RED' && b.count > 0)!;
    const { colorBucketSubjects } = await data<{ colorBucketSubjects: { uscc: string; districtCode: string; envCredit: { color: string } }[] }>(
      `{ colorBucketSubjects(asOf: "${asOf}", groupBy: DISTRICT, group: "${red.group}", color: RED) { uscc districtCode envCredit(asOf: "${asOf}") { color } } }`,
      DASH,
    );
    expect(colorBucketSubjects).toHaveLength(red.count);
    for (const subject of colorBucketSubjects) expect([subject.districtCode, subject.envCredit.color]).toEqual([red.group, 'RED']);
    const { colorDistribution: byIndustry } = await data<{ colorDistribution: Bucket[] }>(`{ colorDistribution(asOf: "${asOf}", groupBy: INDUSTRY) { group color count } }`, DASH);
    const blue = byIndustry.find((b) => b.color === 'BLUE' && b.count > 1)!;
    const industry = await data<{ colorBucketSubjects: { industryCode: string }[] }>(
      `{ colorBucketSubjects(asOf: "${asOf}", groupBy: INDUSTRY, group: "${blue.group}", color: BLUE, first: 1000) { industryCode } }`,
      DASH,
    );
    expect(industry.colorBucketSubjects.map((s) => s.industryCode)).toEqual(Array(blue.count).fill(blue.group));
    // An officer drilling into another district finds nobody there.
    const other = buckets.find((b) => b.group !== HAIZHOU && b.count > 0)!;
    const scoped = await data<{ colorBucketSubjects: unknown[] }>(`{ colorBucketSubjects(groupBy: DISTRICT, group: "${other.group}", color: ${other.color}) { uscc } }`, OFFICER);
    expect(scoped.colorBucketSubjects).toEqual([]);
    expect(errorCodes(await hub.request(`{ colorBucketSubjects(groupBy: DISTRICT, group: "${red.group}", color: RED, first: 0) { uscc } }`, {}, DASH))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('recentInspectionDraws and measureFeedbackRollup for the dashboard', () => {
  it('lists the last draws newest first, an officer its own district’s only', async () => {
    const city = await data<{ drawInspections: { id: string } }>('mutation { drawInspections(input: { rate: 0.1 }) { id } }', ADMIN);
    const haizhou = await data<{ drawInspections: { id: string } }>(`mutation { drawInspections(input: { rate: 0.1, districtCode: "${HAIZHOU}" }) { id } }`, OFFICER);
    const { recentInspectionDraws } = await data<{ recentInspectionDraws: { id: string; populationSize: number; reproducible: boolean }[] }>('{ recentInspectionDraws(last: 5) { id populationSize reproducible } }', DASH);
    expect(recentInspectionDraws.slice(0, 2).map((d) => d.id)).toEqual([haizhou.drawInspections.id, city.drawInspections.id]);
    expect(recentInspectionDraws.every((d) => d.reproducible)).toBe(true);
    const officer = await data<{ recentInspectionDraws: { id: string; districtCode: string }[] }>('{ recentInspectionDraws { id districtCode } }', OFFICER);
    expect(officer.recentInspectionDraws.map((d) => d.districtCode)).toEqual(officer.recentInspectionDraws.map(() => HAIZHOU));
    expect(officer.recentInspectionDraws.map((d) => d.id)).toContain(haizhou.drawInspections.id);
    expect(errorCodes(await hub.request('{ recentInspectionDraws { id } }', {}, BANK))).toEqual(['FORBIDDEN']);
  });

  it('gives DASHBOARD the credit office’s roll-up', async () => {
    const dashboard = await data<{ measureFeedbackRollup: unknown[] }>('{ measureFeedbackRollup { measure { code } agency subjectsDue subjectsReported } }', DASH);
    const office = await data<{ measureFeedbackRollup: unknown[] }>('{ measureFeedbackRollup { measure { code } agency subjectsDue subjectsReported } }', { key: 'demo-credit-office' });
    expect(dashboard.measureFeedbackRollup).toEqual(office.measureFeedbackRollup);
    expect(dashboard.measureFeedbackRollup.length).toBeGreaterThan(0);
  });
});

describe('budgets of the dashboard and search reads (issue 21)', () => {
  const departmentStatements = () => StatementCounter.total([...DEPARTMENTS, 'snapshot']);

  it('refuses a request over a budget at once, with QUERY_TOO_COMPLEX naming the limit, before any department reads', async () => {
    const refusals: { query: string; variables?: Record<string, unknown>; message: string; extensions: Record<string, unknown> }[] = [
      {
        query: '{ colorTrend(months: 120) { count } }',
        message: 'colorTrend(months: 120) is over the budget of 60 months per request',
        extensions: { argument: 'months', limit: 60, unit: 'months', actual: 120 },
      },
      {
        query: 'query Trend($m: Int!) { colorTrend(months: $m) { count } }',
        variables: { m: 61 },
        message: 'over the budget of 60 months',
        extensions: { argument: 'months', limit: 60 },
      },
      {
        query: '{ measureFeedbackRollup(from: "2020-01-01", to: "2026-01-01") { subjectsDue } }',
        message: 'measureFeedbackRollup(from: 2020-01-01, to: 2026-01-01) spans 2192 days, over the budget of 731 days per request',
        extensions: { argument: 'from..to', limit: 731, unit: 'days', actual: 2192 },
      },
      {
        // `to` defaults to today: a `from` three years back is over the budget too.
        query: 'query Rollup($from: Date) { measureFeedbackRollup(from: $from) { subjectsDue } }',
        variables: { from: addDays(today(), -3 * 365) },
        message: `spans ${3 * 365} days, over the budget of 731 days`,
        extensions: { limit: 731, unit: 'days' },
      },
      {
        query: '{ findEnterprises(text: "有限公司", first: 500) { uscc } }',
        message: 'findEnterprises(first: 500) is over the budget of 100 items per request',
        extensions: { argument: 'first', limit: 100, unit: 'items' },
      },
      {
        query: `{ colorChanges(from: "${addDays(today(), -400)}") { districtCode } }`,
        message: 'spans 400 days, over the budget of 366 days per request',
        extensions: { argument: 'from..to', limit: 366, unit: 'days', actual: 400 },
      },
      {
        query: '{ colorBucketSubjects(groupBy: DISTRICT, group: "320703", color: RED, first: 5000) { uscc } }',
        message: 'colorBucketSubjects(first: 5000) is over the budget of 1000 items per request',
        extensions: { argument: 'first', limit: 1000, unit: 'items' },
      },
      {
        query: '{ recentInspectionDraws(last: 500) { id } }',
        message: 'recentInspectionDraws(last: 500) is over the budget of 50 items per request',
        extensions: { argument: 'last', limit: 50, unit: 'items' },
      },
      {
        // Connections: `first` counts against the list items a request may ask for.
        query: '{ priceSurcharges(period: "2026-H1", first: 100000) { totalCount } }',
        message: 'at most 1000 per request are allowed',
        extensions: { limit: 1000, actual: 100000 },
      },
      {
        query: '{ searchEnterprises(filter: { nameContains: "化工" }, first: 100000) { totalCount } }',
        message: 'at most 1000 per request are allowed',
        extensions: { limit: 1000, actual: 100000 },
      },
    ];
    for (const refusal of refusals) {
      const before = departmentStatements();
      const answer = await hub.request(refusal.query, refusal.variables ?? {}, DASH);
      expect(errorCodes(answer), refusal.query).toEqual(['QUERY_TOO_COMPLEX']);
      expect(answer.errors![0].message).toContain(refusal.message);
      expect(answer.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', ...refusal.extensions });
      expect(departmentStatements() - before, refusal.query).toBe(0);
      // The page tells it in Chinese, naming the limit, never as INTERNAL.
      const text = failureText('zh', { code: 'QUERY_TOO_COMPLEX', message: answer.errors![0].message, extensions: answer.errors![0].extensions as Record<string, unknown> });
      expect(text, refusal.query).toContain(String(refusal.extensions.limit));
      expect(text).toMatch(/^查询超出限额（.+），未予执行。/);
    }
  });

  it('the dashboard tells a refusal in the caller’s language, naming the limit the hub named', async () => {
    const answer = await hub.request('{ colorTrend(months: 61) { count } }', {}, DASH);
    const failure = { code: answer.errors![0].extensions?.code as string, message: answer.errors![0].message, extensions: answer.errors![0].extensions as Record<string, unknown> };
    expect(failureText('zh', failure)).toBe('查询超出限额（months 最多 60 个月），未予执行。请缩小统计范围后重试。');
    expect(failureText('en', failure)).toBe('Refused: over the budget (months: at most 60 months). Ask for less at once (a shorter period or a narrower filter).');
    const rollup = await hub.request(`{ measureFeedbackRollup(from: "2020-01-01", to: "2026-01-01") { subjectsDue } }`, {}, DASH);
    expect(failureText('zh', { code: 'QUERY_TOO_COMPLEX', extensions: rollup.errors![0].extensions as Record<string, unknown> })).toContain('from..to 最多 731 天');
    // Outages and internal errors: no code, no English.
    expect(failureText('zh', { code: 'SERVICE_UNAVAILABLE' })).toBe('相关部门的服务暂时不可用，请稍后再试。');
    expect(failureText('zh', { code: 'RATE_LIMITED' })).toBe('请求过于频繁，请稍后再试。');
    expect(failureText('zh', { code: 'INTERNAL', message: 'internal error' })).toBe('服务出错，请稍后再试；如仍失败，请联系管理员。');
    expect(failureText('zh', null)).toBe('无法连接服务，请稍后再试。');
  });

  it('answers requests within the budgets: the dashboard’s own, a full two years of roll-up', async () => {
    const to = today();
    await data(`{ colorTrend(months: 60) { count } }`, DASH);
    await data(`{ measureFeedbackRollup(from: "${addDays(to, -731)}", to: "${to}") { subjectsDue } }`, DASH);
    await data('{ findEnterprises(text: "有限公司", first: 100) { uscc } }', DASH);
  });
});

describe('the public list and search', () => {
  it('pages through every rated subject by code, for anyone', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { publishedRatings: { uscc: string; name: string; envCredit: { color: string; ratedOn: string } }[] } = await data(
        `{ publishedRatings(first: 100${after ? `, after: "${after}"` : ''}) { uscc name envCredit { color ratedOn } } }`,
      );
      seen.push(...page.publishedRatings.map((r) => r.uscc));
      if (page.publishedRatings.length < 100) break;
      after = page.publishedRatings[99].uscc;
    }
    const rated = await hub.sql<{ uscc: string }>('SELECT uscc FROM environment.rated_subject WHERE rated_from <= CURRENT_DATE ORDER BY uscc');
    expect(seen).toEqual(rated.map((r) => r.uscc));
    expect([...seen].sort()).toEqual(seen);
  });

  it('finds by name or code prefix; PUBLIC finds rated subjects only, an officer its district’s only', async () => {
    const unrated = (await hub.sql<{ uscc: string; name: string }>(
      `SELECT r.uscc, r.name FROM market.registration r WHERE NOT EXISTS (SELECT 1 FROM environment.rated_subject s WHERE s.uscc = r.uscc) ORDER BY r.uscc LIMIT 1`,
    ))[0];
    expect(unrated, 'the demo city has unrated registrations').toBeDefined();
    const market = await data<{ findEnterprises: { uscc: string }[] }>(`{ findEnterprises(text: "${unrated.name}") { uscc } }`, { key: 'demo-market' });
    expect(market.findEnterprises.map((e) => e.uscc)).toContain(unrated.uscc);
    const publicly = await data<{ findEnterprises: { uscc: string }[] }>(`{ findEnterprises(text: "${unrated.name}") { uscc } }`);
    expect(publicly.findEnterprises.map((e) => e.uscc)).not.toContain(unrated.uscc);

    const byCode = await data<{ findEnterprises: { uscc: string; envCredit: { color: string } }[] }>('{ findEnterprises(text: "91320700MA1Q3K7") { uscc envCredit { color } } }');
    expect(byCode.findEnterprises).toEqual([{ uscc: '91320700MA1Q3K7P2H', envCredit: { color: 'RED' } }]);
    const officer = await data<{ findEnterprises: { districtCode: string }[] }>('{ findEnterprises(text: "有限公司", first: 100) { districtCode } }', OFFICER);
    expect(officer.findEnterprises.length).toBeGreaterThan(0);
    expect(new Set(officer.findEnterprises.map((e) => e.districtCode))).toEqual(new Set([HAIZHOU]));
    // Wildcards match themselves.
    expect((await data<{ findEnterprises: unknown[] }>('{ findEnterprises(text: "%%") { uscc } }')).findEnterprises).toEqual([]);
    const short = await hub.request('{ findEnterprises(text: "a") { uscc } }');
    expect(short.errors![0].message).toBe('text must be 2 to 50 characters, got 1');
  });
});
