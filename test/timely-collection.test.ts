import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * Timely collection (DOMAIN.md §11, Jiangsu: a decision is entered within 5 working days of its
 * decision day), through the GraphQL API: `entryDelayWorkingDays` and `recordedLate` on each event,
 * by the national holiday calendar kept as the bureau's table, and the yearly summary per district.
 */
let hub: TestHub;
const ADMIN = { key: 'demo-env-admin' };
const YEAR = Number(today().slice(0, 4));
const inYear = (day: string) => day.startsWith(String(YEAR));

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  await hub?.stop();
});

/** The test's own count: every day after `from` up to `to`, a working day by the table (else Monday–Friday). */
async function workingDaysByTable(from: string, to: string): Promise<number> {
  const rows = await hub.sql<{ day: string; kind: string }>(`SELECT day::text, kind FROM environment.working_day_calendar WHERE day > $1 AND day <= $2`, [from, to]);
  const kinds = new Map(rows.map((row) => [row.day, row.kind]));
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const working = kinds.has(day) ? kinds.get(day) === 'WORKDAY' : weekday !== 0 && weekday !== 6;
    if (working) count++;
  }
  return count;
}

interface Recorded {
  id: string;
  knownOn: string;
  entryDelayWorkingDays: number;
  recordedLate: boolean;
}

