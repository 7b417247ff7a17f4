import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '../src/shared/database';
import { addDays, addMonths, today } from '../src/shared/dates';
import { mulberry32 } from '../src/shared/random';
import { ColorPeriodService } from '../src/subgraphs/environment/services/color-period.service';
import { ratedEnterprise } from './support/fixtures';
import { errorCodes, startTestHub, type TestHub } from './support/test-hub';

/**
 * One colour source (DOMAIN.md §11, issue 24 item 1) and set-wide answers from maintained aggregates
 * (issue 21 §1): over randomised histories built through the API (late and back-dated records,
 * objections upheld and voidings, front-runner designations that lapse or never held, demo subjects
 * written by the seed's COPY), every set-wide answer (distributions by district and industry on many
 * days, the 24-month trend, bucket subjects, colour changes, colour-filtered search pages and
 * totalCount, GREEN measure subjects, draw populations) equals what the per-subject `envCredit`
 * answers for each subject on each day. The histories come from a seeded random: a failure names
 * the seed, and SEED=<n> replays it.
 */
const SEED = Number(process.env.SEED ?? 20261208);
const ADMIN = { key: 'demo-env-admin' };
const OFFICER = { key: 'demo-env-officer-haizhou' };
const HAIZHOU = '320706';
const DISTRICTS = [HAIZHOU, '320703', '320707'];
const INDUSTRIES = ['C2614', 'C3011', 'D4411'];
const COLORS = ['GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK'];
const EVENT_TYPES = ['WARNING', 'WARNING', 'FINE', 'FINE', 'SUSPENSION_ORDER', 'ENV_AWARD', 'CREDIT_COMMITMENT', 'CRIMINAL_LIABILITY'];
const SUBJECTS = 30;

let hub: TestHub;

/** The statements environment's data (its pool and the read snapshot's) receives while `work` runs. */
async function environmentStatements(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = StatementCounter.observe((owner, sql) => {
    if (owner === 'environment' || (owner === 'snapshot' && /environment\./.test(sql))) seen.push(sql);
  });
  try {
    await work();
  } finally {
    stop();
  }
  return seen;
}

