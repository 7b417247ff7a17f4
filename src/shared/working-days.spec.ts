import { describe, expect, it } from 'vitest';
import calendar from 'chinese-days/dist/chinese-days.json';
import { addDays } from './dates';
import { WorkingDayCalendar, type CalendarDay } from './working-days';

const days: CalendarDay[] = [
  ...Object.keys(calendar.holidays).map((day) => ({ day, kind: 'HOLIDAY' as const })),
  ...Object.keys(calendar.workdays).map((day) => ({ day, kind: 'WORKDAY' as const })),
];
const cal = new WorkingDayCalendar(days);

/** The plain count, day by day: what the arithmetic must equal. */
function counted(from: string, to: string): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

describe('working days by the national holiday calendar', () => {
  it.each([
    // 2026 National Day: 1–7 October off, 10 October (Saturday) worked; Spring Festival 15–23 February, 14 and 28 February worked.
    ['2026-09-30', '2026-10-09', 2],
    ['2026-10-09', '2026-10-10', 1],
    ['2026-02-13', '2026-02-14', 1],
    ['2026-02-14', '2026-02-24', 1],
    ['2026-12-04', '2026-12-07', 1],
    ['2026-12-07', '2026-12-07', 0],
    ['2026-12-08', '2026-12-07', 0],
  ])('from %s to %s: %i', (from, to, expected) => {
    expect(cal.workingDaysBetween(from, to)).toBe(expected);
  });

  it('equals the day-by-day count over spans across many years', () => {
    for (const [from, to] of [['2019-12-20', '2021-03-05'], ['2004-01-01', '2026-12-31'], ['2026-04-30', '2026-05-11']]) {
      expect(cal.workingDaysBetween(from, to)).toBe(counted(from, to));
    }
  });

  it('adds working days over a holiday and knows which years it covers', () => {
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.covers(2026)).toBe(true);
    expect(cal.covers(2030)).toBe(false);
    expect(cal.isWorkingDay('2030-01-01')).toBe(true);
  });
});
