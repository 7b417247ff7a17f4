import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../web/graphiql/examples';
import { startHub } from '../src/hub/hub';
import { loadConfig } from '../src/shared/config';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * The browser pages in Debian's Chromium (playwright-core), against a hub with demo data. The
 * browser may reach the hub only: every other request is aborted and recorded, and the tests fail
 * if there was one. Numbers on the pages are compared with the API's answers for the same date and
 * role. Screenshots (desktop and phone) go to test/screenshots/ (not committed).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH); CI installs it`);

const SHOTS = join(__dirname, 'screenshots');
const VIEWPORTS = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } } as const;
const RED_SUBJECT = '91320700MA1Q3K7P2H';

let hub: TestHub;
let origin: string;
let profile: string;
let browser: BrowserContext;
/** The hubs the browser may reach: the test hub, and the instance with schema hints on (the explorer's test). */
const hubOrigins = new Set<string>();
/** Requests to any host but the hub: aborted, and listed here. */
const leftTheMachine: string[] = [];
/** Every GraphQL request the pages sent: its authorization header and the answer's error codes. */
const pageCalls: { authorization: string | undefined; body: string; errors: string[] }[] = [];

async function open(path: string, viewport: keyof typeof VIEWPORTS = 'desktop'): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(VIEWPORTS[viewport]);
  page.on('response', (response) => {
    if (!response.url().endsWith('/graphql')) return;
    const request = response.request();
    void response
      .json()
      .then((body: { errors?: { extensions?: { code?: string } }[] }) =>
        pageCalls.push({ authorization: request.headers().authorization, body: request.postData() ?? '', errors: (body.errors ?? []).map((e) => String(e.extensions?.code)) }),
      )
      .catch(() => undefined);
  });
  await page.goto(`${origin}${path}`);
  return page;
}

/** Desktop shots show the whole page; phone shots the first screen of it. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: !name.endsWith('-phone') });
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

/** An attribute of every element `selector` matches, in page order. */
async function attributes(page: Page, selector: string, name: string): Promise<(string | null)[]> {
  return Promise.all((await page.locator(selector).all()).map((element) => element.getAttribute(name)));
}

describe.skipIf(!haveChromium)('browser pages (Chromium, network limited to the hub)', () => {
  beforeAll(async () => {
    // The pages as `npm run build` makes them (does nothing when dist/web is up to date).
    execFileSync(process.execPath, [join(__dirname, '../web/build.mjs')], { stdio: 'inherit' });
    // Introspection off, as in production: GraphiQL must then not ask for the schema.
    hub = await startTestHub({ demoSize: 560, config: { schemaHints: false } });
    origin = `http://localhost:${hub.hub.port}`;
    hubOrigins.add(origin);
    mkdirSync(SHOTS, { recursive: true });
    profile = mkdtempSync(join(tmpdir(), 'ecocredit-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await browser.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (hubOrigins.has(url.origin) || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
      leftTheMachine.push(url.href);
      return route.abort('blockedbyclient');
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await hub?.stop();
  });

  it('the public portal shows a subject’s published colour, rating date and penalties as the PUBLIC API answers them, and nothing PUBLIC may not read', async () => {
    const api = await hub.request<{ enterprise: { name: string; envCredit: { color: string; ratedOn: string }; publicPenalties: { decisionNo: string | null }[] } }>(
      `{ enterprise(uscc: "${RED_SUBJECT}") { name envCredit { color ratedOn } publicPenalties { decisionNo } } }`,
    );
    expect(api.errors).toBeUndefined();
    const page = await open(`/public#${RED_SUBJECT}`);
    await page.locator('.overview').waitFor();
    expect(await text(page, '.overview h2')).toBe(api.data!.enterprise.name);
    expect(await page.locator('.overview [data-field="color"] .badge').getAttribute('data-color')).toBe(api.data!.enterprise.envCredit.color);
    expect(await text(page, '.overview [data-field="ratedOn"]')).toBe(api.data!.enterprise.envCredit.ratedOn);
    const shown = await attributes(page, 'table.penalties tbody tr', 'data-decision');
    expect(shown).toEqual(api.data!.enterprise.publicPenalties.map((p) => p.decisionNo ?? ''));
    expect(await page.locator('.block .source').count()).toBe(3);

    // What the bureau may read about this subject and the public may not: none of it is on the page.
    const admin = await hub.request<{ enterprise: Record<string, unknown> & { envCredit: { score: number } } }>(
      `{ enterprise(uscc: "${RED_SUBJECT}") { legalRepresentative legalRepresentativeIdNumber address registeredCapital industryCode envCredit { score } } }`,
      {},
      { key: 'demo-env-admin' },
    );
    const secrets = [admin.data!.enterprise.legalRepresentative, admin.data!.enterprise.legalRepresentativeIdNumber, admin.data!.enterprise.address, admin.data!.enterprise.registeredCapital].filter(
      (v): v is string => typeof v === 'string' && v.length > 0,
    );
    expect(secrets.length).toBeGreaterThan(1);
    const body = await page.locator('body').innerText();
    for (const secret of secrets) expect(body).not.toContain(secret);
    expect(body).not.toMatch(/\d{17}[\dX]/); // no ID-card number
    expect(body).not.toMatch(/\b1\d{10}\b/); // no mobile number
    // The page asked without a credential and was refused nothing.
    const calls = pageCalls.filter((c) => c.body.includes('publicPenalties'));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.authorization).toBeUndefined();
      expect(call.errors).toEqual([]);
    }
    await shoot(page, 'public-subject-desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await shoot(page, 'public-subject-phone');
    await page.close();
  });

  it('the public portal publishes the results of random inspections (一公开) as the API answers them', async () => {
    const ADMIN = { key: 'demo-env-admin' };
    const drawn = await hub.request<{ drawInspections: { id: string; selected: { uscc: string }[] } }>(
      'mutation { drawInspections(input: { sampleSize: 1, districtCode: "320706", seed: "public-results" }) { id selected { uscc } } }',
      {},
      ADMIN,
    );
    const { id, selected } = drawn.data!.drawInspections;
    const recorded = await hub.request(
      'mutation R($input: RecordInspectionResultInput!) { recordInspectionResult(input: $input) { id } }',
      { input: { drawId: id, uscc: selected[0].uscc, inspectedOn: new Date().toISOString().slice(0, 10), outcome: 'NO_PROBLEM', summary: '现场检查未发现问题' } },
      ADMIN,
    );
    expect(recorded.errors).toBeUndefined();
    const page = await open('/public');
    const row = page.locator(`#inspection-results tbody tr[data-uscc="${selected[0].uscc}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('未发现问题');
    expect(await row.innerText()).toContain('现场检查未发现问题');
    await page.close();
  });

  it('the public portal finds subjects by name and lists the published ratings as the API pages them', async () => {
    const page = await open('/public');
    page.on('console', (message) => console.log('public page:', message.text()));
    await page.locator('#published tbody tr').first().waitFor();
    const api = await hub.request<{ publishedRatings: { uscc: string; envCredit: { color: string } }[] }>('{ publishedRatings(first: 100) { uscc envCredit { color } } }');
    const codes = await attributes(page, '#published tbody tr', 'data-uscc');
    const colors = await attributes(page, '#published tbody tr .badge', 'data-color');
    const rows = codes.map((code, i) => [code, colors[i]]);
    expect(rows).toEqual(api.data!.publishedRatings.map((r) => [r.uscc, r.envCredit.color]));

    await page.fill('#q', '示例化工');
    await page.click('#search button');
    await page.locator('.hits li').first().waitFor();
    const found = await attributes(page, '.hits a', 'data-uscc');
    const apiFound = await hub.request<{ findEnterprises: { uscc: string }[] }>('{ findEnterprises(text: "示例化工") { uscc } }');
    expect(found).toEqual(apiFound.data!.findEnterprises.map((e) => e.uscc));
    expect(found).toContain(RED_SUBJECT);

    // The CSV download holds the whole published list.
    const download = page.waitForEvent('download');
    await page.click('#download');
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(file, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    const total = (await hub.sql<{ n: string }>('SELECT COUNT(*) AS n FROM environment.rated_subject WHERE rated_from <= CURRENT_DATE'))[0].n;
    expect(lines.length - 1).toBe(Number(total));
    const red = (await hub.request<{ enterprise: { name: string; districtCode: string; envCredit: { color: string; ratedOn: string } } }>(`{ enterprise(uscc: "${RED_SUBJECT}") { name districtCode envCredit { color ratedOn } } }`)).data!.enterprise;
    expect(lines).toContain([RED_SUBJECT, red.name, red.districtCode, red.envCredit.color, red.envCredit.ratedOn].join(','));
    await shoot(page, 'public-list-desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await shoot(page, 'public-list-phone');
    await page.close();
  });

  it('a repaired penalty leaves the public page', async () => {
    const ADMIN = { key: 'demo-env-admin' };
    const disclosures = await hub.request<{ enterprise: { envPenaltyDisclosures: { event: { id: string; decisionNo: string | null }; state: string; repairableFrom: string }[] } }>(
      `{ enterprise(uscc: "${RED_SUBJECT}") { envPenaltyDisclosures { event { id decisionNo } state repairableFrom } } }`,
      {},
      ADMIN,
    );
    const today = new Date().toISOString().slice(0, 10);
    const repairable = disclosures.data!.enterprise.envPenaltyDisclosures.find((d) => d.state === 'PUBLISHED' && d.repairableFrom <= today && d.event.decisionNo);
    expect(repairable, 'the demo subject has a published penalty past its minimum publicity').toBeDefined();
    const page = await open(`/public#${RED_SUBJECT}`);
    await expect.poll(() => page.locator(`tr[data-decision="${repairable!.event.decisionNo}"]`).count()).toBe(1);

    const applied = await hub.request<{ applyCreditRepair: { id: string } }>('mutation($input: ApplyCreditRepairInput!) { applyCreditRepair(input: $input) { id } }', { input: { eventId: repairable!.event.id, reason: '已整改' } }, ADMIN);
    expect(applied.errors).toBeUndefined();
    const approved = await hub.request('mutation($input: ReviewCreditRepairInput!) { reviewCreditRepair(input: $input) { status } }', { input: { applicationId: applied.data!.applyCreditRepair.id, decision: 'UPHOLD', note: '整改到位' } }, ADMIN);
    expect(approved.errors).toBeUndefined();

    await page.reload();
    await page.locator('.overview').waitFor();
    expect(await page.locator(`tr[data-decision="${repairable!.event.decisionNo}"]`).count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain(repairable!.event.decisionNo!);
    await page.close();
  });

  it('the dashboard, signed in as DASHBOARD, shows the API’s numbers for the chosen date, with drill-down and English labels', async () => {
    // A chosen date (yesterday), not the page's default.
    const asOf = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    // A draw for the "last draws" card.
    const draw = await hub.request<{ drawInspections: { id: string; populationSize: number } }>('mutation { drawInspections(input: { rate: 0.1 }) { id populationSize } }', {}, { key: 'demo-env-admin' });
    expect(draw.errors).toBeUndefined();
    // A subject that turned BLACK on that date, so that the changes card has something whatever the calendar.
    const blue = (await hub.request<{ colorBucketSubjects: { uscc: string }[] }>(`{ colorBucketSubjects(asOf: "${asOf}", groupBy: DISTRICT, group: "320703", color: BLUE, first: 1) { uscc } }`, {}, { key: 'demo-dashboard' }))
      .data!.colorBucketSubjects[0].uscc;
    const fine = await hub.request(`mutation { recordCreditEvent(input: { uscc: "${blue}", type: "CRIMINAL_LIABILITY", occurredOn: "${asOf}", decisionNo: "连环罚〔2026〕看板2号" }) { ratingAfter { color } } }`, {}, { key: 'demo-env-admin' });
    expect(fine.errors).toBeUndefined();

    const page = await open(`/dashboard?asOf=${asOf}`);
    await page.fill('input[name="apiKey"]', 'demo-dashboard');
    await page.click('form.sign-in button');
    await page.locator(`#app[data-loaded="${asOf}"]`).waitFor({ timeout: 60_000 });
    expect(await page.locator('.error').allInnerTexts()).toEqual([]);
    expect(await page.evaluate('sessionStorage.getItem("ecocredit.dashboard.apiKey")')).toBe('demo-dashboard');

    const shown = async (key: string) => page.locator(`[data-k="${key}"]`).first().innerText();
    const DASH = { key: 'demo-dashboard' };
    for (const groupBy of ['DISTRICT', 'INDUSTRY'] as const) {
      const api = await hub.request<{ colorDistribution: { group: string; color: string; count: number }[] }>(`{ colorDistribution(asOf: "${asOf}", groupBy: ${groupBy}) { group color count } }`, {}, DASH);
      expect(api.data!.colorDistribution.length).toBeGreaterThan(3);
      for (const bucket of api.data!.colorDistribution) expect(await shown(`${groupBy.toLowerCase()}|${bucket.group}|${bucket.color}`), `${groupBy} ${bucket.group} ${bucket.color}`).toBe(String(bucket.count));
    }
    const trend = await hub.request<{ colorTrend: { on: string; color: string; count: number }[] }>(`{ colorTrend(asOf: "${asOf}", months: 24) { on color count } }`, {}, DASH);
    expect(trend.data!.colorTrend).toHaveLength(24 * 5);
    for (const point of trend.data!.colorTrend) expect(await page.locator(`[data-k="trend|${point.on}|${point.color}"]`).textContent()).toBe(String(point.count));
    const changes = await hub.request<{ colorChanges: { enterprise: { uscc: string } }[] }>(`{ colorChanges(to: "${asOf}") { enterprise { uscc } } }`, {}, DASH);
    expect(changes.data!.colorChanges.length).toBeGreaterThan(0);
    expect(await shown('changes|total')).toBe(String(changes.data!.colorChanges.length));
    const rollup = await hub.request<{ measureFeedbackRollup: { measure: { code: string }; subjectsDue: number | null }[] }>(
      `{ measureFeedbackRollup(from: "2025-06-30", to: "${asOf}") { measure { code } subjectsDue } }`,
      {},
      DASH,
    );
    expect(rollup.errors).toBeUndefined();
    for (const row of rollup.data!.measureFeedbackRollup) expect(await page.locator(`[data-k="measure|${row.measure.code}|due"]`).textContent()).toBe(String(row.subjectsDue ?? 0));
    expect(await page.locator(`[data-k="draw|${draw.data!.drawInspections.id}|population"]`).textContent()).toBe(String(draw.data!.drawInspections.populationSize));
    // The half-year surcharge totals: the price list's count for the half-year of the date and the one before.
    const year = Number(asOf.slice(0, 4));
    const periods = Number(asOf.slice(5, 7)) > 6 ? [`${year}-H2`, `${year}-H1`] : [`${year}-H1`, `${year - 1}-H2`];
    for (const period of periods) {
      const list = await hub.request<{ priceSurcharges: { totalCount: number } }>(`{ priceSurcharges(period: "${period}") { totalCount } }`, {}, DASH);
      expect(list.errors).toBeUndefined();
      expect(await shown(`surcharges|${period}`)).toBe(String(list.data!.priceSurcharges.totalCount));
    }
    await shoot(page, 'dashboard-desktop');

    // Drill-down: the subjects behind a number are as many as the number, and the API's.
    const bucket = (await hub.request<{ colorDistribution: { group: string; color: string; count: number }[] }>(`{ colorDistribution(asOf: "${asOf}", groupBy: DISTRICT) { group color count } }`, {}, DASH)).data!.colorDistribution.find(
      (b) => b.color === 'RED' && b.count > 0,
    )!;
    await page.click(`button[data-k="district|${bucket.group}|RED"]`);
    await page.locator('dialog[open] tbody tr').first().waitFor();
    expect(await page.locator('dialog[open] tbody tr').count()).toBe(bucket.count);
    const behind = await hub.request<{ colorBucketSubjects: { uscc: string }[] }>(`{ colorBucketSubjects(asOf: "${asOf}", groupBy: DISTRICT, group: "${bucket.group}", color: RED, first: 1000) { uscc } }`, {}, DASH);
    expect(await attributes(page, 'dialog[open] tbody tr', 'data-uscc')).toEqual(behind.data!.colorBucketSubjects.map((s) => s.uscc));
    await shoot(page, 'dashboard-drill-desktop');
    await page.click('dialog[open] button.close');

    await page.click('#language');
    await page.locator(`#app[data-loaded="${asOf}"] h1`).waitFor();
    expect(await text(page, 'h1')).toBe('Environmental credit supervision dashboard');
    await page.setViewportSize(VIEWPORTS.phone);
    await page.locator(`#app[data-loaded="${asOf}"]`).waitFor();
    await shoot(page, 'dashboard-phone');
    await page.close();
  });

  it('the dashboard works for ENV_ADMIN and shows refusals to a role it is not for', async () => {
    const page = await open('/dashboard');
    await page.fill('input[name="apiKey"]', 'demo-env-admin');
    await page.click('form.sign-in button');
    const today = new Date().toISOString().slice(0, 10);
    await page.locator(`#app[data-loaded="${today}"]`).waitFor({ timeout: 60_000 });
    expect(await page.locator('.error').allInnerTexts()).toEqual([]);
    await page.click('#sign-out');
    await page.fill('input[name="apiKey"]', 'demo-bank');
    await page.click('form.sign-in button');
    await page.locator(`#app[data-loaded="${today}"]`).waitFor({ timeout: 60_000 });
    // The refusal is told in the page's language, its code kept for the machine.
    expect(await page.locator('.error').first().getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await page.locator('.error').first().innerText()).toContain('当前密钥无权查看此项');
    await page.close();
  });

  it('a dashboard card whose query fails says why in Chinese (the limit, or try again later, never INTERNAL) and the other cards load', async () => {
    const page = await open('/dashboard');
    // Three cards' answers are replaced by the hub's error answers (the same JSON the hub sends for a
    // statement over its time limit, a department that is down, an internal error): the hub cannot be
    // made to fail on cue for one card; how the page shows the failure is what this checks.
    const failWith = (code: string, message: string, extensions: Record<string, unknown> = {}) => JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] });
    const failures: Record<string, string> = {
      measureFeedbackRollup: failWith('INTERNAL', 'internal error'),
      priceSurcharges: failWith('QUERY_TOO_COMPLEX', 'a database statement of this request ran past the statement time limit of 15000 ms', { setting: 'HUB_STATEMENT_TIMEOUT_MS', limit: 15000, unit: 'ms', timeoutMs: 15000 }),
      colorTrend: failWith('SERVICE_UNAVAILABLE', 'the environment department is unavailable', { department: 'environment' }),
    };
    await page.route('**/graphql', (route) => {
      const field = Object.keys(failures).find((name) => (route.request().postData() ?? '').includes(name));
      return field ? route.fulfill({ status: 200, contentType: 'application/json', body: failures[field] }) : route.continue();
    });
    await page.fill('input[name="apiKey"]', 'demo-dashboard');
    await page.click('form.sign-in button');
    const today = new Date().toISOString().slice(0, 10);
    await page.locator(`#app[data-loaded="${today}"]`).waitFor({ timeout: 60_000 });
    const errorOf = (card: string) => page.locator(`#${card} .error`).innerText();
    expect(await errorOf('measures')).toBe('加载失败: 服务出错，请稍后再试；如仍失败，请联系管理员。');
    expect(await errorOf('surcharges')).toBe('加载失败: 查询超出限额（单条数据库查询时限 15000 毫秒），未予执行。请缩小统计范围后重试。');
    expect(await errorOf('trend')).toBe('加载失败: 相关部门的服务暂时不可用，请稍后再试。');
    expect(await page.locator('main').innerText()).not.toContain('INTERNAL');
    // The other cards loaded, without an error.
    for (const card of ['by-district', 'by-industry', 'changes', 'draws']) expect(await page.locator(`#${card} .error`).count(), card).toBe(0);
    expect(await page.locator('[data-k^="district|"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-k^="industry|"]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('GraphiQL runs the contract’s preloaded examples with the API key typed into its field', async () => {
    const page = await open('/graphiql');
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    expect(await page.locator('.graphiql-tab').count()).toBe(EXAMPLES.length);
    await page.fill('input[name="apiKey"]', 'demo-env-admin');
    // The test hub runs without HUB_SCHEMA_HINTS: GraphiQL is told so by the page and asks for no
    // schema, so the first Run answers (no introspection error in the result pane to click past).
    // Run is clicked once the editor shows the tab's operation (a click while the editor is still
    // loading it was dropped on a busy machine), and the answer is awaited as the page receives it.
    const run = async (operation: string, text: string) => {
      await expect.poll(() => page.locator('.graphiql-query-editor').innerText(), { timeout: 60_000 }).toContain(operation);
      const answered = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes(`query ${operation}`), { timeout: 60_000 });
      await page.locator('.graphiql-execute-button').click();
      expect((await answered).status()).toBe(200);
      await expect.poll(() => page.locator('.result-window').innerText(), { timeout: 30_000 }).toContain(text);
    };
    await run('Subject', '连云港示例化工有限公司');
    await expect.poll(() => pageCalls.find((c) => c.body.includes('query Subject'))?.authorization, { timeout: 30_000 }).toBe('Bearer demo-env-admin');
    expect(pageCalls.filter((c) => c.body.includes('IntrospectionQuery'))).toEqual([]);
    // The bank's example: its tab carries the purpose header, the key comes from the field.
    await page.locator('.graphiql-tab').nth(1).locator('button').first().click();
    await page.fill('input[name="apiKey"]', 'demo-bank');
    // Only the bank's answer has "enterprises" (a list); the first tab's has "enterprise".
    await run('CreditCheck', '"enterprises"');
    await expect.poll(() => pageCalls.find((c) => c.body.includes('query CreditCheck'))?.errors, { timeout: 30_000 }).toEqual([]);
    expect(await page.locator('.result-window').innerText()).not.toContain('FORBIDDEN');
    await shoot(page, 'graphiql-desktop');
    await page.setViewportSize(VIEWPORTS.phone);
    await shoot(page, 'graphiql-phone');
    await page.close();
  });

  it('GraphiQL, where the hub answers introspection (demo mode), shows the schema in its docs explorer and completes fields', async () => {
    // A second instance of the same hub (same database, nothing seeded) with schema hints on, as in the demo.
    const config = { ...loadConfig({ HUB_DATA_DIR: hub.dataDir }), databaseUrl: hub.hub.databaseUrl, port: 0, demo: true, schemaHints: true };
    const hinted = await startHub({ config: { ...config, webhooks: { ...config.webhooks, enabled: false } }, seedDemo: false });
    const hintedOrigin = `http://localhost:${hinted.port}`;
    hubOrigins.add(hintedOrigin);
    const page = await browser.newPage();
    try {
      await page.setViewportSize(VIEWPORTS.desktop);
      // GraphiQL's own introspection query: answered with the schema, not refused by the operation guard.
      const introspection = page.waitForResponse((response) => response.url() === `${hintedOrigin}/graphql` && (response.request().postData() ?? '').includes('__schema'), { timeout: 60_000 });
      await page.goto(`${hintedOrigin}/graphiql`);
      const answer = (await (await introspection).json()) as { data?: { __schema?: { queryType: { name: string } } }; errors?: unknown[] };
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.__schema?.queryType.name).toBe('Query');
      await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
      // The docs explorer lists the root types and, under Query, its fields.
      await page.locator('button[aria-label="Show Documentation Explorer"]').click();
      const docs = page.locator('.graphiql-doc-explorer');
      await docs.locator('.graphiql-doc-explorer-root-type').first().waitFor({ timeout: 30_000 });
      await docs.getByText('Query', { exact: true }).first().click();
      await docs.locator('.graphiql-doc-explorer-field-name', { hasText: /^enterprise$/ }).first().waitFor({ timeout: 30_000 });
      // Completion: typed into the query editor, the suggestions offer the schema's fields.
      const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.type('{ enterpr');
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget .monaco-list-row', { hasText: 'enterprise' }).first().waitFor({ timeout: 30_000 });
      const offered = await page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
      expect(offered.some((row) => row.includes('enterprises'))).toBe(true);
      await shoot(page, 'graphiql-docs-desktop');
    } finally {
      await page.close();
      await hinted.stop();
    }
  });

  it('a notice opens from its signed link in the browser and prints on A4', async () => {
    const recorded = await hub.request<{ recordCreditEvent: { notice: { number: string; printUrl: string } } }>(
      'mutation($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { notice { number printUrl } } }',
      { input: { uscc: RED_SUBJECT, type: 'WARNING', occurredOn: new Date().toISOString().slice(0, 10), decisionNo: '连环罚〔2026〕浏览器1号' } },
      { key: 'demo-env-officer-haizhou' },
    );
    expect(recorded.errors).toBeUndefined();
    const { number, printUrl } = recorded.data!.recordCreditEvent.notice;
    const page = await open(printUrl);
    expect(await text(page, 'h1')).toBe(`环保信用记录告知书（${number}）`);
    expect(await page.locator('body').innerText()).toContain('连环罚〔2026〕浏览器1号');
    await shoot(page, 'notice-desktop');
    // Printed with the page's own @page size: one A4 sheet is 595.28 × 841.89 points.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(box, 'the PDF names its page size').not.toBeNull();
    expect(Math.round(Number(box![1]))).toBe(595);
    expect(Math.round(Number(box![2]))).toBe(842);
    await page.setViewportSize(VIEWPORTS.phone);
    await shoot(page, 'notice-phone');
    await page.close();
  });

  it('sends a browser opening /graphql to GraphiQL, and / to the public portal; a program still gets 405', async () => {
    const browserGet = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' }, redirect: 'manual' });
    expect([browserGet.status, browserGet.headers.get('location')]).toEqual([302, '/graphiql']);
    expect((await fetch(`${origin}/graphql`)).status).toBe(405);
    const page = await open('/');
    expect(new URL(page.url()).pathname).toBe('/public');
    await page.close();
  });

  it('no page asked for anything from another host', () => {
    expect(pageCalls.length).toBeGreaterThan(5);
    expect(leftTheMachine).toEqual([]);
  });
});