const random = mulberry32(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
const chance = (p: number) => random() < p;
/** A day from `from` to `to`, inclusive. */
function dayBetween(from: string, to: string): string {
  const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  return addDays(from, Math.floor(random() * (span + 1)));
}

async function call<T>(query: string, variables: Record<string, unknown> = {}, key = ADMIN): Promise<T> {
  const response = await hub.request<T>(query, variables, key);
  expect(response.errors, `seed ${SEED}: ${JSON.stringify(response.errors)}`).toBeUndefined();
  return response.data!;
}

/** A write the rules may refuse (a second commitment within 12 months, a designation after a deduction): null when refused as bad input. */
async function attempt<T>(query: string, variables: Record<string, unknown>): Promise<T | null> {
  const response = await hub.request<T>(query, variables, ADMIN);
  if (response.errors) {
    expect(errorCodes(response), `seed ${SEED}: ${JSON.stringify(response.errors)}`).toEqual(['BAD_USER_INPUT']);
    return null;
  }
  return response.data!;
}

const RECORD = `mutation R($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } } }`;

async function record(uscc: string, type: string, occurredOn: string): Promise<string | null> {
  const data = await attempt<{ recordCreditEvent: { event: { id: string } } }>(RECORD, { input: { uscc, type, occurredOn, decisionNo: `连环罚〔随机〕${Math.floor(random() * 1e9)}号` } });
  return data?.recordCreditEvent.event.id ?? null;
}

/** Voids an event: by an objection upheld (filed inside its window) or by the bureau's own voiding. */
async function voidEvent(id: string, occurredOn: string): Promise<void> {
  if (chance(0.5)) {
    const filed = await call<{ fileObjection: { id: string } }>(`mutation F($input: FileObjectionInput!) { fileObjection(input: $input) { id } }`, {
      input: { eventId: id, grounds: '事实认定有误', filedOn: addDays(occurredOn, 3) },
    });
    await call(`mutation V($input: ReviewObjectionInput!) { reviewObjection(input: $input) { event { voided } } }`, {
      input: { objectionId: filed.fileObjection.id, decision: 'UPHOLD', note: '异议成立' },
    });
  } else {
    await call(`mutation V($input: VoidCreditEventInput!) { voidCreditEvent(input: $input) { event { voided } } }`, { input: { eventId: id, reason: '录入错误' } });
  }
}

/**
 * One subject's randomised history, written through the API: a front-runner designation (for about
 * half the subjects rated long enough), then records dated back (late records), then a deduction
 * recorded after the designation and dated inside its clean window (it never held) or after it (it
 * lapses), then a voiding.
 */
async function randomHistory(uscc: string, ratedFrom: string): Promise<void> {
  const now = today();
  const recorded: { id: string; occurredOn: string }[] = [];
  const earliest = addMonths(ratedFrom, 24);
  let designatedOn: string | null = null;
  if (earliest < addDays(now, -30) && chance(0.6)) {
    const day = dayBetween(earliest, addDays(now, -30));
    const designated = await attempt(`mutation D($i: DesignateFrontRunnerInput!) { designateFrontRunner(input: $i) { designation { id } } }`, {
      i: { uscc, decisionNo: `连环领〔随机〕${Math.floor(random() * 1e9)}号`, designatedOn: day },
    });
    expect(designated, `seed ${SEED}: a subject without events may be designated`).not.toBeNull();
    designatedOn = day;
  }
  for (let i = Math.floor(random() * 5); i > 0; i -= 1) {
    // Every record is made today; most are dated back (late records), some long back.
    const occurredOn = dayBetween(ratedFrom, now);
    const id = await record(uscc, pick(EVENT_TYPES), occurredOn);
    if (id) recorded.push({ id, occurredOn });
  }
  if (designatedOn && chance(0.7)) {
    const windowOpens = addMonths(designatedOn, -20);
    const occurredOn = chance(0.5) ? dayBetween(windowOpens < ratedFrom ? ratedFrom : windowOpens, addDays(designatedOn, -1)) : dayBetween(designatedOn, now);
    const id = await record(uscc, pick(['WARNING', 'FINE']), occurredOn);
    if (id) recorded.push({ id, occurredOn });
  }
  if (recorded.length > 0 && chance(0.4)) {
    const event = pick(recorded);
    await voidEvent(event.id, event.occurredOn);
  }
}

interface Subject {
  uscc: string;
  district: string;
  industry: string | null;
  /** envCredit's colour on each checked day (absent: not rated that day). */
  colors: Map<string, string>;
}

let subjects: Subject[] = [];
let days: string[] = [];
let trendDays: string[] = [];

/** Each subject's colour on every day, as `envCredit` answers it for that subject (one request per subject). */
async function perSubject(usccs: readonly string[]): Promise<Subject[]> {
  const fields = days.map((day, i) => `d${i}: envCredit(asOf: "${day}") { color }`).join(' ');
  const result: Subject[] = [];
  for (const uscc of usccs) {
    const { enterprise } = await call<{ enterprise: Record<string, { color: string } | null> & { districtCode: string; industryCode: string | null } }>(
      `query S($uscc: USCC!) { enterprise(uscc: $uscc) { districtCode industryCode ${fields} } }`,
      { uscc },
    );
    const colors = new Map<string, string>();
    days.forEach((day, i) => {
      const rating = enterprise[`d${i}`];
      if (rating) colors.set(day, rating.color);
    });
    result.push({ uscc, district: enterprise.districtCode, industry: enterprise.industryCode, colors });
  }
  return result;
}

function expectedCounts(day: string, group: (s: Subject) => string, district: string | null = null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of subjects) {
    const color = s.colors.get(day);
    if (!color || (district && s.district !== district)) continue;
    const key = `${group(s)}/${color}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function expectedSubjects(day: string, keep: (s: Subject, color: string) => boolean): string[] {
  return subjects.filter((s) => s.colors.has(day) && keep(s, s.colors.get(day)!)).map((s) => s.uscc).sort();
}

beforeAll(async () => {
  // A small demo city (written by the seed's COPY writers), then subjects with random histories.
  // The histories are written and read through the API as a handful of clients, far above the production rate
  // limit of 600 requests a minute per client (limits.test.ts tests the limit itself).
  hub = await startTestHub({ demoSize: 40, config: { rateLimit: { requests: 1_000_000, windowMs: 60_000 } } });
  const now = today();
  for (let i = 0; i < SUBJECTS; i += 1) {
    const district = pick(DISTRICTS);
    const ratedFrom = dayBetween('2022-01-01', addMonths(now, -3));
    const uscc = await ratedEnterprise(hub, { district, ratedFrom, industryCode: pick(INDUSTRIES) });
    await randomHistory(uscc, ratedFrom);
  }
  // colorTrend's days: the last day of each of the 23 months before today's, then today.
  trendDays = Array.from({ length: 24 }, (_, i) => (i === 23 ? now : addDays(addMonths(`${now.slice(0, 7)}-01`, i - 22), -1)));
  // A scoring policy version from a future day (BLUE from 8 points, not 6): the periods of every
  // subject change from that day, and the days after it are checked too.
  const effectiveFrom = addDays(now, 20);
  await call(`mutation P($input: AddScoringPolicyVersionInput!) { addScoringPolicyVersion(input: $input) { effectiveFrom } }`, {
    input: { subjectKind: 'ENTERPRISE', effectiveFrom, legalBasis: '测试：蓝色下限提高至8分', blueMin: 8 },
  });
  const randomDays = Array.from({ length: 8 }, () => dayBetween('2022-01-01', now));
  days = [...new Set([...trendDays, ...randomDays, '2021-12-31', now, addDays(effectiveFrom, -1), effectiveFrom, addDays(effectiveFrom, 40)])].sort();
  const rated = await hub.sql<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject ORDER BY uscc`);
  subjects = await perSubject(rated.map((r) => r.uscc));
}, 600_000);

