import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFeed } from '../src/cli/import/import.command';
import { addDays, addMonths, today } from '../src/shared/dates';
import { ColorPeriodService } from '../src/subgraphs/environment/services/color-period.service';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/*
 * Relocation (DOMAIN.md §11, issue 24 item 3): the code's division digits say where the code was
 * issued and never change; the registration's district is where the subject is now. Market
 * supervision moves a registration to another district of the city with an ordinary
 * `registerEnterprise`; the move is recorded with its day. From that day the new district's officer,
 * counts and draws have the subject; answers as of earlier days keep the old district. A move out of
 * the city is kept and flagged (§10). The colour aggregates stay exact: every distribution, bucket
 * and draw population as of a day equals what the per-subject answers give for that day, with the
 * subject in the district of that day, and equals a rebuild from events.
 *
 * This file's database holds only the subjects it creates, so whole answers can be compared.
 */

const ADMIN = { key: 'demo-env-admin' };
const MARKET = { key: 'demo-market' };
const T = today();

const REGISTER = `mutation Register($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { uscc districtCode districtInCity } }`;
const RECORD = `mutation Record($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { ratingAfter { color } } }`;
const COLOR_ON = `query ColorOn($uscc: USCC!, $asOf: Date) { enterprise(uscc: $uscc) { districtCode envCredit(asOf: $asOf) { color } } }`;
const DISTRIBUTION = `query Distribution($asOf: Date) { colorDistribution(asOf: $asOf, groupBy: DISTRICT) { group color count } }`;
const BUCKET = `query Bucket($asOf: Date, $group: String!, $color: CreditColor!) {
  colorBucketSubjects(asOf: $asOf, groupBy: DISTRICT, group: $group, color: $color, first: 1000) { uscc }
}`;
const DRAW = `mutation Draw($input: DrawInspectionsInput!) { drawInspections(input: $input) { id populationSize } }`;
const ISSUE = `mutation Issue($input: CreateApiClientInput!) { createApiClient(input: $input) { key } }`;

interface Move {
  name: string;
  /** The code's division digits. */
  division: string;
  /** The district it was registered and enrolled in. */
  from: string;
  /** The districts `registerEnterprise` states one after another today. */
  to: string[];
  /** Where it is from today, and whether that is in the city. */
  now: string;
  inCity: boolean;
  /** Back-dated events, so that it has a colour history before the move. */
  events: { type: string; daysAgo: number }[];
}

const MOVES: Move[] = [
  { name: 'issued in 海州区, moves to 连云区', division: '320706', from: '320706', to: ['320703'], now: '320703', inCity: true, events: [{ type: 'FINE', daysAgo: 30 }, { type: 'FINE', daysAgo: 30 }] },
  { name: 'registered at city level, moves 海州区 → 赣榆区', division: '320700', from: '320706', to: ['320707'], now: '320707', inCity: true, events: [{ type: 'CRIMINAL_LIABILITY', daysAgo: 10 }] },
  { name: 'issued in 连云区, moves twice in a day', division: '320703', from: '320703', to: ['320706', '320707'], now: '320707', inCity: true, events: [{ type: 'SUSPENSION_ORDER', daysAgo: 5 }, { type: 'WARNING', daysAgo: 2 }] },
  { name: 'moves there and back in a day: no move', division: '320706', from: '320706', to: ['320703', '320706'], now: '320706', inCity: true, events: [{ type: 'WARNING', daysAgo: 1 }] },
  { name: 'moves out of the city: kept, flagged', division: '320706', from: '320706', to: ['320505'], now: '320505', inCity: false, events: [{ type: 'FINE', daysAgo: 3 }] },
  { name: 'issued in another city, moves into the city', division: '320505', from: '320505', to: ['320706'], now: '320706', inCity: true, events: [] },
  { name: 'never moves (a neighbour in the same districts)', division: '320706', from: '320706', to: [], now: '320706', inCity: true, events: [{ type: 'ENV_AWARD', daysAgo: 20 }] },
];

let hub: TestHub;
const subjects = new Map<string, { move: Move; uscc: string }>();
const officers = new Map<string, { key: string }>();

