import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '../src/shared/database';
import { today } from '../src/shared/dates';
import { halfYearOf, previousHalfYear, type HalfYear } from '../src/shared/half-year';
import { startHalfYearSnapshotJob } from '../src/subgraphs/environment';
import { RecordCreditEventDocument } from './generated/graphql';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/**
 * DOMAIN.md §6 and §10 "Prices follow the snapshot everywhere": sewageFee, electricitySurcharge, the
 * price measures in jointMeasures and measureSubjects, and the half-year price list (priceSurcharges)
 * are all decided by the deciding half-year snapshot, stored where taken, derived (and provisional)
 * otherwise; the hub stores the snapshots itself.
 */
const UTILITY = { key: 'demo-utility', purpose: 'BILLING' };
const ADMIN = { key: 'demo-env-admin' };
const CREDIT_OFFICE = { key: 'demo-credit-office' };
const PRICE_MEASURES = ['ELECTRICITY_SURCHARGE', 'SEWAGE_FEE_SURCHARGE'];
/** The legal basis of the default surcharge rows (migrations/credit JointMeasures). */
const PRICE_BASIS = '江苏省环保信用评价结果差别化价格政策; 连云港市生态环境信用评价管理办法（试行）';

let hub: TestHub;
/** RED on 2026-06-30 (9 − 6 − 1 = 2), YELLOW from 2026-11-20 when the warning expires. */
let redThenYellow: string;
/** BLUE on 2026-06-30 (9), BLACK from 2026-07-15 (9 − 9 = 0). */
let blueThenBlack: string;
/** RED on 2025-12-31 (9 − 6 − 1 = 2): surcharged in the first half of 2026; YELLOW on 2026-06-30. */
let redLastWinter: string;
/** YELLOW on 2026-06-30 (9 − 6 = 3) when the snapshot is stored; a back-dated warning makes the derived colour RED. */
let yellowStored: string;

