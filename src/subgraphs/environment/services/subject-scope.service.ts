/**
 * Row scope over the bureau's rated subjects. Contract: every service that reads or changes one
 * subject's rating-related rows gets the subject through here, so the scope is applied once and the
 * same way: a subject outside the caller's district (or unrated) is answered as absent (null), never
 * as an error that would reveal it exists. The district checked is the `rated_subject` row's copy of
 * the registration (kept in step by SubjectDistrictService), and a row means the subject is rated.
 * Reads go through the request's loaders; a mutation takes the subject row lock here, which
 * serialises every write that changes what the subject's rating depends on.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import { subjectVisible } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import type { IsoDate } from '../../../shared/dates';
import { readManager } from '../../../shared/read-snapshot';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { ratedSubjectLoader } from '../loaders/environment.loader';

/** Which rated subjects the caller may see, one at a time or a page at once. */
export class SubjectScopeService {
  constructor(private readonly dataSource: DataSource) {}

  /** The rated subject as the caller may see it; null when unrated or outside its district. */
  async subject(ctx: HubContext, uscc: string): Promise<RatedSubjectEntity | null> {
    const subject = await ratedSubjectLoader(ctx, this.dataSource).load(uscc);
    return subject && (await this.visible(ctx, subject)) ? subject : null;
  }

  /** The subject row locked for a mutation; null when unrated or outside the caller's district. */
  async lockSubject(manager: EntityManager, ctx: HubContext, uscc: string): Promise<RatedSubjectEntity | null> {
    const subject = await manager
      .getRepository(RatedSubjectEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.uscc = :uscc', { uscc })
      .getOne();
    return subject && (await this.visible(ctx, subject)) ? subject : null;
  }

  /** Hub-internal: those of `usccs` in the rating scope on `asOf` (PUBLIC's row scope for a search page); one indexed statement. */
  async ratedAmong(ctx: HubContext, usccs: readonly string[], asOf: IsoDate): Promise<string[]> {
    if (usccs.length === 0) return [];
    const manager = await readManager(ctx, this.dataSource);
    const rows: { uscc: string }[] = await manager.query(
      `SELECT uscc FROM environment.rated_subject WHERE uscc = ANY($1::varchar[]) AND rated_from <= $2::date AND ($3::varchar IS NULL OR district_code = $3::varchar)`,
      [[...usccs], asOf, districtScope(ctx.principal)],
    );
    return rows.map((row) => row.uscc);
  }

  /** Hub-internal: how many of `usccs` `ratedAmong` keeps (a search's totalCount passes its candidates' codes and needs only their number). */
  async countRatedAmong(ctx: HubContext, usccs: readonly string[], asOf: IsoDate): Promise<number> {
    if (usccs.length === 0) return 0;
    const manager = await readManager(ctx, this.dataSource);
    const [{ count }]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM environment.rated_subject WHERE uscc = ANY($1::varchar[]) AND rated_from <= $2::date AND ($3::varchar IS NULL OR district_code = $3::varchar)`,
      [[...usccs], asOf, districtScope(ctx.principal)],
    );
    return count;
  }

  /**
   * Hub-internal: how many subjects are in the rating scope on `asOf`, with codes starting with
   * `usccPrefix` when given; one statement. PUBLIC's `totalCount` of a search by code alone: every
   * rated subject is registered (enrolment refuses an unregistered code, and registrations are never
   * deleted), so this is the count of registrations PUBLIC may see, without passing the registry's
   * codes here to be checked.
   */
  async ratedCount(ctx: HubContext, asOf: IsoDate, usccPrefix: string | null): Promise<number> {
    const manager = await readManager(ctx, this.dataSource);
    const prefix = usccPrefix === null ? null : `${usccPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const [{ count }]: { count: string }[] = await manager.query(
      `SELECT COUNT(*) AS count FROM environment.rated_subject
        WHERE rated_from <= $1::date AND ($2::varchar IS NULL OR uscc LIKE $2::varchar) AND ($3::varchar IS NULL OR district_code = $3::varchar)`,
      [asOf, prefix, districtScope(ctx.principal)],
    );
    return Number(count);
  }

  /** Row scope over the bureau's own row: its district, and the row itself meaning the subject is rated. */
  private visible(ctx: HubContext, subject: RatedSubjectEntity): Promise<boolean> {
    return subjectVisible(ctx, subject.uscc, { districtCode: subject.districtCode, rated: true });
  }
}
