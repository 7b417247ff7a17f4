import { addDays, type IsoDate } from './dates';

/**
 * Working days by the national holiday calendar (国务院办公厅关于部分节假日安排的通知, one a year): a day is a
 * working day when the calendar names it a make-up working day (调休上班, WORKDAY), not when it names it
 * a holiday (HOLIDAY), and otherwise when it is Monday to Friday. The calendar is data (a table seeded
 * from the published schedules, extended by the bureau each year); a year the table does not cover
 * counts Monday to Friday only, and `covers` says so.
 *
 * Pure: the caller loads the days (environment's WorkingDayService reads its table) and asks. Used for
 * the 5-working-day entry limit of decisions (Jiangsu) and the 15/7-working-day limits of applications.
 */

export type CalendarDayKind = 'HOLIDAY' | 'WORKDAY';

export interface CalendarDay {
  day: IsoDate;
  kind: CalendarDayKind;
}

const DAY_MS = 86_400_000;
/** Days from 1900-01-01 (a Monday) to 1970-01-01. */
const EPOCH_OFFSET = 25_567;
/** Weekdays among the first r days of a week that starts on Monday, r = 0..6. */
const WEEKDAYS_IN_FIRST = [0, 1, 2, 3, 4, 5, 5];

/** The day's index counted from 1900-01-01 (UTC calendar, like every IsoDate). */
function dayIndex(day: IsoDate): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS + EPOCH_OFFSET;
}

function isWeekend(index: number): boolean {
  return index % 7 >= 5;
}

/** Monday-to-Friday days among indices 0..n. */
function weekdaysThrough(n: number): number {
  return Math.floor((n + 1) / 7) * 5 + WEEKDAYS_IN_FIRST[(n + 1) % 7];
}

export class WorkingDayCalendar {
  private readonly kinds = new Map<IsoDate, CalendarDayKind>();
  private readonly years = new Set<number>();
  /** The days that change the Monday-to-Friday count (a holiday on a weekday −1, a make-up day on a weekend +1), by index. */
  private readonly changes: { index: number; delta: number }[] = [];
  /** Running sums of `changes`' deltas: sums[i] is the total of the first i. */
  private readonly sums: number[] = [0];

  constructor(days: Iterable<CalendarDay>) {
    for (const { day, kind } of days) {
      this.kinds.set(day, kind);
      this.years.add(Number(day.slice(0, 4)));
    }
    for (const [day, kind] of this.kinds) {
      const index = dayIndex(day);
      if (kind === 'HOLIDAY' && !isWeekend(index)) this.changes.push({ index, delta: -1 });
      if (kind === 'WORKDAY' && isWeekend(index)) this.changes.push({ index, delta: 1 });
    }
    this.changes.sort((a, b) => a.index - b.index);
    for (const change of this.changes) this.sums.push(this.sums[this.sums.length - 1] + change.delta);
  }

  /** Whether the calendar holds any day of `year` (a year it does not hold counts Monday to Friday only). */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(day: IsoDate): boolean {
    const kind = this.kinds.get(day);
    if (kind) return kind === 'WORKDAY';
    return !isWeekend(dayIndex(day));
  }

  /**
   * The working days after `from` up to and including `to` (0 when `to` is not after `from`): a decision
   * entered on its decision day has taken 0, one entered on the next working day 1. Arithmetic on the
   * weeks plus the calendar's changes in between, so a decision years old costs the same as one of today.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    if (to <= from) return 0;
    const a = dayIndex(from);
    const b = dayIndex(to);
    return weekdaysThrough(b) - weekdaysThrough(a) + this.changesThrough(b) - this.changesThrough(a);
  }

  /** The `n`-th working day after `from` (n ≥ 1): the last day of a limit of n working days counted from `from`. */
  addWorkingDays(from: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`addWorkingDays needs a positive whole number of days, not ${n}`);
    let day = from;
    for (let left = n; left > 0; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }

  /** The sum of the changes on days with index ≤ n (binary search). */
  private changesThrough(n: number): number {
    let lo = 0;
    let hi = this.changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.changes[mid].index <= n) lo = mid + 1;
      else hi = mid;
    }
    return this.sums[lo];
  }
}
