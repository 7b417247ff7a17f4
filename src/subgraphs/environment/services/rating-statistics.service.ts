import { LessThanOrEqual, type DataSource } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import type { HubContext } from '../../../shared/context';
import { CREDIT_COLORS, CreditColor } from '../../../shared/credit-color';
import { addDays, addMonths, today, type IsoDate } from '../../../shared/dates';
import { CITY_DISTRICTS, classifyDistrict, PROVINCES } from '../../../shared/divisions';
import { badInput } from '../../../shared/errors';
import { industryName, INDUSTRY_CLASSES } from '../../../shared/industries';
import { readManager } from '../../../shared/read-snapshot';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { ratedSubjectLoader } from '../loaders/environment.loader';
import type { ColorBucket, DistributionGroup } from '../types/color-distribution.type';
import type { EnvEnterprise } from '../types/env-enterprise.type';
import type { ColorTrendPoint, SubjectColorChange } from '../types/rating-statistics.type';
import type { RatingService } from './rating.service';
import { dayColorsSql, SUBJECT_COLORS_AMONG_SQL, SUBJECT_COLORS_SQL } from './subject-colors.sql';

const COLORS = Object.values(CreditColor);
export const MAX_TREND_MONTHS = 60;
export const MAX_CHANGE_SPAN_DAYS = 366;
export const MAX_LIST = 1000;

/** The group of subjects with no industry recorded. */
const UNKNOWN_GROUP = 'UNKNOWN';

/** A district's name: the city's own, else the province of another city's division code. */
function districtName(code: string): string | null {
  return classifyDistrict(code)?.name ?? PROVINCES[code.slice(0, 2)] ?? null;
}

/** The last day of the month `date` lies in. */
function monthEnd(date: IsoDate): IsoDate {
  return addDays(addMonths(`${date.slice(0, 7)}-01`, 1), -1);
}

function listSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw badInput(`first must be an integer from 1 to ${MAX_LIST}, got ${first}`);
  return first;
}

/**
 * Counts and lists over rated subjects' colours, for the bureau's dashboard, the public list and the
 * other departments (hub-internal queries): each on-a-date answer uses the SQL of subject-colors.sql
 * (the same rules as a single subject's `envCredit`), in the caller's row scope (an ENV_OFFICER sees
 * its own district); a window of days follows each subject's timeline (RatingService). Subjects are
 * answered as `Enterprise` references: their names and registrations come from market supervision
 * through the gateway, under the caller's own field permissions.
 */
export class RatingStatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ratings: RatingService,
  ) {}

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
    const groupColumn = groupBy === 'INDUSTRY' ? `COALESCE(industry_code, '${UNKNOWN_GROUP}')` : 'district_code';
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

  /**
   * Counts per colour and group on `asOf`, in one SQL statement with the rules of `ratingOn` (today: the stored ratings that hold). Every
   * group the caller may see gets all five colours, zero counts included: the city's districts (only
   * its own for a district officer) or the named industries, plus any other group that has subjects.
   * Each bucket names its group and carries the search filter that lists its subjects (drill-down).
   */
  async distribution(ctx: HubContext, asOf: IsoDate, groupBy: DistributionGroup): Promise<ColorBucket[]> {
    const byIndustry = groupBy === 'INDUSTRY';
    const groupColumn = byIndustry ? `COALESCE(industry_code, '${UNKNOWN_GROUP}')` : 'district_code';
    const district = districtScope(ctx.principal);
    const manager = await readManager(ctx, this.dataSource);
    const rows: { group: string; color: CreditColor; count: string }[] = await manager.query(
      `${dayColorsSql(asOf === today())}
       SELECT ${groupColumn} AS "group", color, COUNT(*) AS count
         FROM day_colors
        GROUP BY 1, color`,
      [asOf, district],
    );
    const counts = new Map(rows.map((row) => [`${row.group}/${row.color}`, Number(row.count)]));
    const known = byIndustry ? Object.keys(INDUSTRY_CLASSES) : district ? [district] : Object.keys(CITY_DISTRICTS);
    const groups = [...new Set([...known, ...rows.map((row) => row.group)])].sort();
    return groups.flatMap((group) =>
      CREDIT_COLORS.map((color) => ({
        group,
        groupName: group === UNKNOWN_GROUP ? null : byIndustry ? industryName(group) : districtName(group),
        color,
        count: counts.get(`${group}/${color}`) ?? 0,
        filter: group === UNKNOWN_GROUP ? null : { districtCode: byIndustry ? null : group, industryCode: byIndustry ? group : null, color, colorAsOf: asOf },
      })),
    );
  }

  /**
   * Hub-internal: the colour on `asOf` of each of `usccs`, in their order, null when not rated on
   * that day; for a search's colour filter and PUBLIC's rated-only scope. One statement per call,
   * whatever the number of codes; the caller pages, so the cost follows the page. A list of enum
   * values, not objects: 20,000 of them cross federation without a resolver per item.
   */
  async colorsAmong(ctx: HubContext, usccs: readonly string[], asOf: IsoDate): Promise<(CreditColor | null)[]> {
    if (usccs.length === 0) return [];
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string; color: CreditColor }[] = await manager.query(`${SUBJECT_COLORS_AMONG_SQL} SELECT uscc, color FROM subject_colors`, [
      asOf,
      districtScope(ctx.principal),
      [...usccs],
    ]);
    const colors = new Map(rows.map((row) => [row.uscc, row.color]));
    return usccs.map((uscc) => colors.get(uscc) ?? null);
  }

  /**
   * The rated subjects (in the caller's scope) whose colour was one of `colors` on some day of
   * [from, to]: the subjects a colour-triggered measure was due for in that window (the credit
   * office's feedback roll-up and `measureSubjects` ask it through federation). One statement lists
   * the subjects and primes the request's subject loader; the loaders batch the events per 1000.
   */
  async subjectsColoredBetween(ctx: HubContext, colors: readonly CreditColor[], from: IsoDate, to: IsoDate): Promise<string[]> {
    if (from > to) throw badInput(`from ${from} is after to ${to}`);
    const manager = await readManager(ctx, this.dataSource);
    const district = districtScope(ctx.principal);
    if (from === to) {
      // One day (measureSubjects): the colour on that day in one statement, no timeline per subject.
      const rows: { uscc: string }[] = await manager.query(
        `${dayColorsSql(from === today())} SELECT uscc FROM day_colors WHERE color = ANY($3::varchar[]) ORDER BY uscc`,
        [from, district, [...colors]],
      );
      return rows.map((row) => row.uscc);
    }
    const rated = await manager.getRepository(RatedSubjectEntity).find({
      where: { ratedFrom: LessThanOrEqual(to), ...(district ? { districtCode: district } : {}) },
      order: { uscc: 'ASC' },
    });
    const subjects = ratedSubjectLoader(ctx, this.dataSource);
    for (const subject of rated) subjects.prime(subject.uscc, subject);
    const timelines = await Promise.all(rated.map(({ uscc }) => this.ratings.timelineOf(ctx, uscc)));
    return rated
      .filter((_, i) => (timelines[i] ?? []).some((p) => colors.includes(p.color) && p.from <= to && (p.until === null || p.until > from)))
      .map(({ uscc }) => uscc);
  }
}