afterAll(async () => {
  await hub?.stop();
});

describe('set-wide colour answers equal the per-subject envCredit answers', () => {
  it('the histories hold what the test is about: every colour, voidings and front-runners that lapsed or never held', async () => {
    const colors = new Set(subjects.flatMap((s) => [...s.colors.values()]));
    expect([...colors].sort(), `seed ${SEED}`).toEqual([...COLORS].sort());
    // Deductions recorded after a designation: dated before it (inside its clean window: it never held) or after it (it lapsed then).
    const [{ voided, neverHeld, lapsedLater }] = await hub.sql<{ voided: number; neverHeld: number; lapsedLater: number }>(`
      WITH deductions AS (
        SELECT f.uscc, e.occurred_on < f.designated_on AS before
          FROM environment.front_runner f JOIN environment.credit_event e
            ON e.uscc = f.uscc AND e.voided_at IS NULL AND e.points < 0 AND e.recorded_at > f.recorded_at AND e.occurred_on > f.designated_on - interval '24 months')
      SELECT (SELECT count(*) FROM environment.credit_event WHERE voided_at IS NOT NULL)::int AS voided,
             (SELECT count(DISTINCT uscc) FROM deductions WHERE before)::int AS "neverHeld",
             (SELECT count(DISTINCT uscc) FROM deductions WHERE NOT before)::int AS "lapsedLater"`);
    expect(voided, `seed ${SEED}`).toBeGreaterThan(0);
    expect(neverHeld, `seed ${SEED}`).toBeGreaterThan(1);
    expect(lapsedLater, `seed ${SEED}`).toBeGreaterThan(1);
  });

  it('colorDistribution by district and by industry, on every checked day, for the bureau and for a district officer', async () => {
    for (const day of days) {
      for (const [groupBy, group] of [
        ['DISTRICT', (s: Subject) => s.district],
        ['INDUSTRY', (s: Subject) => s.industry ?? 'UNKNOWN'],
      ] as const) {
        for (const [key, district] of [
          [ADMIN, null],
          [OFFICER, HAIZHOU],
        ] as const) {
          const { colorDistribution } = await call<{ colorDistribution: { group: string; color: string; count: number }[] }>(
            `query D($asOf: Date!, $groupBy: DistributionGroup!) { colorDistribution(asOf: $asOf, groupBy: $groupBy) { group color count } }`,
            { asOf: day, groupBy },
            key,
          );
          const answered = new Map(colorDistribution.filter((b) => b.count !== 0).map((b) => [`${b.group}/${b.color}`, b.count]));
          expect(answered, `seed ${SEED}: ${groupBy} on ${day} for ${key.key}`).toEqual(expectedCounts(day, group, district));
        }
      }
    }
  });

  it('colorTrend over 24 months: every point is the per-subject count on that day', async () => {
    const { colorTrend } = await call<{ colorTrend: { on: string; color: string; count: number }[] }>(`{ colorTrend(months: 24) { on color count } }`);
    expect([...new Set(colorTrend.map((p) => p.on))]).toEqual(trendDays);
    for (const point of colorTrend) {
      const expected = subjects.filter((s) => s.colors.get(point.on) === point.color).length;
      expect(point.count, `seed ${SEED}: ${point.color} on ${point.on}`).toBe(expected);
    }
  });

  it('colorBucketSubjects lists exactly the subjects of each bucket, and colorChanges exactly those whose colour differs', async () => {
    for (const day of days.filter((_, i) => i % 3 === 0)) {
      for (const district of DISTRICTS) {
        for (const color of COLORS) {
          const { colorBucketSubjects } = await call<{ colorBucketSubjects: { uscc: string }[] }>(
            `query B($asOf: Date!, $group: String!, $color: CreditColor!) { colorBucketSubjects(asOf: $asOf, groupBy: DISTRICT, group: $group, color: $color, first: 1000) { uscc } }`,
            { asOf: day, group: district, color },
          );
          expect(colorBucketSubjects.map((s) => s.uscc), `seed ${SEED}: ${district} ${color} on ${day}`).toEqual(expectedSubjects(day, (s, c) => s.district === district && c === color));
        }
      }
    }
    for (let i = 0; i + 1 < days.length; i += 4) {
      const [from, to] = [days[i], days[Math.min(i + 4, days.length - 1)]];
      if (addDays(from, 366) < to) continue;
      const { colorChanges } = await call<{ colorChanges: { enterprise: { uscc: string }; colorBefore: string | null; colorAfter: string }[] }>(
        `query C($from: Date!, $to: Date!) { colorChanges(from: $from, to: $to) { enterprise { uscc } colorBefore colorAfter } }`,
        { from, to },
      );
      const expected = subjects
        .filter((s) => s.colors.has(to) && s.colors.get(from) !== s.colors.get(to))
        .map((s) => ({ enterprise: { uscc: s.uscc }, colorBefore: s.colors.get(from) ?? null, colorAfter: s.colors.get(to)! }))
        .sort((a, b) => (a.enterprise.uscc < b.enterprise.uscc ? -1 : 1));
      expect(colorChanges, `seed ${SEED}: ${from} → ${to}`).toEqual(expected);
    }
  });

  it('searchEnterprises by colour: every page and totalCount, with a district, an industry or neither, and in a district officer’s scope', async () => {
    const cases: { filter: Record<string, unknown>; keep: (s: Subject, color: string) => boolean; key?: typeof ADMIN }[] = [];
    for (const day of days.filter((day, i) => i % 4 === 1 && day <= today())) {
      cases.push({ filter: { colors: ['RED', 'BLACK'], colorAsOf: day }, keep: (_, c) => c === 'RED' || c === 'BLACK' });
      cases.push({ filter: { color: 'YELLOW', districtCode: HAIZHOU, colorAsOf: day }, keep: (s, c) => c === 'YELLOW' && s.district === HAIZHOU });
      cases.push({ filter: { colors: ['GREEN', 'BLUE'], industryCode: 'C3011', colorAsOf: day }, keep: (s, c) => (c === 'GREEN' || c === 'BLUE') && s.industry === 'C3011' });
      cases.push({ filter: { color: 'BLUE', colorAsOf: day }, keep: (s, c) => c === 'BLUE' && s.district === HAIZHOU, key: OFFICER });
      cases.push({ filter: { color: 'BLUE', districtCode: '320703', colorAsOf: day }, keep: () => false, key: OFFICER });
    }
    for (const { filter, keep, key } of cases) {
      const day = filter.colorAsOf as string;
      const found: string[] = [];
      let after: string | null = null;
      let totalCount = -1;
      do {
        type Page = { searchEnterprises: { totalCount: number; edges: { node: { uscc: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        const { searchEnterprises }: Page = await call<{ searchEnterprises: { totalCount: number; edges: { node: { uscc: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(
          `query Q($filter: EnterpriseFilter, $after: String) { searchEnterprises(filter: $filter, first: 7, after: $after) { totalCount edges { node { uscc } } pageInfo { hasNextPage endCursor } } }`,
          { filter, after },
          key ?? ADMIN,
        );
        found.push(...searchEnterprises.edges.map((e) => e.node.uscc));
        totalCount = searchEnterprises.totalCount;
        after = searchEnterprises.pageInfo.hasNextPage ? searchEnterprises.pageInfo.endCursor : null;
      } while (after);
      const expected = expectedSubjects(day, keep);
      expect(found, `seed ${SEED}: ${JSON.stringify(filter)}`).toEqual(expected);
      expect(totalCount, `seed ${SEED}: totalCount of ${JSON.stringify(filter)}`).toBe(expected.length);
    }
  });

  it('GREEN measure subjects (SUBSIDY_PRIORITY) and draw populations follow the same colours: a lapsed front-runner is not GREEN', async () => {
    const now = today();
    const { measureSubjects } = await call<{ measureSubjects: { uscc: string }[] }>(`{ measureSubjects(code: "SUBSIDY_PRIORITY") { uscc } }`);
    expect(measureSubjects.map((s) => s.uscc).sort(), `seed ${SEED}`).toEqual(expectedSubjects(now, (_, c) => c === 'GREEN'));
    for (const day of [...days.filter((day, i) => i % 5 === 2 && day <= now), now]) {
      const { drawInspections } = await call<{ drawInspections: { strata: { color: string; population: number }[] } }>(
        `mutation D($input: DrawInspectionsInput!) { drawInspections(input: $input) { strata { color population } } }`,
        { input: { districtCode: HAIZHOU, rate: 0.5, seed: `seed-${SEED}`, asOf: day } },
      );
      const populations = new Map<string, number>();
      for (const stratum of drawInspections.strata) populations.set(stratum.color, (populations.get(stratum.color) ?? 0) + stratum.population);
      for (const color of COLORS) {
        expect(populations.get(color) ?? 0, `seed ${SEED}: ${color} population on ${day}`).toBe(expectedSubjects(day, (s, c) => c === color && s.district === HAIZHOU).length);
      }
    }
  });

  it('past days: GREEN measure subjects on each day, and each draw’s selected subjects and realised rate per colour', async () => {
    const now = today();
    for (const day of days.filter((day, i) => i % 4 === 3 && day <= now && day >= '2025-01-01')) {
      const { measureSubjects } = await call<{ measureSubjects: { uscc: string }[] }>(`query M($d: Date) { measureSubjects(code: "SUBSIDY_PRIORITY", asOf: $d) { uscc } }`, { d: day });
      expect(measureSubjects.map((s) => s.uscc).sort(), `seed ${SEED}: GREEN on ${day}`).toEqual(expectedSubjects(day, (_, c) => c === 'GREEN'));
      const { drawInspections } = await call<{
        drawInspections: { strata: { color: string; population: number; selected: number; realisedRate: number }[]; selected: { uscc: string; color: string }[] };
      }>(`mutation D($input: DrawInspectionsInput!) { drawInspections(input: $input) { strata { color population selected realisedRate } selected { uscc color } } }`, {
        input: { districtCode: HAIZHOU, rate: 0.5, seed: `seed-${SEED}-${day}`, asOf: day },
      });
      // Every drawn subject carries the colour envCredit gives it that day, and each colour's rate is what was drawn of it.
      const colorOf = new Map(subjects.map((s) => [s.uscc, s.colors.get(day)]));
      for (const drawn of drawInspections.selected) expect(drawn.color, `seed ${SEED}: ${drawn.uscc} on ${day}`).toBe(colorOf.get(drawn.uscc));
      for (const color of COLORS) {
        const strata = drawInspections.strata.filter((s) => s.color === color);
        const selected = strata.reduce((n, s) => n + s.selected, 0);
        expect(selected, `seed ${SEED}: ${color} drawn on ${day}`).toBe(drawInspections.selected.filter((d) => d.color === color).length);
        for (const stratum of strata) expect(stratum.realisedRate).toBeCloseTo(stratum.population === 0 ? 0 : stratum.selected / stratum.population, 6);
      }
    }
  });

  it('a rebuild from events gives the same periods and counts as those kept by every write', async () => {
    const periods = `SELECT uscc, valid_from::text, valid_until::text, color, district_code, industry_code FROM environment.subject_color_period ORDER BY uscc, valid_from`;
    const deltas = `SELECT day::text, district_code, industry_code, color, delta FROM environment.color_count_delta WHERE delta <> 0 ORDER BY 1, 2, 3, 4`;
    const [keptPeriods, keptDeltas] = [await hub.sql(periods), await hub.sql(deltas)];
    const rebuilt = await new ColorPeriodService(hub.hub.sources.environment).rebuild();
    expect(rebuilt.subjects).toBe(subjects.length);
    expect(await hub.sql(periods)).toEqual(keptPeriods);
    expect(await hub.sql(deltas)).toEqual(keptDeltas);
  });

  it('a distribution and a 24-month trend each cost one statement to the bureau’s data, whatever the days and subjects', async () => {
    for (const query of [`{ colorDistribution(groupBy: DISTRICT) { count } }`, `{ colorTrend(months: 24) { count } }`, `{ colorTrend(months: 60) { count } }`]) {
      await call(query);
      const statements = await environmentStatements(() => call(query));
      expect(statements.filter((sql) => /color_count_delta|subject_color_period|credit_event/.test(sql)), query).toHaveLength(1);
      expect(statements.filter((sql) => /credit_event|front_runner/.test(sql)), query).toEqual([]);
    }
  });

  it('as known on past days (knownOn): GREEN measure subjects equal the per-subject envCredit(knownOn:), for today and past days', async () => {
    // The histories were recorded today; date each record's becoming known between its date and today
    // (late records), and each enrolment on its start, so that past known-on days differ from today's knowledge.
    await hub.sql(`UPDATE environment.rated_subject SET known_on = rated_from`);
    await hub.sql(`UPDATE environment.credit_event SET known_on = occurred_on + (floor(abs(hashtext(id::text)) % (current_date - occurred_on + 1)))::int`);
    const now = today();
    const knownOnDays = [addDays(now, -1), addMonths(now, -2), addMonths(now, -9)];
    for (const knownOn of knownOnDays) {
      for (const asOf of [knownOn, addMonths(knownOn, -5)]) {
        const rated = await hub.sql<{ uscc: string }>(`SELECT uscc FROM environment.rated_subject ORDER BY uscc`);
        const green: string[] = [];
        for (const { uscc } of rated) {
          const { enterprise } = await call<{ enterprise: { envCredit: { color: string } | null } }>(
            `query K($uscc: USCC!, $k: Date, $d: Date) { enterprise(uscc: $uscc) { envCredit(knownOn: $k, asOf: $d) { color } } }`,
            { uscc, k: knownOn, d: asOf },
          );
          if (enterprise.envCredit?.color === 'GREEN') green.push(uscc);
        }
        const { measureSubjects } = await call<{ measureSubjects: { uscc: string }[] }>(
          `query M($k: Date, $d: Date) { measureSubjects(code: "SUBSIDY_PRIORITY", knownOn: $k, asOf: $d) { uscc } }`,
          { k: knownOn, d: asOf },
        );
        expect(measureSubjects.map((e) => e.uscc), `seed ${SEED}: known on ${knownOn}, as of ${asOf}`).toEqual(green.sort());
      }
    }
  });
});
