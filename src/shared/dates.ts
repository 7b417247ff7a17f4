/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that a date never shifts with the time zone.
 */
export type IsoDate = string;

const DAY_MS = 86_400_000;
/** The UTC day last computed, valid for clock readings in [dayStart, dayStart + 1 day). */
let cachedDay: IsoDate = '';
let dayStart = Number.NaN;

/**
 * Today in UTC. Called per field of a batch (thousands of times a request), so the string is kept for
 * the rest of the day instead of formatted each time; any clock reading outside that day (midnight,
 * or a test's frozen clock set elsewhere) computes it again.
 */
export function today(): IsoDate {
  const now = Date.now();
  if (!(now >= dayStart && now < dayStart + DAY_MS)) {
    dayStart = now - (now % DAY_MS);
    cachedDay = new Date(dayStart).toISOString().slice(0, 10);
  }
  return cachedDay;
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
