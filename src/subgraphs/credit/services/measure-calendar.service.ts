import type { DataSource } from 'typeorm';
import type { IsoDate } from '../../../shared/dates';
import { halfYearsBetween } from '../../../shared/half-year';

/** A catalogue measure whose subjects may change on `day` by the calendar alone. */
export interface MeasureOnChangeDay {
  day: IsoDate;
  code: string;
  /** A version of the measure is in force the day before (its subjects then can be asked). */
  inForceBefore: boolean;
  /** A version of the measure is in force on the day. */
  inForceOn: boolean;
}

/**
 * The days on which the set of measures applying to a subject can change with nothing recorded
 * (DOMAIN.md §5, §6), read from the catalogue instead of from every subject:
 * - a version of a measure begins or ends (`effective_from`, `effective_to`: a measure defined ahead
 *   of time starts, one with an end date lapses, a new version may trigger on other colours or lists);
 * - a half-year begins, for price measures in force around it (their subjects follow the snapshot
 *   deciding the new half-year, not the colour).
 * Colours changing by themselves (points returning) are the environment's `ratings_due` job's, and
 * list entries never start or end in the future (list-entries.ts), so neither is a day here.
 */
export class MeasureCalendarService {
  constructor(private readonly dataSource: DataSource) {}

  /** The measures concerned on each such day of [from, to], by day then code; one statement. */
  async changeDays(from: IsoDate, to: IsoDate): Promise<MeasureOnChangeDay[]> {
    const halfYearStarts = halfYearsBetween(from, to).map((half) => half.start).filter((start) => start >= from && start <= to);
    return this.dataSource.query<MeasureOnChangeDay[]>(
      `WITH days AS (
         SELECT code, effective_from AS day FROM credit.measure WHERE effective_from BETWEEN $1::date AND $2::date
         UNION SELECT code, effective_to FROM credit.measure WHERE effective_to BETWEEN $1::date AND $2::date
         UNION SELECT m.code, h.day FROM credit.measure m CROSS JOIN unnest($3::date[]) AS h(day)
                WHERE m.price_kind IS NOT NULL AND m.effective_from <= h.day AND (m.effective_to IS NULL OR m.effective_to >= h.day)
       )
       SELECT d.day::text AS day, d.code,
              bool_or(m.effective_from <= d.day - 1 AND (m.effective_to IS NULL OR m.effective_to > d.day - 1)) AS "inForceBefore",
              bool_or(m.effective_from <= d.day AND (m.effective_to IS NULL OR m.effective_to > d.day)) AS "inForceOn"
         FROM days d JOIN credit.measure m ON m.code = d.code
        GROUP BY d.day, d.code
        ORDER BY d.day, d.code`,
      [from, to, halfYearStarts],
    );
  }
}
