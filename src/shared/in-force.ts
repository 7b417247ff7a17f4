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
