import type { DataSource } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import type { HubContext } from '../../../shared/context';
import { CREDIT_COLORS, CreditColor } from '../../../shared/credit-color';
import { addDays, addMonths, today, type IsoDate } from '../../../shared/dates';
import { checkKnownOn } from '../../../shared/known-on';
import { CITY_DISTRICTS, classifyDistrict, PROVINCES } from '../../../shared/divisions';
import { badInput } from '../../../shared/errors';
import { industryName, INDUSTRY_CLASSES } from '../../../shared/industries';
import { readManager } from '../../../shared/read-snapshot';
import type { ColorBucket, DistributionGroup } from '../types/color-distribution.type';
import type { EnvEnterprise } from '../types/env-enterprise.type';
import type { ColorTrendPoint, SubjectColorChange, SubjectColorPeriodsColumns, SubjectColorsBetweenColumns } from '../types/rating-statistics.type';
import type { KnownOnService } from './known-on.service';
import { SUBJECT_COLORS_AMONG_SQL } from './subject-colors.sql';

const COLORS = Object.values(CreditColor);
export const MAX_TREND_MONTHS = 60;
export const MAX_CHANGE_SPAN_DAYS = 366;
export const MAX_LIST = 1000;
/** The most codes `subjectsOfColors` lists per call (a search's largest round). */
export const MAX_COLOR_PAGE = 20_000;

/** The group of subjects with no industry recorded ('' in `color_count_delta`, null on a period). */
const UNKNOWN_GROUP = 'UNKNOWN';

/** A period of `environment.subject_color_period` (alias p) that holds on the date parameter `day`. */
const holdsOn = (day: string) => `p.valid_from <= ${day}::date AND (p.valid_until IS NULL OR ${day}::date < p.valid_until)`;

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
 * other departments (hub-internal queries), all from the one colour source (color-period.service):
 * the colour periods answer lists (by index), and `color_count_delta`, kept from them, answers counts
 * for any day as a sum of the deltas dated on or before it. So every answer here gives each subject
 * the colour `envCredit` gives it that day. Each answer is in the caller's row scope (an ENV_OFFICER
 * sees its own district) and costs one statement, whatever the population or the number of days.
 * Subjects are answered as `Enterprise` references: their names and registrations come from market
 * supervision through the gateway, under the caller's own field permissions.
 */
export class RatingStatisticsService {
  constructor(
    private readonly dataSource: DataSource,
    /** Answers "as known on" a past day (absent where only today's knowledge is asked, e.g. a migration's rebuild). */
    private readonly known?: KnownOnService,
  ) {}

  /** Per colour, the count on the last day of each of the `months` months up to `asOf` (the last point is `asOf` itself). */
  async trend(ctx: HubContext, asOf: IsoDate, months: number): Promise<ColorTrendPoint[]> {
    if (!Number.isInteger(months) || months < 1 || months > MAX_TREND_MONTHS) throw badInput(`months must be an integer from 1 to ${MAX_TREND_MONTHS}, got ${months}`);
    const days = Array.from({ length: months }, (_, i) => (i === months - 1 ? asOf : monthEnd(addMonths(asOf, i - months + 1))));
    const manager = await readManager(ctx, this.dataSource);
    // One pass over the deltas: each falls in the bucket of the first point on or after its day
    // (width_bucket over the days after each point), and a point's count sums the buckets up to it.
    const rows: { bucket: number; color: CreditColor; delta: string }[] = await manager.query(
      `SELECT width_bucket(day, $1::date[]) AS bucket, color, SUM(delta) AS delta
         FROM environment.color_count_delta
        WHERE day <= $2::date AND ($3::varchar IS NULL OR district_code = $3::varchar)
        GROUP BY 1, 2`,
      [days.map((day) => addDays(day, 1)), asOf, districtScope(ctx.principal)],
    );
    const points: ColorTrendPoint[] = [];
    const running = new Map<CreditColor, number>();
    days.forEach((on, bucket) => {
      for (const row of rows) if (row.bucket === bucket) running.set(row.color, (running.get(row.color) ?? 0) + Number(row.delta));
      for (const color of COLORS) points.push({ on, color, count: running.get(color) ?? 0 });
    });
    return points;
  }

  /** Subjects whose colour on `to` differs from their colour on `from` (or who were rated in between), by code. */
  async changes(ctx: HubContext, from: IsoDate, to: IsoDate): Promise<SubjectColorChange[]> {
    if (from >= to) throw badInput(`from ${from} must be before to ${to}`);
    if (addDays(from, MAX_CHANGE_SPAN_DAYS) < to) throw badInput(`from ${from} to ${to} spans more than ${MAX_CHANGE_SPAN_DAYS} days`);
    const manager = await readManager(ctx, this.dataSource);
    // A colour on `to` that differs from the one on `from` belongs to a period that began after `from`.
    const rows: { uscc: string; district_code: string; before: CreditColor | null; after: CreditColor }[] = await manager.query(
      `SELECT p.uscc, p.district_code, b.color AS before, p.color AS after
         FROM environment.subject_color_period p
         LEFT JOIN environment.subject_color_period b
           ON b.uscc = p.uscc AND b.valid_from <= $1::date AND (b.valid_until IS NULL OR $1::date < b.valid_until)
        WHERE p.valid_from > $1::date AND ${holdsOn('$2')} AND ($3::varchar IS NULL OR p.district_code = $3::varchar)
          AND b.color IS DISTINCT FROM p.color
        ORDER BY p.uscc`,
      [from, to, districtScope(ctx.principal)],
    );
    return rows.map((row) => ({ enterprise: { uscc: row.uscc }, districtCode: row.district_code, colorBefore: row.before, colorAfter: row.after }));
  }

