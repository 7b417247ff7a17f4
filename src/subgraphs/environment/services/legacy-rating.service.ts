import { In, type DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { CreditColor } from '../../../shared/credit-color';
import { badInput } from '../../../shared/errors';
import { LegacyRatingEntity } from '../entities/legacy-rating.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { legacyRatingsLoader } from '../loaders/environment.loader';
import type { ImportLegacyRatingsInput, ImportLegacyRatingsPayload, LegacyRating } from '../types/legacy-rating.type';
import { subjectVisible } from '../../../shared/auth/subject-scope';
import { writeTransaction } from '../../../shared/read-snapshot';
import { requiredText } from './ids';
import type { SubjectScopeService } from './subject-scope.service';

export const LEGACY_SCALE = 'ANNUAL_100';
const MAX_ROWS = 1000;

/**
 * Grades of the retired annual 100-point scale (DOMAIN.md §3). Fixed: it describes closed history,
 * so it is not a policy an administrator changes.
 */
export function legacyColor(score: number): CreditColor {
  if (score >= 95) return CreditColor.GREEN;
  if (score >= 80) return CreditColor.BLUE;
  if (score >= 64) return CreditColor.YELLOW;
  if (score >= 40) return CreditColor.RED;
  return CreditColor.BLACK;
}

/** Historical 100-point ratings: imported with their scale, shown as history, never scored. */
export class LegacyRatingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: SubjectScopeService,
  ) {}

  async ratingsOf(ctx: HubContext, uscc: string): Promise<LegacyRating[] | null> {
    if (!(await this.subjects.subject(ctx, uscc))) return null;
    return (await legacyRatingsLoader(ctx, this.dataSource).load(uscc)).map((row) => ({
      year: row.year,
      scale: row.scale,
      score: row.score,
      color: row.color,
      source: row.source,
    }));
  }

  /**
   * ENV_ADMIN: imports up to 1000 ratings at once, all or nothing. A row already imported with the
   * same score is left unchanged; one with a different score is refused (history is not rewritten).
   */
  async import(ctx: HubContext, input: ImportLegacyRatingsInput): Promise<ImportLegacyRatingsPayload> {
    const source = requiredText(input.source, 'source', 500);
    if (input.ratings.length > MAX_ROWS) throw badInput(`at most ${MAX_ROWS} ratings per import, got ${input.ratings.length}`);
    const seen = new Set<string>();
    const rows = input.ratings.map((rating, index) => {
      const where = `ratings[${index}] (${rating.uscc}, ${rating.year})`;
      if (!/^\d{1,3}(\.\d{1,2})?$/.test(rating.score) || Number(rating.score) > 100) throw badInput(`${where}: score "${rating.score}" must be a decimal from 0 to 100`);
      if (rating.year < 1990 || rating.year > new Date().getUTCFullYear()) throw badInput(`${where}: year ${rating.year} is not a past rating year`);
      const color = legacyColor(Number(rating.score));
      if (rating.color && rating.color !== color) throw badInput(`${where}: grade ${rating.color} does not match score ${rating.score} on the 100-point scale (${color})`);
      const key = `${rating.uscc}:${rating.year}`;
      if (seen.has(key)) throw badInput(`${where}: appears twice in this import`);
      seen.add(key);
      return { uscc: rating.uscc, year: rating.year, scale: LEGACY_SCALE, score: Number(rating.score).toFixed(2), color, source, importedBy: ctx.principal.clientId };
    });
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const usccs = [...new Set(rows.map((r) => r.uscc))];
      const subjects = await manager.getRepository(RatedSubjectEntity).findBy({ uscc: In(usccs) });
      const visible = await Promise.all(subjects.map((s) => subjectVisible(ctx, s.uscc, { districtCode: s.districtCode, rated: true })));
      const known = new Set(subjects.filter((_, i) => visible[i]).map((s) => s.uscc));
      const unknown = usccs.find((uscc) => !known.has(uscc));
      if (unknown) throw badInput(`${unknown} is not a rated subject; enrol it before importing its history`);
      const repository = manager.getRepository(LegacyRatingEntity);
      const existing = await repository.findBy({ uscc: In(usccs), scale: LEGACY_SCALE });
      const fresh = [];
      let unchanged = 0;
      for (const row of rows) {
        const stored = existing.find((e) => e.uscc === row.uscc && e.year === row.year);
        if (!stored) fresh.push(row);
        else if (Number(stored.score) === Number(row.score)) unchanged += 1;
        else throw badInput(`${row.uscc} already has a ${row.year} rating of ${stored.score}; history is not rewritten`);
      }
      if (fresh.length) await repository.insert(fresh);
      return { imported: fresh.length, unchanged };
    });
  }
}
