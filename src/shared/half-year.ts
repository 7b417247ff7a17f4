import { addDays, type IsoDate } from './dates';

/**
 * The one half-year calendar of the hub (DOMAIN.md §6): prices are decided per half-year
 * (1 January–30 June, 1 July–31 December) by the colour on the last day of the half-year before.
 * Environment stores the snapshots on those days, the credit office prices from them; both use this.
 */
export interface HalfYear {
  start: IsoDate;
  end: IsoDate;
  /** The last day of the preceding half-year, whose snapshot decides this one. */
  snapshotDay: IsoDate;
  /** `start/end`, the form price answers and the price list name a half-year by. */
  period: string;
}

/** The half-year containing `date`. */
export function halfYearOf(date: IsoDate): HalfYear {
  const year = Number(date.slice(0, 4));
  const half =
    date.slice(5, 7) <= '06'
      ? { start: `${year}-01-01`, end: `${year}-06-30`, snapshotDay: `${year - 1}-12-31` }
      : { start: `${year}-07-01`, end: `${year}-12-31`, snapshotDay: `${year}-06-30` };
  return { ...half, period: `${half.start}/${half.end}` };
}

/** The half-year before `half`. */
export function previousHalfYear(half: HalfYear): HalfYear {
  return halfYearOf(half.snapshotDay);
}

/** The half-year after `half`. */
export function nextHalfYear(half: HalfYear): HalfYear {
  return halfYearOf(addDays(half.end, 1));
}

/** The half-years that have a day in [from, to], oldest first. */
export function halfYearsBetween(from: IsoDate, to: IsoDate): HalfYear[] {
  const halves: HalfYear[] = [];
  for (let half = halfYearOf(from); half.start <= to; half = nextHalfYear(half)) halves.push(half);
  return halves;
}

export function isHalfYearEnd(date: IsoDate): boolean {
  return date.endsWith('-06-30') || date.endsWith('-12-31');
}

/** Every 30 June and 31 December in [from, until]. */
export function halfYearEnds(from: IsoDate, until: IsoDate): IsoDate[] {
  const ends: IsoDate[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(until.slice(0, 4)); year++) {
    for (const end of [`${year}-06-30`, `${year}-12-31`]) if (end >= from && end <= until) ends.push(end);
  }
  return ends;
}

/** The latest 30 June or 31 December strictly before `date`: the snapshot day that has ended. */
export function lastHalfYearEndBefore(date: IsoDate): IsoDate {
  return halfYearOf(date).snapshotDay;
}

/**
 * A half-year named `2026-H1` or `2026-H2` exactly (the exports' `--period`), or null: no other
 * spelling, no surrounding spaces, unlike `parseHalfYear`.
 */
export function halfYearNamed(code: string): HalfYear | null {
  const match = /^(\d{4})-H([12])$/.exec(code);
  return match ? halfYearOf(`${match[1]}-${match[2] === '1' ? '01' : '07'}-01`) : null;
}

const PERIOD = /^(\d{4})-(?:(H1|H2)|(01-01\/\1-06-30|07-01\/\1-12-31))$/;

/**
 * A half-year as callers name it: `2026-H1`, `2026-H2`, or the `period` string of a price answer
 * (`2026-01-01/2026-06-30`). Null for anything else (the caller names the error).
 */
export function parseHalfYear(text: string): HalfYear | null {
  const match = PERIOD.exec(text.trim());
  if (!match) return null;
  const year = match[1];
  const first = match[2] === 'H1' || (match[3] ?? '').startsWith('01-01');
  return halfYearOf(first ? `${year}-01-01` : `${year}-07-01`);
}
