import type { IsoDate } from './dates';

/** A row of a versioned rule table: in force from `effectiveFrom` (inclusive) until `effectiveTo` (exclusive, null = open). */
export interface EffectivePeriod {
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
}

/**
 * The one definition of "in force on a date" for every versioned rule table (scoring policies,
 * event types, measures, surcharges, restriction rules): `effectiveTo` is exclusive, so a version
 * ending on D and its successor starting on D never overlap.
 */
export function inForce(row: EffectivePeriod, date: IsoDate): boolean {
  return row.effectiveFrom <= date && (row.effectiveTo === null || date < row.effectiveTo);
}

/** The version of `versions` in force on `date`, if any. */
export function versionOn<T extends EffectivePeriod>(versions: readonly T[], date: IsoDate): T | undefined {
  return versions.find((row) => inForce(row, date));
}

/** Whether the row is in force on some day of [from, to]. */
export function inForceBetween(row: EffectivePeriod, from: IsoDate, to: IsoDate): boolean {
  return row.effectiveFrom <= to && (row.effectiveTo === null || row.effectiveTo > from);
}

/**
 * The rule for adding a version to a versioned rule table (scoring policies, surcharges, restriction
 * rules): it starts after today, so answers already given are never rewritten; no version of the same
 * rule may start on or after it. Returns the version in force on the new start, which the new one ends.
 * Throws `refuse(message)` (a domain error) otherwise.
 */
export function versionToClose<T extends EffectivePeriod>(
  versions: readonly T[],
  effectiveFrom: IsoDate,
  todayDate: IsoDate,
  what: string,
  refuse: (message: string) => Error,
): T | undefined {
  if (effectiveFrom <= todayDate) throw refuse(`effectiveFrom ${effectiveFrom} of the new ${what} must be after today (${todayDate}); answers already given are never rewritten`);
  const later = versions.find((v) => v.effectiveFrom >= effectiveFrom);
  if (later) throw refuse(`a version of the ${what} already starts on ${later.effectiveFrom}; a new version must start after it`);
  return versionOn(versions, effectiveFrom);
}
