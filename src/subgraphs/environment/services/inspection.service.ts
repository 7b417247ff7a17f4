import { randomBytes } from 'node:crypto';
import { Between, type DataSource } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import type { HubContext } from '../../../shared/context';
import { CREDIT_COLORS } from '../../../shared/credit-color';
import { today } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { readManager, writeTransaction } from '../../../shared/read-snapshot';
import { InspectionDrawEntity, type DrawnSubject } from '../entities/inspection-draw.entity';
import type { DrawInspectionsInput, InspectionDraw } from '../types/inspection.type';
import { DRAW_ALGORITHM, drawSelection, isDrawAlgorithm, type DrawSpec } from './inspection-draw';
import { parseId } from './ids';
import type { PolicyService } from './policy.service';
import { SUBJECT_COLORS_SQL } from './subject-colors.sql';

function specOf(row: InspectionDrawEntity): DrawSpec {
  return { weights: row.weights, sampleSize: row.sampleSize, rate: row.rate === null ? null : Number(row.rate), seed: row.seed };
}

function sameSelection(a: readonly DrawnSubject[], b: readonly DrawnSubject[]): boolean {
  return a.length === b.length && a.every((s, i) => s.uscc === b[i].uscc && s.color === b[i].color);
}

/**
 * Differentiated supervision (DOMAIN.md §4): random-inspection draws stratified and weighted by
 * colour, each stored with its seed, weights and population snapshot so it can be replayed for audit.
 */
export class InspectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
  ) {}

  /** ENV staff draw subjects for inspection; an ENV_OFFICER draws in its own district only. */
  async draw(ctx: HubContext, input: DrawInspectionsInput): Promise<InspectionDraw> {
    const asOf = input.asOf ?? today();
    if (asOf > today()) throw badInput(`asOf ${asOf} is in the future`);
    if ((input.sampleSize == null) === (input.rate == null)) throw badInput('give exactly one of sampleSize and rate');
    if (input.sampleSize != null && input.sampleSize < 1) throw badInput(`sampleSize ${input.sampleSize} must be at least 1`);
    let rate: number | null = null;
    if (input.rate != null) {
      rate = Math.round(input.rate * 10_000) / 10_000;
      if (!(rate > 0 && rate <= 1)) throw badInput(`rate ${input.rate} must be above 0 and at most 1 (4 decimals)`);
    }
    const scope = districtScope(ctx.principal);
    if (scope !== null && input.districtCode && input.districtCode !== scope) throw badInput(`district ${input.districtCode} is outside the caller's district`);
    const districtCode = scope ?? input.districtCode ?? null;
    const colors = input.colors?.length ? [...new Set(input.colors)] : CREDIT_COLORS;
    const seed = input.seed?.trim() || randomBytes(16).toString('hex');
    if (seed.length > 200) throw badInput('seed is longer than 200 characters');

    const frequencies = await this.policies.inspectionFrequencies(ctx, asOf);
    const weights = Object.fromEntries(frequencies.map((f) => [f.color, Number(f.multiplier)]));
    const population: DrawnSubject[] = await this.dataSource.query(
      `${SUBJECT_COLORS_SQL}
       SELECT uscc, color FROM subject_colors
        WHERE ($3::varchar IS NULL OR industry_code = $3::varchar) AND color = ANY($4::varchar[])
        ORDER BY uscc`,
      [asOf, districtCode, input.industryCode ?? null, colors],
    );
    if (input.sampleSize != null && input.sampleSize > population.length) {
      throw badInput(`sampleSize ${input.sampleSize} is larger than the population of ${population.length} subjects`);
    }
    const spec: DrawSpec = { weights, sampleSize: input.sampleSize ?? null, rate, seed };
    const { selected } = drawSelection(population, spec);
    const row = await writeTransaction(ctx, this.dataSource, (manager) => {
      const repository = manager.getRepository(InspectionDrawEntity);
      return repository.save(
        repository.create({
          drawnAt: new Date(),
          drawnBy: ctx.principal.clientId,
          asOf,
          districtCode,
          industryCode: input.industryCode ?? null,
          colors,
          sampleSize: spec.sampleSize,
          rate: rate === null ? null : rate.toFixed(4),
          seed,
          algorithm: DRAW_ALGORITHM,
          weights,
          population,
          selected,
        }),
      );
    });
    return this.present(row);
  }

  /** A stored draw, replayed to show it is reproducible; null when unknown or outside the caller's district. */
  async find(ctx: HubContext, id: string): Promise<InspectionDraw | null> {
    const manager = await readManager(ctx, this.dataSource);
    const row = await manager.getRepository(InspectionDrawEntity).findOneBy({ id: parseId(id, 'id') });
    const scope = districtScope(ctx.principal);
    if (!row || (scope !== null && row.districtCode !== scope)) return null;
    return this.present(row);
  }

  /**
   * The draws whose population day (`asOf`) lies in [from, to], oldest first, each replayed; an
   * ENV_OFFICER sees its district's only. The yearly summary counts inspections from this.
   */
  async list(ctx: HubContext, from: string, to: string): Promise<InspectionDraw[]> {
    if (from > to) throw badInput(`from ${from} is after to ${to}`);
    const manager = await readManager(ctx, this.dataSource);
    const scope = districtScope(ctx.principal);
    const rows = await manager.getRepository(InspectionDrawEntity).find({
      where: { asOf: Between(from, to), ...(scope !== null ? { districtCode: scope } : {}) },
      order: { id: 'ASC' },
    });
    return rows.map((row) => this.present(row));
  }

  /** The draw as stored, replayed with the algorithm it names (an unknown one cannot be replayed). */
  private present(row: InspectionDrawEntity): InspectionDraw {
    const algorithm = isDrawAlgorithm(row.algorithm) ? row.algorithm : null;
    const replay = drawSelection(row.population, specOf(row), algorithm ?? DRAW_ALGORITHM);
    return {
      id: String(row.id),
      drawnAt: new Date(row.drawnAt).toISOString(),
      drawnBy: row.drawnBy,
      asOf: row.asOf,
      districtCode: row.districtCode,
      industryCode: row.industryCode,
      colors: row.colors,
      sampleSize: row.sampleSize,
      rate: row.rate === null ? null : Number(row.rate),
      seed: row.seed,
      algorithm: row.algorithm,
      populationSize: row.population.length,
      strata: replay.strata,
      selected: row.selected,
      reproducible: algorithm !== null && sameSelection(replay.selected, row.selected),
    };
  }
}
