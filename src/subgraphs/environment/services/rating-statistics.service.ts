import type { DataSource } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import type { HubContext } from '../../../shared/context';
import { CreditColor } from '../../../shared/credit-color';
import { addDays, addMonths, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { readManager } from '../../../shared/read-snapshot';
import type { DistributionGroup } from '../types/color-distribution.type';
import type { EnvEnterprise } from '../types/env-enterprise.type';
import type { ColorTrendPoint, SubjectColorChange } from '../types/rating-statistics.type';
import { SUBJECT_COLORS_SQL } from './subject-colors.sql';

const COLORS = Object.values(CreditColor);
export const MAX_TREND_MONTHS = 60;
export const MAX_CHANGE_SPAN_DAYS = 366;
export const MAX_LIST = 1000;

/** The last day of the month `date` lies in. */
function monthEnd(date: IsoDate): IsoDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

function listSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw badInput(`first must be an integer from 1 to ${MAX_LIST}, got ${first}`);
  return first;
}

/**
 * Counts and lists over every rated subject's colour on a date, for the bureau's dashboard and the
 * public list: each uses SUBJECT_COLORS_SQL (the same rules as a single subject's `envCredit`), in
 * the caller's row scope (an ENV_OFFICER sees its own district). Subjects are answered as
 * `Enterprise` references: their names and registrations come from market supervision through the
 * gateway, under the caller's own field permissions.
 */
export class RatingStatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  private async colorsOn(ctx: HubContext, day: IsoDate): Promise<{ uscc: string; district_code: string; color: CreditColor }[]> {
    const manager = await readManager(ctx, this.dataSource);
    return manager.query(`${SUBJECT_COLORS_SQL} SELECT uscc, district_code, color FROM subject_colors`, [day, districtScope(ctx.principal)]);
  }

  /** Per colour, the count on the last day of each of the `months` months up to `asOf` (the last point is `asOf` itself). */
  async trend(ctx: HubContext, asOf: IsoDate, months: number): Promise<ColorTrendPoint[]> {
    if (!Number.isInteger(months) || months < 1 || months > MAX_TREND_MONTHS) throw badInput(`months must be an integer from 1 to ${MAX_TREND_MONTHS}, got ${months}`);
    const days = Array.from({ length: months }, (_, i) => (i === months - 1 ? asOf : monthEnd(addMonths(asOf, i - months + 1))));
    const manager = await readManager(ctx, this.dataSource);
    const points: ColorTrendPoint[] = [];
    // One statement per day over the query's one read snapshot: each is the distribution's own SQL.
    for (const day of days) {
      const rows: { color: CreditColor; count: string }[] = await manager.query(`${SUBJECT_COLORS_SQL} SELECT color, COUNT(*) AS count FROM subject_colors GROUP BY color`, [
        day,
        districtScope(ctx.principal),
      ]);
      const counts = new Map(rows.map((row) => [row.color, Number(row.count)]));
      for (const color of COLORS) points.push({ on: day, color, count: counts.get(color) ?? 0 });
    }
    return points;
  }

  /** Subjects whose colour on `to` differs from their colour on `from` (or who were rated in between), by code. */
  async changes(ctx: HubContext, from: IsoDate, to: IsoDate): Promise<SubjectColorChange[]> {
    if (from >= to) throw badInput(`from ${from} must be before to ${to}`);
    if (addDays(from, MAX_CHANGE_SPAN_DAYS) < to) throw badInput(`from ${from} to ${to} spans more than ${MAX_CHANGE_SPAN_DAYS} days`);
    const before = new Map((await this.colorsOn(ctx, from)).map((row) => [row.uscc, row.color]));
    return (await this.colorsOn(ctx, to))
      .filter((row) => before.get(row.uscc) !== row.color)
      .sort((a, b) => (a.uscc < b.uscc ? -1 : 1))
      .map((row) => ({ enterprise: { uscc: row.uscc }, districtCode: row.district_code, colorBefore: before.get(row.uscc) ?? null, colorAfter: row.color }));
  }

  /** The subjects behind one bucket of `colorDistribution`: one group, one colour, on `asOf`, by code. */
  async bucketSubjects(ctx: HubContext, asOf: IsoDate, groupBy: DistributionGroup, group: string, color: CreditColor, first: number): Promise<EnvEnterprise[]> {
    const groupColumn = groupBy === 'INDUSTRY' ? `COALESCE(industry_code, 'UNKNOWN')` : 'district_code';
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string }[] = await manager.query(
      `${SUBJECT_COLORS_SQL} SELECT uscc FROM subject_colors WHERE ${groupColumn} = $3 AND color = $4 ORDER BY uscc LIMIT $5`,
      [asOf, districtScope(ctx.principal), group, color, listSize(first)],
    );
    return rows.map(({ uscc }) => ({ uscc }));
  }

  /** The published list (DOMAIN.md §7): subjects rated on `asOf`, by code, `first` after the code `after`. */
  async published(ctx: HubContext, asOf: IsoDate, first: number, after: string | null): Promise<EnvEnterprise[]> {
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string }[] = await manager.query(
      `SELECT uscc FROM environment.rated_subject
        WHERE rated_from <= $1::date AND ($2::varchar IS NULL OR district_code = $2) AND ($3::varchar IS NULL OR uscc > $3)
        ORDER BY uscc LIMIT $4`,
      [asOf, districtScope(ctx.principal), after, listSize(first)],
    );
    return rows.map(({ uscc }) => ({ uscc }));
  }
}
