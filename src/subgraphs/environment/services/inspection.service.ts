import { randomBytes } from 'node:crypto';
import { Between, type DataSource, type EntityManager } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import { facts as subjectFacts } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import { CREDIT_COLORS, CreditColor } from '../../../shared/credit-color';
import { today, type IsoDate } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { punishmentListingsOn } from '../../../shared/list-types';
import { readManager, writeTransaction } from '../../../shared/read-snapshot';
import { InspectionDrawEntity, type DrawnSubject } from '../entities/inspection-draw.entity';
import type { DrawInspectionsInput, Inspector, InspectionDraw } from '../types/inspection.type';
import { DRAW_ALGORITHM, drawSelection, isDrawAlgorithm, type DrawSpec } from '../rules/inspection-draw';
import { ASSIGNMENT_ALGORITHM, assignInspectors, INSPECTORS_PER_SUBJECT, sameAssignments, type Assignment, type PoolMember } from '../rules/inspector-assignment';
import { parseId } from './ids';
import type { PolicyService } from './policy.service';
import { SUBJECT_COLORS_SQL } from './subject-colors.sql';

function specOf(row: InspectionDrawEntity): DrawSpec {
  return { weights: row.weights, sampleSize: row.sampleSize, rate: row.rate === null ? null : Number(row.rate), seed: row.seed };
}

/** A stored member as the API shows it (the flag is stored only when set), with its inspectors. */
function shown(member: DrawnSubject, inspectors: Map<string, Inspector[]>) {
  return { uscc: member.uscc, color: member.color, rewardsSuspended: member.rewardsSuspended === true, inspectors: inspectors.get(member.uscc) ?? [] };
}

/**
 * The active pool of the districts of a draw's selected subjects, each inspector with its assignments
 * in earlier draws and its conflicts among the selected subjects: everything the assignment reads.
 */