  /** The subjects behind one bucket of `colorDistribution`: one group, one colour, on `asOf`, by code. */
  async bucketSubjects(ctx: HubContext, asOf: IsoDate, groupBy: DistributionGroup, group: string, color: CreditColor, first: number): Promise<EnvEnterprise[]> {
    const groupCondition = groupBy !== 'INDUSTRY' ? 'p.district_code = $3' : group === UNKNOWN_GROUP ? '(p.industry_code IS NULL AND $3::varchar IS NOT NULL)' : 'p.industry_code = $3';
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string }[] = await manager.query(
      `SELECT p.uscc FROM environment.subject_color_period p
        WHERE ${groupCondition} AND p.color = $4 AND ${holdsOn('$1')} AND ($2::varchar IS NULL OR p.district_code = $2::varchar)
        ORDER BY p.uscc LIMIT $5`,
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
   * Counts per colour and group on `asOf`: one statement summing the deltas dated on or before it.
   * Every group the caller may see gets all five colours, zero counts included: the city's districts
   * (only its own for a district officer) or the named industries, plus any other group that has
   * subjects. Each bucket names its group and carries the search filter that lists its subjects (drill-down).
   */
  async distribution(ctx: HubContext, asOf: IsoDate, groupBy: DistributionGroup): Promise<ColorBucket[]> {
    const byIndustry = groupBy === 'INDUSTRY';
    const groupColumn = byIndustry ? `COALESCE(NULLIF(industry_code, ''), '${UNKNOWN_GROUP}')` : 'district_code';
    const district = districtScope(ctx.principal);
    const manager = await readManager(ctx, this.dataSource);
    const rows: { group: string; color: CreditColor; count: string }[] = await manager.query(
      `SELECT ${groupColumn} AS "group", color, SUM(delta) AS count
         FROM environment.color_count_delta
        WHERE day <= $1::date AND ($2::varchar IS NULL OR district_code = $2::varchar)
        GROUP BY 1, color
       HAVING SUM(delta) <> 0`,
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
   * Hub-internal, for a search filtered by colour: the subjects (in the caller's scope, of
   * `districtCode` when given) whose colour on `asOf` is one of `colors`, by code, `first` after the
   * code `after`. Market then keeps those matching its own criteria, so a colour-filtered page never
   * passes over the registry.
   */
  async subjectsOfColors(ctx: HubContext, colors: readonly CreditColor[], asOf: IsoDate, districtCode: string | null, after: string | null, first: number): Promise<string[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_COLOR_PAGE) throw badInput(`first must be an integer from 1 to ${MAX_COLOR_PAGE}, got ${first}`);
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string }[] = await manager.query(
      `SELECT p.uscc FROM environment.subject_color_period p
        WHERE p.color = ANY($3::varchar[]) AND ${holdsOn('$1')} AND ($2::varchar IS NULL OR p.district_code = $2::varchar)
          AND ($4::varchar IS NULL OR p.district_code = $4::varchar) AND ($5::varchar IS NULL OR p.uscc > $5::varchar)
        ORDER BY p.uscc LIMIT $6`,
      [asOf, districtScope(ctx.principal), [...colors], districtCode, after, first],
    );
    return rows.map((row) => row.uscc);
  }

  /** Hub-internal: how many subjects `subjectsOfColors` lists in all, from the counts (a sum of deltas). */
  async countOfColors(ctx: HubContext, colors: readonly CreditColor[], asOf: IsoDate, districtCode: string | null): Promise<number> {
    const manager = await readManager(ctx, this.dataSource);
    const [{ count }]: { count: string | null }[] = await manager.query(
      `SELECT SUM(delta) AS count FROM environment.color_count_delta
        WHERE day <= $1::date AND color = ANY($3::varchar[]) AND ($2::varchar IS NULL OR district_code = $2::varchar)
          AND ($4::varchar IS NULL OR district_code = $4::varchar)`,
      [asOf, districtScope(ctx.principal), [...colors], districtCode],
    );
    return Number(count ?? 0);
  }

  /**
   * The rated subjects (in the caller's scope) whose colour was one of `colors` on some day of
   * [from, to]: the subjects a colour-triggered measure was due for in that window (the credit
   * office's feedback roll-up and `measureSubjects` ask it through federation). One statement over
   * the periods that overlap the window. With `knownOn`, the colours as the hub knew them that day.
   */
  async subjectsColoredBetween(ctx: HubContext, colors: readonly CreditColor[], from: IsoDate, to: IsoDate, knownOn?: IsoDate): Promise<string[]> {
    if (from > to) throw badInput(`from ${from} is after to ${to}`);
    if (knownOn !== undefined) checkKnownOn(knownOn);
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string }[] = await manager.query(
      `SELECT DISTINCT p.uscc FROM environment.subject_color_period p
        WHERE p.color = ANY($3::varchar[]) AND p.valid_from <= $2::date AND (p.valid_until IS NULL OR $1::date < p.valid_until)
          AND ($4::varchar IS NULL OR p.district_code = $4::varchar)
        ORDER BY p.uscc`,
      [from, to, [...colors], districtScope(ctx.principal)],
    );
    const now = rows.map((row) => row.uscc);
    if (knownOn === undefined || knownOn >= today() || !this.known) return now;
    // As known on K (DOMAIN.md §11: the colour as then known). A subject whose rating basis the hub
    // learnt nothing of after K (no enrolment, event, voiding or designation recorded later) had the
    // colours then that the colour source holds now; the few others are rated from what was known on K.
    const changed: { uscc: string }[] = await manager.query(
      `SELECT s.uscc FROM environment.rated_subject s
        WHERE ($2::varchar IS NULL OR s.district_code = $2::varchar)
          AND (s.known_on > $1::date
               OR EXISTS (SELECT 1 FROM environment.credit_event e
                           WHERE e.uscc = s.uscc AND (e.known_on > $1::date OR (e.voided_at AT TIME ZONE 'UTC')::date > $1::date))
               OR EXISTS (SELECT 1 FROM environment.front_runner f WHERE f.uscc = s.uscc AND (f.recorded_at AT TIME ZONE 'UTC')::date > $1::date))`,
      [knownOn, districtScope(ctx.principal)],
    );
    const recomputed = new Set(changed.map((row) => row.uscc));
    const timelines = await Promise.all([...recomputed].map((uscc) => this.known!.timelineOf(ctx, uscc, knownOn)));
    const result = new Set(now.filter((uscc) => !recomputed.has(uscc)));
    [...recomputed].forEach((uscc, i) => {
      const colored = (timelines[i] ?? []).some((p) => colors.includes(p.color) && p.from <= to && (p.until === null || from < p.until));
      if (colored) result.add(uscc);
    });
    return [...result].sort();
  }