function ok<T>(response: GraphqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

beforeAll(async () => {
  hub = await startTestHub();
  officers.set('320706', { key: 'demo-env-officer-haizhou' });
  for (const district of ['320703', '320707']) {
    const issued = ok(await hub.request<{ createApiClient: { key: string } }>(ISSUE, { input: { name: `officer ${district}`, role: 'ENV_OFFICER', agency: '分局', districtCode: district } }, ADMIN));
    officers.set(district, { key: issued.createApiClient.key });
  }
  for (const move of MOVES) {
    const uscc = await ratedEnterprise(hub, { district: move.from, division: move.division, ratedFrom: '2024-01-01', name: move.name });
    for (const event of move.events) ok(await hub.request(RECORD, { input: { uscc, type: event.type, occurredOn: addDays(T, -event.daysAgo) } }, ADMIN));
    subjects.set(move.name, { move, uscc });
  }
});

afterAll(async () => {
  await hub?.stop();
});

/** Where each subject is on `day`, by the rule (before today: where it was registered; from today: where it moved). */
function districtOn(move: Move, day: string, moved: boolean): string {
  return moved && day >= T ? move.now : move.from;
}

/** Every subject's colour on `day` from the per-subject answer, with its district that day. */
async function perSubject(day: string, moved: boolean): Promise<{ uscc: string; district: string; color: string }[]> {
  const rows = [];
  for (const { move, uscc } of subjects.values()) {
    const answer = ok(await hub.request<{ enterprise: { envCredit: { color: string } | null } }>(COLOR_ON, { uscc, asOf: day }, ADMIN)).enterprise;
    if (answer.envCredit) rows.push({ uscc, district: districtOn(move, day, moved), color: answer.envCredit.color });
  }
  return rows;
}

/** The whole set-wide answers on `day` equal the per-subject ones: distribution, buckets, draw populations. */
async function expectSetWideAgrees(day: string, moved: boolean): Promise<void> {
  const expected = await perSubject(day, moved);
  const counts = new Map<string, number>();
  for (const row of expected) counts.set(`${row.district}/${row.color}`, (counts.get(`${row.district}/${row.color}`) ?? 0) + 1);
  const distribution = ok(await hub.request<{ colorDistribution: { group: string; color: string; count: number }[] }>(DISTRIBUTION, { asOf: day }, ADMIN)).colorDistribution;
  expect(
    distribution.filter((bucket) => bucket.count !== 0).map((bucket) => [`${bucket.group}/${bucket.color}`, bucket.count]).sort(),
    `distribution on ${day}`,
  ).toEqual([...counts.entries()].sort());
  for (const key of counts.keys()) {
    const [group, color] = key.split('/');
    const bucket = ok(await hub.request<{ colorBucketSubjects: { uscc: string }[] }>(BUCKET, { asOf: day, group, color }, ADMIN)).colorBucketSubjects;
    expect(bucket.map((s) => s.uscc).sort(), `bucket ${key} on ${day}`).toEqual(expected.filter((r) => r.district === group && r.color === color).map((r) => r.uscc).sort());
  }
  for (const district of ['320703', '320706', '320707', '320505']) {
    const draw = ok(await hub.request<{ drawInspections: { id: string; populationSize: number } }>(DRAW, { input: { districtCode: district, rate: 0.5, asOf: day, seed: 'relocation' } }, ADMIN)).drawInspections;
    const [{ population }] = await hub.sql<{ population: { uscc: string }[] }>(`SELECT population FROM environment.inspection_draw WHERE id = $1`, [Number(draw.id)]);
    expect(population.map((member) => member.uscc).sort(), `draw population of ${district} on ${day}`).toEqual(expected.filter((r) => r.district === district).map((r) => r.uscc).sort());
    expect(draw.populationSize).toBe(population.length);
  }
}

/** The colour source and its counts as stored, to compare with a rebuild. */
async function storedAggregates() {
  return {
    periods: await hub.sql(`SELECT uscc, valid_from::text, valid_until::text, color, district_code FROM environment.subject_color_period ORDER BY uscc, valid_from`),
    counts: await hub.sql(`SELECT day::text, district_code, color, delta FROM environment.color_count_delta WHERE delta <> 0 ORDER BY 1, 2, 3`),
  };
}

describe('a move within the city', () => {
  it('before any move: every set-wide answer puts each subject in the district it was registered in', async () => {
    for (const day of [addDays(T, -31), addDays(T, -3), addDays(T, -1), T]) await expectSetWideAgrees(day, false);
  });

  it.each(MOVES.filter((move) => move.to.length > 0))('$name: registerEnterprise records the move with its day', async (move) => {
    const { uscc } = subjects.get(move.name)!;
    let answer: { districtCode: string; districtInCity: boolean } | null = null;
    for (const districtCode of move.to) {
      answer = ok(await hub.request<{ registerEnterprise: { districtCode: string; districtInCity: boolean } }>(REGISTER, { input: { uscc, name: move.name, districtCode } }, MARKET)).registerEnterprise;
    }
    expect(answer).toEqual({ uscc, districtCode: move.now, districtInCity: move.inCity });
    // Each move is on record with its day (today), from where to where.
    let from = move.from;
    const expected = move.to.map((to) => {
      const row = { from_district: from, to_district: to, moved_on: T };
      from = to;
      return row;
    });
    expect(await hub.sql(`SELECT from_district, to_district, moved_on::text FROM environment.district_move WHERE uscc = $1 ORDER BY id`, [uscc])).toEqual(expected);
    expect(await hub.sql(`SELECT district_code FROM environment.rated_subject WHERE uscc = $1`, [uscc])).toEqual([{ district_code: move.now }]);
  });

  it('from the move day the new district has the subject; answers as of earlier days keep the old district', async () => {
    for (const day of [addDays(T, -31), addDays(T, -3), addDays(T, -1), T]) await expectSetWideAgrees(day, true);
  });

  it.each(MOVES)('$name: the officers of the old and new districts see it as of today', async (move) => {
    const { uscc } = subjects.get(move.name)!;
    for (const [district, officer] of officers) {
      const seen = ok(await hub.request<{ enterprise: { districtCode: string } | null }>(COLOR_ON, { uscc, asOf: T }, officer)).enterprise;
      expect(seen?.districtCode ?? null, `officer of ${district}`).toBe(district === move.now ? move.now : null);
    }
    // Its own colour history is not touched by the move.
    const before = ok(await hub.request<{ enterprise: { envCredit: { color: string } } }>(COLOR_ON, { uscc, asOf: addDays(T, -1) }, ADMIN)).enterprise.envCredit;
    expect(before.color).toMatch(/GREEN|BLUE|YELLOW|RED|BLACK/);
  });

  it('keeps the aggregates exact: a rebuild from events gives the same periods and counts', async () => {
    const incremental = await storedAggregates();
    await new ColorPeriodService(hub.hub.sources.environment).rebuild();
    expect(await storedAggregates()).toEqual(incremental);
    // A moved subject's periods are cut at the move day: the old district before it, the new one from it.
    const { uscc } = subjects.get('registered at city level, moves 海州区 → 赣榆区')!;
    const periods = incremental.periods.filter((p) => (p as { uscc: string }).uscc === uscc) as { valid_from: string; valid_until: string | null; color: string; district_code: string }[];
    expect(periods.filter((p) => p.valid_from < T).every((p) => p.district_code === '320706')).toBe(true);
    expect(periods.filter((p) => p.valid_from >= T).every((p) => p.district_code === '320707')).toBe(true);
    expect(periods.find((p) => p.valid_until === T)).toMatchObject({ valid_from: addDays(T, -10), color: 'BLACK', district_code: '320706' });
    expect(periods.find((p) => p.valid_from === T)).toMatchObject({ valid_until: addMonths(addDays(T, -10), 12), color: 'BLACK', district_code: '320707' });
  });

  it('cuts the periods at every move day of a history, and a later write keeps the cuts', async () => {
    // A history of moves on earlier days, as the hub would have recorded them then: 海州区 until 20 days ago, 连云区 until today, 赣榆区 from today.
    const uscc = await ratedEnterprise(hub, { district: '320706', division: '320700', ratedFrom: '2024-01-01', name: '多次迁址企业' });
    ok(await hub.request(RECORD, { input: { uscc, type: 'CRIMINAL_LIABILITY', occurredOn: addDays(T, -40) } }, ADMIN));
    await hub.sql(`INSERT INTO environment.district_move (uscc, from_district, to_district, moved_on, moved_at, source) VALUES ($1, '320706', '320703', $2, $2::date, 'history')`, [uscc, addDays(T, -20)]);
    await hub.sql(`UPDATE environment.rated_subject SET district_code = '320703' WHERE uscc = $1`, [uscc]);
    await hub.sql(`UPDATE market.registration SET district_code = '320703' WHERE uscc = $1`, [uscc]);
    ok(await hub.request(REGISTER, { input: { uscc, name: '多次迁址企业', districtCode: '320707' } }, MARKET));
    // Another write of the subject (an event) stores its periods again, cut the same way.
    ok(await hub.request(RECORD, { input: { uscc, type: 'WARNING', occurredOn: addDays(T, -2) } }, ADMIN));
    const expectation = [
      [addDays(T, -21), '320706'],
      [addDays(T, -20), '320703'],
      [addDays(T, -1), '320703'],
      [T, '320707'],
    ];
    for (const [day, district] of expectation) {
      const distribution = ok(await hub.request<{ colorDistribution: { group: string; color: string; count: number }[] }>(DISTRIBUTION, { asOf: day }, ADMIN)).colorDistribution;
      for (const other of ['320703', '320706', '320707']) {
        const bucket = ok(await hub.request<{ colorBucketSubjects: { uscc: string }[] }>(BUCKET, { asOf: day, group: other, color: 'BLACK' }, ADMIN)).colorBucketSubjects;
        expect(bucket.some((s) => s.uscc === uscc), `${uscc} in ${other} on ${day}`).toBe(other === district);
      }
      expect(distribution.length).toBeGreaterThan(0);
    }
    const incremental = await storedAggregates();
    await new ColorPeriodService(hub.hub.sources.environment).rebuild();
    expect(await storedAggregates()).toEqual(incremental);
  });

  it('moves by the registrations import the same way: within the city silently, out of it kept and flagged', async () => {
    const inCity = await ratedEnterprise(hub, { district: '320706', ratedFrom: '2024-01-01', name: '导入迁入连云区' });
    const outOfCity = await ratedEnterprise(hub, { district: '320706', ratedFrom: '2024-01-01', name: '导入迁出本市' });
    const file = join(mkdtempSync(join(tmpdir(), 'ecocredit-relocation-')), 'registrations.csv');
    writeFileSync(file, `uscc,name,district_code\n${inCity},导入迁入连云区,320703\n${outOfCity},导入迁出本市,320505\n`);
    const lines: string[] = [];
    expect(await importFeed(hub.hub.sources, 'registrations', file, { encoding: 'utf8', progress: (line) => lines.push(line) })).toMatchObject({ imported: 2, rejected: 0 });
    expect(lines.filter((line) => line.includes(inCity))).toEqual([]);
    expect(lines.filter((line) => line.includes(outOfCity))).toEqual([`line 3: code ${outOfCity} was issued in 320706 (海州区) of the city; district_code 320505 (江苏) outside the city kept`]);
    for (const [uscc, to] of [
      [inCity, '320703'],
      [outOfCity, '320505'],
    ]) {
      expect(await hub.sql(`SELECT from_district, to_district, moved_on::text FROM environment.district_move WHERE uscc = $1`, [uscc])).toEqual([{ from_district: '320706', to_district: to, moved_on: T }]);
      const [before, after] = [addDays(T, -1), T].map(async (day) =>
        (await hub.sql<{ district_code: string }>(`SELECT district_code FROM environment.subject_color_period WHERE uscc = $1 AND valid_from <= $2::date AND (valid_until IS NULL OR $2::date < valid_until)`, [uscc, day]))[0]
          ?.district_code,
      );
      expect(await before).toBe('320706');
      expect(await after).toBe(to);
    }
    expect(ok(await hub.request<{ enterprise: { districtInCity: boolean } }>(`query($uscc: USCC!) { enterprise(uscc: $uscc) { districtInCity } }`, { uscc: outOfCity }, ADMIN)).enterprise.districtInCity).toBe(false);
  });

  it('answers the district of each day per subject, and the yearly summary counts 1 January and today by it', async () => {
    const { uscc } = subjects.get('registered at city level, moves 海州区 → 赣榆区')!;
    const DISTRICT_ON = `query($uscc: USCC!, $before: Date!, $after: Date!) { enterprise(uscc: $uscc) { districtCode before: envDistrictOn(asOf: $before) after: envDistrictOn(asOf: $after) now: envDistrictOn } }`;
    expect(ok(await hub.request<{ enterprise: unknown }>(DISTRICT_ON, { uscc, before: addDays(T, -1), after: T }, ADMIN)).enterprise).toEqual({
      districtCode: '320707',
      before: '320706',
      after: '320707',
      now: '320707',
    });
    const year = Number(T.slice(0, 4));
    const report = ok(
      await hub.request<{ annualSupervisionReport: { figures: { key: string; rows: { label: string; subjects: string[] }[] }[] } }>(
        'query($y: Int!) { annualSupervisionReport(year: $y) { figures { key rows { label subjects } } } }',
        { y: year },
        ADMIN,
      ),
    ).annualSupervisionReport;
    const rowOf = (key: string) => report.figures.find((f) => f.key === key)!.rows.find((row) => row.subjects.includes(uscc))?.label;
    // On 1 January it was BLUE in 海州区 (unless the year began within the last 10 days, when it was already BLACK there).
    expect(rowOf('colorsAtStartByDistrict')).toMatch(/^320706\//);
    expect(rowOf('colorsAtEndByDistrict')).toBe('320707/BLACK');
  });
});