async function poolFor(manager: EntityManager, districts: string[], usccs: string[]): Promise<PoolMember[]> {
  const members: { id: number; name: string; district_code: string; load: string }[] = await manager.query(
    `SELECT i.id, i.name, i.district_code, COALESCE(l.load, 0) AS load
       FROM environment.inspector i
       LEFT JOIN (SELECT x.id::int AS id, count(*) AS load
                    FROM environment.inspection_draw d,
                         jsonb_array_elements(d.assignments) a,
                         jsonb_array_elements_text(a->'inspectorIds') x(id)
                   WHERE d.assignments IS NOT NULL
                   GROUP BY 1) l ON l.id = i.id
      WHERE i.removed_at IS NULL AND i.district_code = ANY($1::varchar[])
      ORDER BY i.id`,
    [districts],
  );
  const conflicts: { inspector_id: number; uscc: string }[] = await manager.query(
    `SELECT inspector_id, uscc FROM environment.inspector_conflict WHERE uscc = ANY($1::varchar[]) ORDER BY inspector_id, uscc`,
    [usccs],
  );
  return members.map((m) => ({
    id: m.id,
    name: m.name,
    districtCode: m.district_code,
    load: Number(m.load),
    conflicts: conflicts.filter((c) => c.inspector_id === m.id).map((c) => c.uscc),
  }));
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
    // In the request's read snapshot, like the policy and the lists it is weighed with: the population
    // stored with the draw is one state of the data, not rows read at different moments.
    const rows: (DrawnSubject & { districtCode: string })[] = await (await readManager(ctx, this.dataSource)).query(
      `${SUBJECT_COLORS_SQL}
       SELECT uscc, color, district_code AS "districtCode" FROM subject_colors
        WHERE ($3::varchar IS NULL OR industry_code = $3::varchar) AND color = ANY($4::varchar[])
        ORDER BY uscc`,
      [asOf, districtCode, input.industryCode ?? null, colors],
    );
    const districtOf = new Map(rows.map((row) => [row.uscc, row.districtCode]));
    const colored: DrawnSubject[] = rows.map(({ uscc, color }) => ({ uscc, color }));
    const population = await this.withSuspendedRewards(ctx, colored, asOf);
    if (input.sampleSize != null && input.sampleSize > population.length) {
      throw badInput(`sampleSize ${input.sampleSize} is larger than the population of ${population.length} subjects`);
    }
    const spec: DrawSpec = { weights, sampleSize: input.sampleSize ?? null, rate, seed };
    const { selected } = drawSelection(population, spec);
    const row = await writeTransaction(ctx, this.dataSource, async (manager) => {
      // The second random (DOMAIN.md §11 Inspectors), in the transaction that stores the draw: a
      // refused assignment stores nothing.
      const subjects = selected.map((member) => ({ uscc: member.uscc, districtCode: districtOf.get(member.uscc)! }));
      const inspectorPool = await poolFor(manager, [...new Set(subjects.map((s) => s.districtCode))], subjects.map((s) => s.uscc));
      const { assignments, shortfalls } = assignInspectors(subjects, inspectorPool, seed);
      if (shortfalls.length) {
        const named = shortfalls
          .slice(0, 5)
          .map((s) => `${s.uscc} in district ${s.districtCode} (${s.eligible} eligible)`)
          .join('; ');
        throw badInput(
          `the draw needs ${INSPECTORS_PER_SUBJECT} eligible inspectors per subject, not in conflict with it, from the subject's district pool; too few for ${shortfalls.length} subject(s): ${named}`,
          { shortfalls },
        );
      }
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
          inspectorPool,
          assignments,
        }),
      );
    });
    return this.present(row);
  }

  /**
   * Marks the GREEN members on a punishment list on `asOf` (DOMAIN.md §10: while listed, GREEN's
   * fewer inspections are suspended, so the draw takes them at no less than the base rate). The
   * lists are the credit office's and market supervision's, asked through federation as the award
   * bar asks them (one fetch per department for all GREEN members), never read from their tables.
   */
  private async withSuspendedRewards(ctx: HubContext, population: DrawnSubject[], asOf: IsoDate): Promise<DrawnSubject[]> {
    const green = population.filter((member) => member.color === CreditColor.GREEN).map((member) => member.uscc);
    if (green.length === 0) return population;
    const records = await subjectFacts(ctx).subjectRecordsOf(green, ctx.snapshot);
    return population.map((member) =>
      member.color === CreditColor.GREEN && punishmentListingsOn(records.get(member.uscc)?.listings ?? [], asOf).length > 0 ? { ...member, rewardsSuspended: true } : member,
    );
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

  /** The last `count` draws (1–50), newest first, in the caller's row scope (an ENV_OFFICER: its district's draws). */
  async recent(ctx: HubContext, count: number): Promise<InspectionDraw[]> {
    if (!Number.isInteger(count) || count < 1 || count > 50) throw badInput(`last must be an integer from 1 to 50, got ${count}`);
    const manager = await readManager(ctx, this.dataSource);
    const scope = districtScope(ctx.principal);
    const rows = await manager.getRepository(InspectionDrawEntity).find({ where: scope === null ? {} : { districtCode: scope }, order: { id: 'DESC' }, take: count });
    return rows.map((row) => this.present(row));
  }

  /** The draw as stored, replayed with the algorithm it names (an unknown one cannot be replayed). */
  private present(row: InspectionDrawEntity): InspectionDraw {
    const algorithm = isDrawAlgorithm(row.algorithm) ? row.algorithm : null;
    const replay = drawSelection(row.population, specOf(row), algorithm ?? DRAW_ALGORITHM);
    // Draws made before inspectors have none (null pool): nothing to replay there.
    const assignments: Assignment[] = row.assignments ?? [];
    const pool = row.inspectorPool ?? [];
    const assignmentReplays = row.inspectorPool === null || sameAssignments(assignInspectors(assignments, pool, row.seed).assignments, assignments);
    const byId = new Map(pool.map((member) => [member.id, { id: String(member.id), name: member.name, districtCode: member.districtCode }]));
    const inspectors = new Map(assignments.map((a) => [a.uscc, a.inspectorIds.map((id) => byId.get(id)!)]));
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
      selected: row.selected.map((member) => shown(member, inspectors)),
      inspectorAlgorithm: row.inspectorPool === null ? null : ASSIGNMENT_ALGORITHM,
      reproducible: algorithm !== null && sameSelection(replay.selected, row.selected) && assignmentReplays,
    };
  }
}
