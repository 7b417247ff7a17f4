import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { DEMO_SHOWCASE_USCC } from '../src/shared/demo-dataset';
import { errorCodes, startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/**
 * The yearly summary (总结报告) on the demo city: every figure must be the sum of the API's answers
 * subject by subject for the same year, recomputed here from a query of the test's own.
 */
let hub: TestHub;
const YEAR = Number(today().slice(0, 4));
const FROM = `${YEAR}-01-01`;
const TO = `${YEAR}-12-31` < today() ? `${YEAR}-12-31` : today();
const H2 = `${YEAR}-07-01`;

interface Row {
  label: string;
  count: number;
  subjects: string[];
}
interface Report {
  year: number;
  subjectsRated: number;
  figures: { key: string; title: string; rows: Row[] }[];
  pdfPath: string;
  csvPath: string;
  timeliness: { districtCode: string; entered: number; late: number; lateShare: number; medianDelayWorkingDays: number }[];
}
interface Subject {
  uscc: string;
  districtCode: string;
  industryCode: string | null;
  atStart: { color: string } | null;
  atEnd: { color: string } | null;
  startDistrict: string | null;
  endDistrict: string | null;
  envCreditEvents: { type: string; occurredOn: string; voided: boolean; recordedLate: boolean; entryDelayWorkingDays: number }[];
  envObjections: { filedOn: string; status: string }[];
  envPenaltyDisclosures: { event: { severity: string | null }; repair: { appliedOn: string; status: string } | null }[];
  envCreditHistory: { on: string; cause: string; superseded: boolean }[];
  envFrontRunnerDesignations: { designatedOn: string; lapsedOn: string | null }[] | null;
  firstHalf: { surchargePerCubicMetre: string } | null;
  secondHalf: { surchargePerCubicMetre: string } | null;
  creditListings: { listedOn: string }[];
  marketListings: { listedOn: string }[];
}
/** What decides, day by day, which joint measures apply to a subject. */
type MeasureFacts = Pick<Subject, 'uscc' | 'envCreditHistory' | 'creditListings' | 'marketListings'>;
interface RollupRow {
  measure: { code: string };
  agency: string | null;
  subjectsDue: number | null;
  dueSubjects: string[] | null;
  subjectsReported: number;
  reportedSubjects: string[];
}

let report: Report;
let subjects: Subject[];
/** The subjects and agency the test itself reports feedback for (measureFeedback must name exactly them). */
const OWN_AGENCY = '年度总结测试实施单位';
let ownFeedback: { code: string; subjects: string[] };
/** The subject the test designates a front-runner during the year. */
let frontRunner: string | undefined;

const inYear = (day: string) => day >= FROM && day <= TO;

/** Each figure's definition on one subject's answers: the labels it counts (occurrences or distinct subjects). */
const FIGURES: { key: string; occurrences: boolean; labels: (s: Subject) => string[] }[] = [
  { key: 'subjectsRated', occurrences: false, labels: () => ['rated'] },
  // By the district of that day (DOMAIN.md §11 "Relocation").
  { key: 'colorsAtStartByDistrict', occurrences: false, labels: (s) => (s.atStart ? [`${s.startDistrict}/${s.atStart.color}`] : []) },
  { key: 'colorsAtEndByDistrict', occurrences: false, labels: (s) => (s.atEnd ? [`${s.endDistrict}/${s.atEnd.color}`] : []) },
  { key: 'colorsAtStartByIndustry', occurrences: false, labels: (s) => (s.atStart ? [`${s.industryCode ?? 'UNKNOWN'}/${s.atStart.color}`] : []) },
  { key: 'colorsAtEndByIndustry', occurrences: false, labels: (s) => (s.atEnd ? [`${s.industryCode ?? 'UNKNOWN'}/${s.atEnd.color}`] : []) },
  { key: 'movements', occurrences: false, labels: (s) => [`${s.atStart?.color ?? 'NONE'}→${s.atEnd?.color ?? 'NONE'}`] },
  { key: 'eventsByType', occurrences: true, labels: (s) => s.envCreditEvents.filter((e) => !e.voided && inYear(e.occurredOn)).map((e) => e.type) },
  {
    key: 'objections',
    occurrences: true,
    labels: (s) => s.envObjections.filter((o) => inYear(o.filedOn)).flatMap((o) => (o.status === 'UPHELD' ? ['filed', 'upheld'] : ['filed'])),
  },
  {
    key: 'repairs',
    occurrences: true,
    // In all and by the penalty's publicity tier.
    labels: (s) =>
      s.envPenaltyDisclosures.flatMap(({ event, repair }) => {
        if (!repair || !inYear(repair.appliedOn)) return [];
        const tier = event.severity ?? 'GENERAL';
        return repair.status === 'APPROVED' ? ['applied', `applied/${tier}`, 'approved', `approved/${tier}`] : ['applied', `applied/${tier}`];
      }),
  },
  {
    key: 'timeliness',
    occurrences: true,
    labels: (s) =>
      s.envCreditEvents
        .filter((e) => !e.voided && inYear(e.occurredOn))
        .flatMap((e) => (e.recordedLate ? [`${s.districtCode}/entered`, `${s.districtCode}/late`] : [`${s.districtCode}/entered`])),
  },
  {
    key: 'surcharges',
    occurrences: false,
    labels: (s) => [
      ...(s.firstHalf && s.firstHalf.surchargePerCubicMetre !== '0.00' ? [`${YEAR}-H1/${s.firstHalf.surchargePerCubicMetre}`] : []),
      ...(H2 <= TO && s.secondHalf && s.secondHalf.surchargePerCubicMetre !== '0.00' ? [`${YEAR}-H2/${s.secondHalf.surchargePerCubicMetre}`] : []),
    ],
  },
  {
    key: 'frontRunners',
    occurrences: true,
    labels: (s) =>
      (s.envFrontRunnerDesignations ?? [])
        .filter((d) => d.lapsedOn === null || d.lapsedOn > d.designatedOn)
        .flatMap((d) => [...(inYear(d.designatedOn) ? ['designated'] : []), ...(d.lapsedOn !== null && inYear(d.lapsedOn) ? ['lapsed'] : [])]),
  },
];

function expectedRows<S extends { uscc: string }>(figure: { occurrences: boolean; labels: (s: S) => string[] }, population: S[]): Row[] {
  const byLabel = new Map<string, { count: number; subjects: Set<string> }>();
  for (const s of population) {
    for (const label of figure.labels(s)) {
      const entry = byLabel.get(label) ?? { count: 0, subjects: new Set<string>() };
      entry.count += 1;
      entry.subjects.add(s.uscc);
      byLabel.set(label, entry);
    }
  }
  return [...byLabel.keys()].sort().map((label) => {
    const entry = byLabel.get(label)!;
    return { label, count: figure.occurrences ? entry.count : entry.subjects.size, subjects: [...entry.subjects].sort() };
  });
}

/**
 * Per subject, the codes of the joint measures that applied on some day of the year, from its own
 * `jointMeasures` asked on every day they can change: the first day, the first day of the second
 * half-year (price measures follow the half-year), each colour change and each listing.
 */
async function measuresApplied(population: MeasureFacts[]): Promise<Map<string, Set<string>>> {
  const byDay = new Map<string, string[]>();
  for (const s of population) {
    const days = new Set([FROM, ...(H2 <= TO ? [H2] : [])]);
    for (const { on } of s.envCreditHistory ?? []) if (inYear(on)) days.add(on);
    for (const { listedOn } of [...(s.creditListings ?? []), ...(s.marketListings ?? [])]) if (inYear(listedOn)) days.add(listedOn);
    for (const day of days) byDay.set(day, [...(byDay.get(day) ?? []), s.uscc]);
  }
  const applied = new Map(population.map((s) => [s.uscc, new Set<string>()]));
  for (const [day, codes] of byDay) {
    for (let i = 0; i < codes.length; i += 200) {
      const answer = await hub.request<{ enterprises: { uscc: string; jointMeasures: { measure: { code: string } }[] }[] }>(
        'query($codes: [USCC!]!, $d: Date!) { enterprises(usccs: $codes) { uscc jointMeasures(asOf: $d) { measure { code } } } }',
        { codes: codes.slice(i, i + 200), d: day },
        { key: 'demo-env-admin' },
      );
      expect(answer.errors).toBeUndefined();
      for (const e of answer.data!.enterprises) for (const { measure } of e.jointMeasures) applied.get(e.uscc)!.add(measure.code);
    }
  }
  return applied;
}

/** Every subject on a list of market supervision or the credit office on some day the lists were asked for. */
async function listedDuringTheYear(): Promise<string[]> {
  const listed = new Set<string>();
  for (const day of new Set([FROM, ...(H2 <= TO ? [H2] : []), TO])) {
    let after: string | null = null;
    do {
      const page: GraphqlResponse<{ searchEnterprises: { edges: { node: { uscc: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }> =
        await hub.request(
          'query($d: Date!, $after: String) { searchEnterprises(first: 1000, after: $after, filter: { listed: true, colorAsOf: $d }) { edges { node { uscc } } pageInfo { hasNextPage endCursor } } }',
          { d: day, after },
          { key: 'demo-env-admin' },
        );
      expect(page.errors).toBeUndefined();
      for (const { node } of page.data!.searchEnterprises.edges) listed.add(node.uscc);
      after = page.data!.searchEnterprises.pageInfo.hasNextPage ? page.data!.searchEnterprises.pageInfo.endCursor : null;
    } while (after);
  }
  return [...listed];
}

/** Supervision work of the year on top of the demo city, so that no figure is trivially empty. */
async function superviseDuringTheYear(): Promise<void> {
  const admin = { key: 'demo-env-admin' };
  const call = async <T>(query: string, variables: Record<string, unknown>) => {
    const answer = await hub.request<T>(query, variables, admin);
    expect(answer.errors, query).toBeUndefined();
    return answer.data!;
  };
  const uscc = '91320700MA1Q3K7P2H';
  const recent = today() > `${YEAR}-01-10` ? addDays(today(), -3) : today();
  const recorded = await call<{ recordCreditEvent: { event: { id: string } } }>(
    'mutation($i: RecordCreditEventInput!) { recordCreditEvent(input: $i) { event { id } } }',
    { i: { uscc, type: 'WARNING', occurredOn: recent, decisionNo: '连环罚〔测试〕1号' } },
  );
  // A decision entered a month after it was taken: late (more than 5 working days), in the timeliness figure.
  const lateDay = addDays(today(), -30);
  if (inYear(lateDay)) {
    await call('mutation($i: RecordCreditEventInput!) { recordCreditEvent(input: $i) { event { id } } }', { i: { uscc, type: 'FINE', occurredOn: lateDay, decisionNo: '连环罚〔测试〕2号' } });
  }
  const filed = await call<{ fileObjection: { id: string } }>('mutation($i: FileObjectionInput!) { fileObjection(input: $i) { id } }', {
    i: { eventId: recorded.recordCreditEvent.event.id, grounds: '事实认定有误', filedOn: recent },
  });
  await call('mutation($i: ReviewObjectionInput!) { reviewObjection(input: $i) { objection { status } } }', { i: { objectionId: filed.fileObjection.id, decision: 'UPHOLD', note: '采纳' } });
  await call('mutation($i: DrawInspectionsInput!) { drawInspections(input: $i) { id } }', { i: { districtCode: '320706', sampleSize: 12, seed: 'annual-summary', asOf: recent } });
  await call('mutation($i: DrawInspectionsInput!) { drawInspections(input: $i) { id } }', { i: { rate: 0.05, seed: 'annual-summary-city', asOf: recent } });
  // Feedback from an implementing agency of the test's own, reported through the credit office.
  const catalog = await call<{ measureCatalog: { code: string }[] }>('query($d: Date!) { measureCatalog(asOf: $d) { code } }', { d: recent });
  const reportedOn = [DEMO_SHOWCASE_USCC];
  ownFeedback = { code: catalog.measureCatalog[0].code, subjects: reportedOn };
  for (const [i, subject] of reportedOn.entries()) {
    const fed = await hub.request('mutation($i: MeasureFeedbackInput!) { reportMeasureFeedback(input: $i) { id } }', {
      i: { uscc: subject, measureCode: ownFeedback.code, outcome: 'APPLIED', appliedOn: recent, businessRef: `annual-${i}`, onBehalfOf: OWN_AGENCY },
    }, { key: 'demo-credit-office' });
    expect(fed.errors).toBeUndefined();
  }
  // A front-runner (环保领跑者): the first GREEN subject whose 24 months in the scope hold no deduction.
  const green = await call<{ searchEnterprises: { edges: { node: { uscc: string } }[] } }>(
    'query($d: Date!) { searchEnterprises(first: 50, filter: { color: GREEN, colorAsOf: $d }) { edges { node { uscc } } } }',
    { d: recent },
  );
  for (const { node } of green.searchEnterprises.edges) {
    const designated = await hub.request('mutation($i: DesignateFrontRunnerInput!) { designateFrontRunner(input: $i) { designation { id } } }', {
      i: { uscc: node.uscc, decisionNo: '连环领〔测试〕1号', designatedOn: recent },
    }, admin);
    if (!designated.errors) {
      frontRunner = node.uscc;
      break;
    }
  }
  expect(frontRunner, 'a GREEN demo subject eligible as a front-runner').toBeDefined();
  // A repair of a penalty published long enough ago (the demo city's penalties of the spring).
  const events = await call<{ enterprise: { envPenaltyDisclosures: { event: { id: string }; repairableFrom: string; state: string }[] } }>(
    'query($u: USCC!) { enterprise(uscc: $u) { envPenaltyDisclosures { event { id } repairableFrom state } } }',
    { u: uscc },
  );
  const repairable = events.enterprise.envPenaltyDisclosures.find((d) => d.state === 'PUBLISHED' && d.repairableFrom <= today() && d.repairableFrom >= FROM);
  if (!repairable) return;
  const applied = await call<{ applyCreditRepair: { id: string } }>('mutation($i: ApplyCreditRepairInput!) { applyCreditRepair(input: $i) { id } }', {
    i: { eventId: repairable.event.id, reason: '已完成整改', appliedOn: today() },
  });
  await call('mutation($i: ReviewCreditRepairInput!) { reviewCreditRepair(input: $i) { status } }', { i: { applicationId: applied.applyCreditRepair.id, decision: 'UPHOLD', note: '同意修复' } });
}

beforeAll(async () => {
  hub = await startTestHub({ demoSize: 560 });
  await superviseDuringTheYear();
  const answer = await hub.request<{ annualSupervisionReport: Report }>(
    'query($y: Int!) { annualSupervisionReport(year: $y) { year subjectsRated pdfPath csvPath figures { key title rows { label count subjects } } timeliness { districtCode entered late lateShare medianDelayWorkingDays } } }',
    { y: YEAR },
    { key: 'demo-env-admin' },
  );
  expect(answer.errors).toBeUndefined();
  report = answer.data!.annualSupervisionReport;
  const population = report.figures.find((f) => f.key === 'subjectsRated')!.rows[0].subjects;
  subjects = [];
  for (let i = 0; i < population.length; i += 100) {
    const batch = await hub.request<{ enterprises: Subject[] }>(
      `query($codes: [USCC!]!, $from: Date!, $to: Date!, $h2: Date!) { enterprises(usccs: $codes) {
        uscc districtCode industryCode atStart: envCredit(asOf: $from) { color } atEnd: envCredit(asOf: $to) { color }
        startDistrict: envDistrictOn(asOf: $from) endDistrict: envDistrictOn(asOf: $to)
        envCreditEvents { type occurredOn voided recordedLate entryDelayWorkingDays } envObjections { filedOn status } envPenaltyDisclosures { event { severity } repair { appliedOn status } }
        envCreditHistory { on cause superseded } envFrontRunnerDesignations { designatedOn lapsedOn } firstHalf: sewageFee(asOf: $from) { surchargePerCubicMetre } secondHalf: sewageFee(asOf: $h2) { surchargePerCubicMetre }
        creditListings { listedOn } marketListings { listedOn } } }`,
      { codes: population.slice(i, i + 100), from: FROM, to: TO, h2: H2 },
      { key: 'demo-env-admin' },
    );
    expect(batch.errors).toBeUndefined();
    subjects.push(...batch.data!.enterprises);
  }
}, 240_000);

afterAll(async () => {
  await hub?.stop();
});

describe(`the yearly summary (总结报告) of ${YEAR} on the demo city`, () => {
  it('covers every subject rated in the year, and no other', async () => {
    expect(report.subjectsRated).toBe(subjects.length);
    expect(subjects.length).toBeGreaterThan(400);
    // Everyone rated at the end of the year is in it, as colorDistribution counts them.
    const buckets = await hub.request<{ colorDistribution: { count: number }[] }>('query($d: Date!) { colorDistribution(asOf: $d, groupBy: DISTRICT) { count } }', { d: TO }, { key: 'demo-env-admin' });
    expect(subjects.filter((s) => s.atEnd).length).toBe(buckets.data!.colorDistribution.reduce((sum, b) => sum + b.count, 0));
  });

  it.each(FIGURES.map((figure) => [figure.key, figure] as const))('figure %s equals the sum of the per-subject answers', (key, figure) => {
    const actual = report.figures.find((f) => f.key === figure.key);
    expect(actual, figure.key).toBeDefined();
    expect(actual!.rows).toEqual(expectedRows(figure, subjects));
    // No figure is trivially empty: the demo city and the test's own supervision give each some rows.
    expect(actual!.rows.length, key).toBeGreaterThan(0);
    if (key === 'frontRunners') expect(actual!.rows.flatMap((row) => row.subjects)).toContain(frontRunner);
  });

  it('states per district the share of decisions entered late and the median delay, from the events as the API answers them', () => {
    const byDistrict = new Map<string, number[]>();
    const lateIn = new Map<string, number>();
    for (const s of subjects) {
      for (const e of s.envCreditEvents) {
        if (e.voided || !inYear(e.occurredOn)) continue;
        byDistrict.set(s.districtCode, [...(byDistrict.get(s.districtCode) ?? []), e.entryDelayWorkingDays]);
        if (e.recordedLate) lateIn.set(s.districtCode, (lateIn.get(s.districtCode) ?? 0) + 1);
      }
    }
    const expected = [...byDistrict.keys()].sort().map((districtCode) => {
      const delays = byDistrict.get(districtCode)!.sort((a, b) => a - b);
      const m = delays.length >> 1;
      const late = lateIn.get(districtCode) ?? 0;
      return { districtCode, entered: delays.length, late, lateShare: late / delays.length, medianDelayWorkingDays: delays.length % 2 ? delays[m] : (delays[m - 1] + delays[m]) / 2 };
    });
    expect(report.timeliness).toEqual(expected);
    if (inYear(addDays(today(), -30))) expect(report.timeliness.some((d) => d.late > 0)).toBe(true);
  });

  it('figure measureFeedback names the subjects due (their jointMeasures named the measure on some day of the year) and those reported on', async () => {
    const rows = report.figures.find((f) => f.key === 'measureFeedback')!.rows;
    const answer = await hub.request<{ measureFeedbackRollup: RollupRow[] }>(
      'query($f: Date!, $t: Date!) { measureFeedbackRollup(from: $f, to: $t) { measure { code } agency subjectsDue dueSubjects subjectsReported reportedSubjects } }',
      { f: FROM, t: TO },
      { key: 'demo-credit-office' },
    );
    expect(answer.errors).toBeUndefined();
    const rollup = answer.data!.measureFeedbackRollup;
    // Each count is the number of subjects named behind it, and the roll-up's own count.
    for (const row of rows) expect(row.count, row.label).toBe(row.subjects.length);
    for (const row of rollup) {
      expect(row.dueSubjects?.length ?? null, row.measure.code).toBe(row.subjectsDue);
      expect(row.reportedSubjects.length, row.measure.code).toBe(row.subjectsReported);
    }
    const bases = rollup.map((row) => ({ base: `${row.measure.code}/${row.agency ?? '（无反馈）'}`, row }));
    expect(rows.map((row) => row.label)).toEqual(bases.flatMap(({ base }) => [`${base}/due`, `${base}/reported`]));
    // Per subject: the rated subjects, every subject on a list during the year (listed subjects are due
    // their memorandum measures whether rated or not), and anyone else named (reported on though not rated).
    const rated = new Set(subjects.map((s) => s.uscc));
    const listed = await listedDuringTheYear();
    expect(listed.some((uscc) => !rated.has(uscc)), 'the demo city lists some subjects it does not rate').toBe(true);
    const others = [...new Set([...listed, ...rows.flatMap((row) => row.subjects)])].filter((uscc) => !rated.has(uscc));
    const population: MeasureFacts[] = [...subjects];
    for (let i = 0; i < others.length; i += 200) {
      const batch = await hub.request<{ enterprises: MeasureFacts[] }>(
        'query($codes: [USCC!]!) { enterprises(usccs: $codes) { uscc envCreditHistory { on cause superseded } creditListings { listedOn } marketListings { listedOn } } }',
        { codes: others.slice(i, i + 200) },
        { key: 'demo-env-admin' },
      );
      expect(batch.errors).toBeUndefined();
      population.push(...batch.data!.enterprises);
    }
    const applied = await measuresApplied(population);
    const figure = {
      occurrences: false,
      labels: (s: MeasureFacts) =>
        bases.flatMap(({ base, row }) => [...(applied.get(s.uscc)!.has(row.measure.code) ? [`${base}/due`] : []), ...(row.reportedSubjects.includes(s.uscc) ? [`${base}/reported`] : [])]),
    };
    const byLabel = (a: Row, b: Row) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
    expect(rows.filter((row) => row.count > 0).sort(byLabel)).toEqual(expectedRows(figure, population));
    expect(rows.some((row) => row.label.endsWith('/due') && row.count > 0)).toBe(true);
    // The feedback the test reported names exactly its subjects.
    const own = `${ownFeedback.code}/${OWN_AGENCY}/reported`;
    expect(rows.find((row) => row.label === own)).toEqual({ label: own, count: ownFeedback.subjects.length, subjects: ownFeedback.subjects });
  }, 120_000);

  it('counts the inspection draws of the year and their subjects by colour as inspectionDraws answers them', async () => {
    const answer = await hub.request<{ inspectionDraws: { selected: { uscc: string; color: string }[] }[] }>(
      'query($f: Date!, $t: Date!) { inspectionDraws(from: $f, to: $t) { selected { uscc color } } }',
      { f: FROM, t: TO },
      { key: 'demo-credit-office' },
    );
    expect(answer.errors).toBeUndefined();
    const draws = answer.data!.inspectionDraws;
    expect(draws.length).toBe(2);
    const expected: Row[] = [{ label: 'draws', count: draws.length, subjects: [] }];
    for (const color of ['BLACK', 'BLUE', 'GREEN', 'RED', 'YELLOW']) {
      const picked = draws.flatMap((draw) => draw.selected.filter((s) => s.color === color).map((s) => s.uscc));
      if (picked.length) expected.push({ label: `selected/${color}`, count: picked.length, subjects: [...new Set(picked)].sort() });
    }
    expect(report.figures.find((f) => f.key === 'inspections')!.rows).toEqual(expected);
  });

  it.each(['DISTRICT', 'INDUSTRY'] as const)('colour distributions by %s at both ends of the year equal colorDistribution', async (groupBy) => {
    for (const [key, asOf] of [
      [`colorsAtStartBy${groupBy === 'DISTRICT' ? 'District' : 'Industry'}`, FROM],
      [`colorsAtEndBy${groupBy === 'DISTRICT' ? 'District' : 'Industry'}`, TO],
    ]) {
      const answer = await hub.request<{ colorDistribution: { group: string; color: string; count: number }[] }>(
        'query($d: Date!, $g: DistributionGroup!) { colorDistribution(asOf: $d, groupBy: $g) { group color count } }',
        { d: asOf, g: groupBy },
        { key: 'demo-env-admin' },
      );
      const api = answer.data!.colorDistribution.filter((b) => b.count > 0).map((b) => [`${b.group}/${b.color}`, b.count]);
      const rows = report.figures.find((f) => f.key === key)!.rows.map((r) => [r.label, r.count]);
      expect(rows.sort(), key).toEqual(api.sort());
    }
  });

  it('is served as a PDF that renders and as a CSV whose rows are the figures', async () => {
    const base = hub.hub.url.replace(/\/graphql$/, '');
    const csv = await fetch(`${base}${report.csvPath}`, { headers: { authorization: 'Bearer demo-credit-office' } });
    expect(csv.status).toBe(200);
    const records = parse<{ figure: string; label: string; count: string; subjects: string }>((await csv.text()).replace(/^\uFEFF/, ''), { columns: true });
    const expected = report.figures.flatMap((f) => f.rows.map((r) => ({ figure: f.key, label: r.label, count: String(r.count), subjects: r.subjects.join(' ') })));
    expect(records.map(({ figure, label, count, subjects }) => ({ figure, label, count, subjects }))).toEqual(expected);
    const pdf = await fetch(`${base}${report.pdfPath}`, { headers: { authorization: 'Bearer demo-env-admin' } });
    expect(pdf.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'ecocredit-annual-'));
    try {
      writeFileSync(join(dir, 'annual.pdf'), Buffer.from(await pdf.arrayBuffer()));
      if (process.env.REPORTS_KEEP_PDF) execFileSync('cp', [join(dir, 'annual.pdf'), process.env.REPORTS_KEEP_PDF]);
      execFileSync('pdftoppm', ['-r', '40', '-png', join(dir, 'annual.pdf'), join(dir, 'page')]);
      expect(readdirSync(dir).filter((name) => name.endsWith('.png')).length).toBeGreaterThan(1);
      const text = execFileSync('pdftotext', [join(dir, 'annual.pdf'), '-']).toString('utf8').replace(/\s+/g, '');
      expect(text).toContain(`本年度共有${report.subjectsRated}家主体参与环境信用评价`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const refused = await fetch(`${base}${report.csvPath}`, { headers: { authorization: 'Bearer demo-bank', 'x-access-purpose': 'CREDIT_REVIEW' } });
    expect(refused.status).toBe(403);
  });

  it('is refused to roles other than the bureau and the credit office, and for a year out of range', async () => {
    const asBank = await hub.request('query { annualSupervisionReport(year: 2026) { year } }', {}, { key: 'demo-bank', purpose: 'CREDIT_REVIEW' });
    expect(errorCodes(asBank)).toEqual(['FORBIDDEN']);
    const future = await hub.request('query($y: Int!) { annualSupervisionReport(year: $y) { year } }', { y: YEAR + 1 }, { key: 'demo-env-admin' });
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
  });
});