async function record(uscc: string, type: string, occurredOn: string, decisionNo?: string): Promise<Recorded> {
  const answer = await hub.request<{ recordCreditEvent: { event: Recorded } }>(
    'mutation($i: RecordCreditEventInput!) { recordCreditEvent(input: $i) { event { id knownOn entryDelayWorkingDays recordedLate } } }',
    { i: { uscc, type, occurredOn, decisionNo } },
    ADMIN,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.recordCreditEvent.event;
}

describe('the national holiday calendar is the bureau’s table, seeded from the State Council schedules', () => {
  it.each([
    ['2026-01-01', 'HOLIDAY', '元旦'],
    ['2026-02-17', 'HOLIDAY', '春节'],
    ['2026-02-14', 'WORKDAY', '春节'],
    ['2026-10-01', 'HOLIDAY', '国庆节'],
    ['2026-10-10', 'WORKDAY', '国庆节'],
    ['2025-01-26', 'WORKDAY', '春节'],
  ])('%s is a %s (%s)', async (day, kind, name) => {
    expect(await hub.sql('SELECT kind, name FROM environment.working_day_calendar WHERE day = $1', [day])).toEqual([{ kind, name }]);
  });
});

describe('recordedLate: more than 5 working days from the decision day to its entry', () => {
  it.each([0, 1, 4, 6, 7, 9, 12, 30, 200])('a decision taken %i days ago', async (daysAgo) => {
    const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
    const occurredOn = addDays(today(), -daysAgo);
    const event = await record(uscc, 'WARNING', occurredOn);
    const expected = await workingDaysByTable(occurredOn, today());
    expect(event).toMatchObject({ knownOn: today(), entryDelayWorkingDays: expected, recordedLate: expected > 5 });
    const rows = await hub.sql('SELECT entry_delay_working_days, recorded_late FROM environment.credit_event WHERE id = $1', [Number(event.id)]);
    expect(rows).toEqual([{ entry_delay_working_days: expected, recorded_late: expected > 5 }]);
    // The bureau's list of the subject's events says the same.
    const listed = await hub.request<{ enterprise: { envCreditEvents: { id: string; recordedLate: boolean }[] } }>(
      'query($u: USCC!) { enterprise(uscc: $u) { envCreditEvents { id recordedLate } } }',
      { u: uscc },
      ADMIN,
    );
    expect(listed.data!.enterprise.envCreditEvents).toEqual([{ id: event.id, recordedLate: expected > 5 }]);
  });

  it('follows the calendar as the bureau sets a year: days it adds as holidays are not counted', async () => {
    const occurredOn = addDays(today(), -10);
    const before = await workingDaysByTable(occurredOn, today());
    const year = Number(today().slice(0, 4));
    const CALENDAR = 'query($y: Int!) { workingDayCalendar(year: $y) { year covered days { day kind name source } } }';
    const SET = 'mutation($i: SetWorkingDayCalendarYearInput!) { setWorkingDayCalendarYear(input: $i) { year covered days { day kind name source } } }';
    const original = (await hub.request<{ workingDayCalendar: { covered: boolean; days: { day: string; kind: string; name: string | null; source: string }[] } }>(CALENDAR, { y: year }, { key: 'demo-bank', purpose: 'CREDIT_REVIEW' })).data!
      .workingDayCalendar;
    expect(original.covered).toBe(year <= 2026);
    // The bureau declares every day between the decision and today a holiday, keeping the year's other days.
    const added: { day: string; kind: string; name: string }[] = [];
    for (let day = addDays(occurredOn, 1); day < today(); day = addDays(day, 1)) if (day.startsWith(String(year))) added.push({ day, kind: 'HOLIDAY', name: '测试假日' });
    const kept = original.days.filter((d) => !added.some((a) => a.day === d.day)).map(({ day, kind, name }) => ({ day, kind, name }));
    const set = await hub.request<{ setWorkingDayCalendarYear: { covered: boolean; days: unknown[] } }>(SET, { i: { year, days: [...kept, ...added], source: '测试通知' } }, ADMIN);
    expect(set.errors).toBeUndefined();
    expect(set.data!.setWorkingDayCalendarYear.days).toHaveLength(kept.length + added.length);
    try {
      const uscc = await ratedEnterprise(hub, { ratedFrom: '2024-01-01' });
      const event = await record(uscc, 'WARNING', occurredOn);
      const expected = await workingDaysByTable(occurredOn, today());
      expect(expected).toBeLessThan(before);
      expect(event).toMatchObject({ entryDelayWorkingDays: expected, recordedLate: expected > 5 });
    } finally {
      const restored = await hub.request(SET, { i: { year, days: original.days.map(({ day, kind, name }) => ({ day, kind, name })), source: original.days[0]?.source ?? '国务院办公厅通知' } }, ADMIN);
      expect(restored.errors).toBeUndefined();
    }
  });

  it.each([
    [{ year: 2020, days: [], source: '通知' }, ADMIN, 'BAD_USER_INPUT', 'the calendar of past years is history'],
    [{ year: YEAR, days: [{ day: `${YEAR - 1}-12-31`, kind: 'HOLIDAY' }], source: '通知' }, ADMIN, 'BAD_USER_INPUT', `is not in ${YEAR}`],
    [{ year: YEAR, days: [{ day: `${YEAR}-10-01`, kind: 'HOLIDAY' }, { day: `${YEAR}-10-01`, kind: 'WORKDAY' }], source: '通知' }, ADMIN, 'BAD_USER_INPUT', 'is listed twice'],
    [{ year: YEAR, days: [], source: '  ' }, ADMIN, 'BAD_USER_INPUT', 'source must name the notice'],
    [{ year: YEAR, days: [], source: '通知' }, { key: 'demo-env-officer-haizhou' }, 'FORBIDDEN', ''],
  ])('setting %o as %o is refused (%s)', async (input, caller, code, message) => {
    const before = await hub.sql('SELECT count(*)::int AS n FROM environment.working_day_calendar');
    const answer = await hub.request('mutation($i: SetWorkingDayCalendarYearInput!) { setWorkingDayCalendarYear(input: $i) { year } }', { i: input }, caller);
    expect(answer.errors?.[0].extensions?.code).toBe(code);
    expect(answer.errors![0].message).toContain(message);
    expect(await hub.sql('SELECT count(*)::int AS n FROM environment.working_day_calendar')).toEqual(before);
  });
});

describe('the yearly summary reports, per district, the share entered late and the median delay', () => {
  it('states each district’s decisions of the year, how many were late, and the median of their delays', async () => {
    // Two districts of this test's own database, with decisions entered on time and late.
    const plan: [string, number[]][] = [
      ['320722', [0, 2, 20, 40]],
      ['320723', [1, 3, 60]],
    ];
    const expected = new Map<string, number[]>();
    const late = new Map<string, number>();
    for (const [district, ages] of plan) {
      for (const [i, daysAgo] of ages.entries()) {
        const occurredOn = addDays(today(), -daysAgo);
        if (!inYear(occurredOn)) continue;
        const uscc = await ratedEnterprise(hub, { district, ratedFrom: '2024-01-01' });
        const event = await record(uscc, 'FINE', occurredOn, `连环罚〔及时〕${district}-${i}号`);
        expected.set(district, [...(expected.get(district) ?? []), event.entryDelayWorkingDays]);
        if (event.recordedLate) late.set(district, (late.get(district) ?? 0) + 1);
      }
    }
    const answer = await hub.request<{
      annualSupervisionReport: {
        timeliness: { districtCode: string; entered: number; late: number; lateShare: number; medianDelayWorkingDays: number }[];
        figures: { key: string; rows: { label: string; count: number }[] }[];
      };
    }>(
      'query($y: Int!) { annualSupervisionReport(year: $y) { timeliness { districtCode entered late lateShare medianDelayWorkingDays } figures { key rows { label count } } } }',
      { y: YEAR },
      { key: 'demo-credit-office' },
    );
    expect(answer.errors).toBeUndefined();
    const report = answer.data!.annualSupervisionReport;
    for (const [district, delays] of expected) {
      const sorted = [...delays].sort((a, b) => a - b);
      const m = sorted.length >> 1;
      const median = sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
      const lateCount = late.get(district) ?? 0;
      expect(report.timeliness.find((d) => d.districtCode === district)).toEqual({
        districtCode: district,
        entered: delays.length,
        late: lateCount,
        lateShare: lateCount / delays.length,
        medianDelayWorkingDays: median,
      });
      const rows = report.figures.find((f) => f.key === 'timeliness')!.rows;
      expect(rows.find((row) => row.label === `${district}/entered`)?.count).toBe(delays.length);
      expect(rows.find((row) => row.label === `${district}/late`)?.count ?? 0).toBe(lateCount);
    }
    expect([...late.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