async function record(uscc: string, type: string, occurredOn: string): Promise<void> {
  const response = await hub.execute(RecordCreditEventDocument, { input: { uscc, type, occurredOn, decisionNo: `连环罚〔2026〕${type}-${uscc.slice(-4)}-${occurredOn}号` } }, ADMIN);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

interface Priced {
  uscc: string;
  sewageFee: { surchargePerCubicMetre: string; provisional: boolean; basis: string } | null;
  electricitySurcharge: { surchargePerKwh: string; provisional: boolean } | null;
  jointMeasures: { measure: { code: string } }[] | null;
}
interface ListEntry {
  uscc: string;
  period: string;
  snapshotDay: string;
  snapshotColor: string;
  consecutiveRed: number;
  provisional: boolean;
  sewageFee: { surchargePerCubicMetre: string; period: string; basis: string; provisional: boolean };
  electricitySurcharge: { surchargePerKwh: string; provisional: boolean };
  enterprise: { name: string | null };
}

interface Page {
  edges: { cursor: string; node: ListEntry }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const ENTRY = `uscc period snapshotDay snapshotColor consecutiveRed provisional
  sewageFee { surchargePerCubicMetre period basis provisional } electricitySurcharge { surchargePerKwh provisional } enterprise { name }`;

/** Every page of priceSurcharges for `period`, following endCursor. */
async function priceList(period: string, pageSize: number, caller = UTILITY): Promise<{ entries: ListEntry[]; totalCount: number; pages: number }> {
  const entries: ListEntry[] = [];
  let after: string | null = null;
  let totalCount = -1;
  let pages = 0;
  for (;;) {
    const response: GraphqlResponse<{ priceSurcharges: Page }> = await hub.request<{ priceSurcharges: Page }>(
      `query List($period: String!, $first: Int, $after: String) { priceSurcharges(period: $period, first: $first, after: $after) {
         edges { cursor node { ${ENTRY} } } pageInfo { hasNextPage endCursor } totalCount } }`,
      { period, first: pageSize, after },
      caller,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const page: Page = response.data!.priceSurcharges;
    pages += 1;
    totalCount = page.totalCount;
    entries.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { entries, totalCount, pages };
}

async function measureSubjects(code: string, asOf: string): Promise<string[]> {
  const response = await hub.request<{ measureSubjects: { uscc: string }[] }>(
    `query S($code: String!, $asOf: Date) { measureSubjects(code: $code, asOf: $asOf) { uscc } }`,
    { code, asOf },
    UTILITY,
  );
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!.measureSubjects.map((s) => s.uscc).sort();
}

/** What a utility sees of each subject on `asOf`: both prices and its (utility) measures. */
async function utilityView(usccs: string[], asOf: string): Promise<Priced[]> {
  const all: Priced[] = [];
  for (let i = 0; i < usccs.length; i += 40) {
    const response = await hub.request<{ enterprises: Priced[] }>(
      `query V($usccs: [USCC!]!, $asOf: Date) { enterprises(usccs: $usccs) { uscc
         sewageFee(asOf: $asOf) { surchargePerCubicMetre provisional basis } electricitySurcharge(asOf: $asOf) { surchargePerKwh provisional }
         jointMeasures(asOf: $asOf) { measure { code } } } }`,
      { usccs: usccs.slice(i, i + 40), asOf },
      UTILITY,
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    all.push(...response.data!.enterprises);
  }
  return all;
}

const nonZero = (amount: string | undefined) => amount !== undefined && amount !== '0.00';

/**
 * The acceptance check of issue 11: for every subject of the city, for the half-year `half` (asked on
 * its first and its last day), jointMeasures, measureSubjects and priceSurcharges agree with sewageFee
 * and electricitySurcharge. Returns how many subjects carry a sewage surcharge (so that no run is vacuous).
 */
async function expectAgreement(half: HalfYear): Promise<number> {
  const usccs = (await hub.sql<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject ORDER BY uscc`)).map((r) => r.uscc);
  const list = await priceList(half.period, 7);
  expect(list.totalCount).toBe(list.entries.length);
  const listed = new Map(list.entries.map((entry) => [entry.uscc, entry]));
  let surcharged = 0;
  for (const asOf of [half.start, half.end < today() ? half.end : today()]) {
    const views = await utilityView(usccs, asOf);
    const sewageSubjects = await measureSubjects('SEWAGE_FEE_SURCHARGE', asOf);
    const powerSubjects = await measureSubjects('ELECTRICITY_SURCHARGE', asOf);
    const expectedSewage: string[] = [];
    const expectedPower: string[] = [];
    for (const view of views) {
      const sewage = view.sewageFee?.surchargePerCubicMetre;
      const power = view.electricitySurcharge?.surchargePerKwh;
      const codes = (view.jointMeasures ?? []).map((m) => m.measure.code).filter((code) => PRICE_MEASURES.includes(code)).sort();
      const expectedCodes = [...(nonZero(power) ? ['ELECTRICITY_SURCHARGE'] : []), ...(nonZero(sewage) ? ['SEWAGE_FEE_SURCHARGE'] : [])];
      expect(codes, `${view.uscc} on ${asOf}: jointMeasures against sewageFee ${sewage} / electricity ${power}`).toEqual(expectedCodes);
      if (nonZero(sewage)) expectedSewage.push(view.uscc);
      if (nonZero(power)) expectedPower.push(view.uscc);
      const entry = listed.get(view.uscc);
      if (nonZero(sewage) || nonZero(power)) {
        expect(entry, `${view.uscc} pays ${sewage}/${power} in ${half.period} but is not on the price list`).toBeDefined();
        expect(entry!.sewageFee.surchargePerCubicMetre).toBe(sewage);
        expect(entry!.electricitySurcharge.surchargePerKwh).toBe(power);
        expect(entry!.sewageFee.basis).toBe(view.sewageFee!.basis);
        expect(entry!.provisional).toBe(view.sewageFee!.provisional);
      } else {
        expect(entry, `${view.uscc} pays the normal price in ${half.period} but is on the price list`).toBeUndefined();
      }
    }
    expect(sewageSubjects).toEqual(expectedSewage.sort());
    expect(powerSubjects).toEqual(expectedPower.sort());
    surcharged = expectedSewage.length;
  }
  return surcharged;
}

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 120 });
  const rated = () => ratedEnterprise(hub, { district: '320722', ratedFrom: '2024-01-01' });
  redThenYellow = await rated();
  await record(redThenYellow, 'SUSPENSION_ORDER', '2026-03-01');
  await record(redThenYellow, 'WARNING', '2026-05-20');
  blueThenBlack = await rated();
  await record(blueThenBlack, 'ADMIN_DETENTION_TRANSFER', '2026-07-15');
  redLastWinter = await rated();
  await record(redLastWinter, 'SUSPENSION_ORDER', '2025-10-01');
  await record(redLastWinter, 'WARNING', '2025-12-01');
  yellowStored = await rated();
  await record(yellowStored, 'SUSPENSION_ORDER', '2026-03-01');
});

afterAll(async () => {
  await hub?.stop();
});

describe('price measures follow the deciding snapshot, not today\'s colour', () => {
  it('a subject RED on 30 June and YELLOW today keeps the surcharge measures for the half-year', async () => {
    const [view] = await utilityView([redThenYellow], '2026-11-24');
    expect(view.sewageFee).toEqual({
      surchargePerCubicMetre: '0.60',
      provisional: true,
      basis: `colour RED on 2026-06-30 (1 consecutive RED half-year snapshot), derived: the snapshot has not been stored yet (provisional): +0.60 CNY/m3 (${PRICE_BASIS})`,
    });
    expect(view.electricitySurcharge).toEqual({ surchargePerKwh: '0.05', provisional: true });
    expect(view.jointMeasures!.map((m) => m.measure.code).sort()).toEqual(PRICE_MEASURES);
    expect(await measureSubjects('SEWAGE_FEE_SURCHARGE', '2026-11-24')).toContain(redThenYellow);
    expect(await measureSubjects('ELECTRICITY_SURCHARGE', '2026-11-24')).toContain(redThenYellow);
  });

  it('a subject BLUE on 30 June and BLACK today has no surcharge measure before the next half-year', async () => {
    const [view] = await utilityView([blueThenBlack], '2026-11-24');
    expect(view.sewageFee).toMatchObject({ surchargePerCubicMetre: '0.00', provisional: true });
    expect(view.sewageFee!.basis).toBe('colour BLUE on 2026-06-30, derived: the snapshot has not been stored yet (provisional): normal price');
    expect(view.jointMeasures).toEqual([]);
    expect(await measureSubjects('SEWAGE_FEE_SURCHARGE', '2026-11-24')).not.toContain(blueThenBlack);
    // Supervisors still see its BLACK colour measures (bank stop, veto…), which do follow today's colour.
    const supervisor = await hub.request<{ enterprise: { jointMeasures: { measure: { code: string } }[] } }>(
      `query { enterprise(uscc: "${blueThenBlack}") { jointMeasures(asOf: "2026-11-24") { measure { code } } } }`,
      {},
      CREDIT_OFFICE,
    );
    const codes = supervisor.data!.enterprise.jointMeasures.map((m) => m.measure.code);
    expect(codes).toContain('BANK_CREDIT_STOP');
    expect(codes).not.toContain('SEWAGE_FEE_SURCHARGE');
  });
});

describe('priceSurcharges', () => {
  it('lists everyone with a surcharge for the half-year, with the deciding snapshot and basis, paged by code', async () => {
    const list = await priceList('2026-H2', 5);
    const entry = list.entries.find((e) => e.uscc === redThenYellow)!;
    expect(entry).toMatchObject({
      period: '2026-07-01/2026-12-31',
      snapshotDay: '2026-06-30',
      snapshotColor: 'RED',
      consecutiveRed: 1,
      provisional: true,
      sewageFee: { surchargePerCubicMetre: '0.60', period: '2026-07-01/2026-12-31', provisional: true },
      electricitySurcharge: { surchargePerKwh: '0.05', provisional: true },
      enterprise: { name: `测试企业${redThenYellow.slice(-6)}` },
    });
    expect(list.entries.map((e) => e.uscc)).not.toContain(blueThenBlack);
    // Keyset order by code, no entry twice, every page but the last full.
    const codes = list.entries.map((e) => e.uscc);
    expect(codes).toEqual([...new Set(codes)].sort());
    expect(list.pages).toBe(Math.max(1, Math.ceil(list.totalCount / 5)));
    // The same list under the other spelling of the period.
    expect((await priceList('2026-07-01/2026-12-31', 100)).entries).toEqual(list.entries);
  });

  it('refuses an unknown period, an undecided half-year, a foreign cursor and an oversized page, naming what is wrong', async () => {
    const ask = (variables: Record<string, unknown>, caller = UTILITY) =>
      hub.request(`query L($period: String!, $first: Int, $after: String) { priceSurcharges(period: $period, first: $first, after: $after) { totalCount } }`, variables, caller);
    const unknown = await ask({ period: '2026-Q3' });
    expect(errorCodes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(unknown.errors![0].message).toContain('period "2026-Q3" must name a half-year');
    const ahead = await ask({ period: `${Number(today().slice(0, 4)) + 1}-H2` });
    expect(errorCodes(ahead)).toEqual(['BAD_USER_INPUT']);
    expect(ahead.errors![0].message).toContain('is not decided yet');
    expect(errorCodes(await ask({ period: '2026-H2', after: 'bm90LWEtY3Vyc29y' }))).toEqual(['BAD_USER_INPUT']);
    // A page is counted as the items it asks for, like every connection's, before anything runs.
    const big = await ask({ period: '2026-H2', first: 5000 });
    expect(errorCodes(big)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(big.errors![0].message).toContain('asks for 5000 list items');
  });

  it('is for utilities, the credit office and the bureau, not for banks or the public', async () => {
    const query = `{ priceSurcharges(period: "2026-H2") { totalCount } }`;
    expect(errorCodes(await hub.request(query, {}, { key: 'demo-bank', purpose: 'LOAN_APPLICATION' }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await hub.request(query, {}))).not.toEqual([]);
    const office = await hub.request<{ priceSurcharges: { totalCount: number } }>(query, {}, CREDIT_OFFICE);
    expect(office.errors).toBeUndefined();
    expect(office.data!.priceSurcharges.totalCount).toBeGreaterThan(0);
  });
});

describe('the price list as a file', () => {
  const fetchCsv = (query: string, headers: Record<string, string> = { authorization: 'Bearer demo-utility', 'x-access-purpose': 'BILLING' }) =>
    fetch(new URL(`/exports/price-surcharges.csv?${query}`, hub.hub.url), { headers });

  it('holds exactly the rows of priceSurcharges, in GB18030 or UTF-8 with a byte-order mark', async () => {
    const list = await priceList('2026-H2', 100);
    const gb = await fetchCsv('period=2026-H2&encoding=gb18030');
    expect(gb.status).toBe(200);
    expect(gb.headers.get('content-type')).toBe('text/csv; charset=GB18030');
    expect(gb.headers.get('content-disposition')).toBe('attachment; filename="price-surcharges-2026-07-01_2026-12-31.csv"');
    const text = iconv.decode(Buffer.from(await gb.arrayBuffer()), 'gb18030');
    const records: string[][] = parse(text);
    const [header, ...rows] = records;
    expect(header.slice(0, 3)).toEqual(['统一社会信用代码', '执行期间', '决定快照日']);
    expect(rows.map((row) => row[0])).toEqual(list.entries.map((e) => e.uscc));
    const red = rows.find((row) => row[0] === redThenYellow)!;
    expect(red.slice(1, 8)).toEqual(['2026-07-01/2026-12-31', '2026-06-30', 'RED', '1', '0.60', '0.05', '是']);
    expect(red[8]).toBe(list.entries.find((e) => e.uscc === redThenYellow)!.sewageFee.basis);

    const utf8 = Buffer.from(await (await fetchCsv('period=2026-H2')).arrayBuffer());
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(utf8.subarray(3).toString('utf8'))).toEqual([header, ...rows]);
  });

  it('is refused to banks and the public, for a bad credential and for a bad period, naming the reason', async () => {
    expect((await fetchCsv('period=2026-H2', { authorization: 'Bearer demo-bank', 'x-access-purpose': 'LOAN_APPLICATION' })).status).toBe(403);
    expect((await fetchCsv('period=2026-H2', {})).status).toBe(403);
    expect((await fetchCsv('period=2026-H2', { authorization: 'Bearer not-a-key' })).status).toBe(401);
    const bad = await fetchCsv('period=2026-Q3');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { message: string }[] }).errors[0].message).toContain('must name a half-year');
  });
});

describe('every subject of the demo city', () => {
  it('gets the same answer from jointMeasures, measureSubjects, priceSurcharges and the prices, this half-year and the last', async () => {
    const current = halfYearOf(today());
    const surchargedNow = await expectAgreement(current);
    const surchargedBefore = await expectAgreement(previousHalfYear(current));
    // The demo city has surcharged subjects in both half-years, so the agreement is not vacuous.
    expect(surchargedNow).toBeGreaterThan(0);
    expect(surchargedBefore).toBeGreaterThan(0);
  });

  it('has its deciding snapshots stored, so its prices are not provisional', async () => {
    const current = halfYearOf(today());
    const demo = await hub.sql<{ uscc: string }>(
      `SELECT s.uscc FROM environment.rated_subject s WHERE s.uscc NOT IN ($1, $2, $3, $5) AND s.rated_from <= $4 ORDER BY s.uscc`,
      [redThenYellow, blueThenBlack, yellowStored, previousHalfYear(current).snapshotDay, redLastWinter],
    );
    expect(demo.length).toBeGreaterThan(0);
    const [{ missing }] = await hub.sql<{ missing: number }>(
      `SELECT count(*)::int AS missing FROM environment.rated_subject s
        WHERE s.rated_from <= $1 AND s.uscc NOT IN ($2, $3, $4, $5)
          AND NOT EXISTS (SELECT 1 FROM environment.half_year_snapshot h WHERE h.uscc = s.uscc AND h.period_end = $1)`,
      [current.snapshotDay, redThenYellow, blueThenBlack, yellowStored, redLastWinter],
    );
    expect(missing).toBe(0);
    const views = await utilityView(demo.slice(0, 40).map((d) => d.uscc), today());
    for (const view of views) expect(view.sewageFee?.provisional).toBe(false);
  });
});

describe('stored snapshots', () => {
  it('the scheduled job stores the missing snapshot once, whichever instance runs it', async () => {
    const periodEnd = halfYearOf(today()).snapshotDay;
    const first = startHalfYearSnapshotJob(hub.hub.sources.environment, { intervalMs: 3_600_000, runAtStart: false });
    const second = startHalfYearSnapshotJob(hub.hub.sources.environment, { intervalMs: 3_600_000, runAtStart: false });
    try {
      const runs = await Promise.all([first.runOnce(), second.runOnce()]);
      const done = runs.filter((run) => run !== null);
      expect(done).toHaveLength(1);
      // The four subjects of this file were the only ones missing it; `red` counts every RED subject of the day.
      const [{ red }] = await hub.sql<{ red: number }>(`SELECT count(*)::int AS red FROM environment.half_year_snapshot WHERE period_end = $1 AND color = 'RED'`, [periodEnd]);
      expect(done[0]).toMatchObject({ periodEnd, stored: 4, alreadyStored: done[0].subjects - 4, red });
      expect(await first.runOnce()).toBeNull();
    } finally {
      await first.stop();
      await second.stop();
    }
    const rows = await hub.sql<{ uscc: string; color: string; consecutive_red: number }>(
      `SELECT uscc, color, consecutive_red FROM environment.half_year_snapshot WHERE period_end = $1 AND uscc IN ($2, $3, $4) ORDER BY color`,
      [periodEnd, redThenYellow, blueThenBlack, yellowStored],
    );
    expect(rows.map((r) => [r.uscc, r.color, r.consecutive_red])).toEqual(
      expect.arrayContaining([[redThenYellow, 'RED', 1], [blueThenBlack, 'BLUE', 0], [yellowStored, 'YELLOW', 0]]),
    );
    // The job's writes are audited under its own name.
    const audit = await hub.sql<{ client_id: string }>(`SELECT client_id FROM environment.audit_outbox WHERE client_id = 'hub:snapshot-job'
        UNION ALL SELECT client_id FROM gateway.audit_log WHERE client_id = 'hub:snapshot-job'`);
    expect(audit.map((a) => a.client_id)).toContain('hub:snapshot-job');
  });

  it('once stored, a back-dated event no longer changes a running half-year\'s price, and nothing is provisional', async () => {
    // YELLOW 3 on 30 June was stored; a warning dated before it would make the derived colour RED 2.
    await record(yellowStored, 'WARNING', '2026-06-10');
    const [view] = await utilityView([yellowStored], '2026-11-24');
    expect(view.sewageFee).toEqual({ surchargePerCubicMetre: '0.00', provisional: false, basis: 'colour YELLOW on 2026-06-30: normal price' });
    expect(view.jointMeasures).toEqual([]);
    expect(await measureSubjects('SEWAGE_FEE_SURCHARGE', '2026-11-24')).not.toContain(yellowStored);
    const list = await priceList('2026-H2', 100);
    expect(list.entries.map((e) => e.uscc)).not.toContain(yellowStored);
    expect(list.entries.find((e) => e.uscc === redThenYellow)).toMatchObject({ provisional: false, sewageFee: { surchargePerCubicMetre: '0.60', provisional: false } });
    // And the city still agrees with itself.
    expect(await expectAgreement(halfYearOf(today()))).toBeGreaterThan(0);
  });
});

describe('the cost of the price list', () => {
  it('is the same number of SQL statements whatever the number of subjects on it', async () => {
    const statements = async () => {
      const before = StatementCounter.total();
      const list = await priceList('2026-H2', 1000);
      return { statements: StatementCounter.total() - before, listed: list.totalCount };
    };
    const addRedSubjects = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const uscc = await ratedEnterprise(hub, { district: '320722', ratedFrom: '2024-01-01' });
        await record(uscc, 'SUSPENSION_ORDER', '2026-03-01');
        await record(uscc, 'WARNING', '2026-05-20');
      }
    };
    // Subjects RED on 2026-06-30 with derived snapshots: their events are read too (one batch for all).
    await addRedSubjects(2);
    await statements(); // warm-up: rule caches, query plans
    const first = await statements();
    await addRedSubjects(4);
    await statements();
    const more = await statements();
    expect(more.listed).toBe(first.listed + 4);
    expect(more.statements).toBe(first.statements);
  });
});

describe('the hub itself', () => {
  it('stores the half-year snapshot on its own schedule, and the price stops being provisional', async () => {
    const own = await startTestHub({ config: { snapshotJobIntervalMs: 200 } });
    try {
      const uscc = await ratedEnterprise(own, { ratedFrom: '2024-01-01' });
      const periodEnd = halfYearOf(today()).snapshotDay;
      let rows: { color: string }[] = [];
      for (let attempt = 0; attempt < 100 && rows.length === 0; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        rows = await own.sql<{ color: string }>(`SELECT color FROM environment.half_year_snapshot WHERE uscc = $1 AND period_end = $2`, [uscc, periodEnd]);
      }
      expect(rows).toEqual([{ color: 'BLUE' }]);
      const answer = await own.request<{ enterprise: { sewageFee: { surchargePerCubicMetre: string; provisional: boolean } } }>(
        `query { enterprise(uscc: "${uscc}") { sewageFee { surchargePerCubicMetre provisional } } }`,
        {},
        UTILITY,
      );
      expect(answer.data!.enterprise.sewageFee).toEqual({ surchargePerCubicMetre: '0.00', provisional: false });
    } finally {
      await own.stop();
    }
  });
});