  /**
   * The rated subjects (in the caller's scope) with one of `colors` on some day of [from, to] (in no
   * particular order: the caller makes sets of them), each with the colours (bit k: `colors[k]`) it had then: every colour set's
   * `subjectsColoredBetween` in one statement over the periods that overlap the window, for a caller
   * that needs several sets (the feedback roll-up's colour-triggered measures).
   */
  async subjectColorsBetween(ctx: HubContext, colors: readonly CreditColor[], from: IsoDate, to: IsoDate): Promise<SubjectColorsBetweenColumns> {
    if (from > to) throw badInput(`from ${from} is after to ${to}`);
    const asked = [...new Set(colors)];
    if (asked.length !== colors.length) throw badInput('colors must not repeat a colour');
    if (asked.length === 0) return { usccs: [], colorBits: [] };
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string; bits: number }[] = await manager.query(
      `SELECT p.uscc, bit_or(1 << (array_position($3::varchar[], p.color::varchar) - 1)) AS bits
         FROM environment.subject_color_period p
        WHERE p.color = ANY($3::varchar[]) AND p.valid_from <= $2::date AND (p.valid_until IS NULL OR $1::date < p.valid_until)
          AND ($4::varchar IS NULL OR p.district_code = $4::varchar)
        GROUP BY p.uscc`,
      [from, to, asked, districtScope(ctx.principal)],
    );
    return { usccs: rows.map((row) => row.uscc), colorBits: rows.map((row) => row.bits) };
  }

  /**
   * Hub-internal: the stored colour periods of `usccs` (in the caller's scope), by subject and start:
   * each subject's `envColorTimeline` as the colour source holds it, read in one statement instead of
   * being rebuilt from every event of each subject.
   */
  async colorPeriodsOf(ctx: HubContext, usccs: readonly string[]): Promise<SubjectColorPeriodsColumns> {
    const columns: SubjectColorPeriodsColumns = { usccs: [], colors: [], froms: [], untils: [] };
    if (usccs.length === 0) return columns;
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string; color: CreditColor; from: string; until: string | null }[] = await manager.query(
      `SELECT p.uscc, p.color, p.valid_from::text AS "from", p.valid_until::text AS "until" FROM environment.subject_color_period p
        WHERE p.uscc = ANY($1::varchar[]) AND ($2::varchar IS NULL OR p.district_code = $2::varchar)
        ORDER BY p.uscc, p.valid_from`,
      [[...usccs], districtScope(ctx.principal)],
    );
    for (const row of rows) {
      columns.usccs.push(row.uscc);
      columns.colors.push(row.color);
      columns.froms.push(row.from);
      columns.untils.push(row.until);
    }
    return columns;
  }
}
