/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that a date never shifts with the time zone.
 */
export type IsoDate = string;

/** The UTC day `today()` last answered, as [start, end) in ms and its date (imports ask once per row). */
let day = { start: 0, end: 0, date: '' };

export function today(): IsoDate {
  const now = Date.now();
  if (now < day.start || now >= day.end) {
    const start = now - (now % 86_400_000);
    day = { start, end: start + 86_400_000, date: new Date(start).toISOString().slice(0, 10) };
  }
  return day.date;
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months; the 31st plus one month lands on the last day of a shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.toISOString().slice(0, 10);
}

/**
 * `arithmetic` (addDays or addMonths) remembered per (date, amount). Bulk work such as seeding a
 * province's million events computes the same few hundred dates over and over, and the `Date` round
 * trips would otherwise dominate it. The memory grows with the distinct dates asked, not the calls.
 */
export function rememberedDateArithmetic(arithmetic: (date: IsoDate, amount: number) => IsoDate): (date: IsoDate, amount: number) => IsoDate {
  const known = new Map<string, IsoDate>();
  return (date, amount) => {
    // A date is always 10 characters, so date and amount never run into another pair's key.
    const key = date + amount;
    let result = known.get(key);
    if (result === undefined) {
      result = arithmetic(date, amount);
      known.set(key, result);
    }
    return result;
  };
}
