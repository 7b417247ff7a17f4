import { Between, In, type DataSource, type EntityManager } from 'typeorm';
import { districtScope } from '../../../shared/auth/scope';
import type { HubContext } from '../../../shared/context';
import { addDays, today, type IsoDate } from '../../../shared/dates';
import { CITY_DISTRICTS, isCityDistrict } from '../../../shared/divisions';
import { badInput } from '../../../shared/errors';
import { readManager, writeTransaction } from '../../../shared/read-snapshot';
import { WorkingDayCalendar, type CalendarDayKind } from '../../../shared/working-days';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { InspectionDrawEntity } from '../entities/inspection-draw.entity';
import { InspectionResultEntity, InspectorConflictEntity, InspectorEntity } from '../entities/inspector.entity';
import { WorkingDayCalendarEntity } from '../entities/working-day.entity';
import {
  InspectionOutcome,
  type AddInspectorInput,
  type InspectionResult,
  type InspectorConflictInput,
  type PoolInspector,
  type RecordInspectionResultInput,
} from '../types/inspector.type';
import { parseId, requiredText } from './ids';

/** Results are published within this many working days of the inspection (DOMAIN.md §11 Inspectors). */
export const PUBLISH_WITHIN_WORKING_DAYS = 20;
/** The widest period one published-results answer covers. */
const MAX_RESULT_DAYS = 366;

/**
 * The inspector pool (执法检查人员名录库) and the results of random inspections (一公开), DOMAIN.md §11
 * Inspectors. ENV_ADMIN manages every district's pool and records every result; an ENV_OFFICER its
 * own district's (the rule tree refuses a foreign district or subject in the input before this runs;
 * an inspector named by id is checked here).
 */
export class InspectorService {
  constructor(private readonly dataSource: DataSource) {}

  async pool(ctx: HubContext, districtCode: string | null | undefined): Promise<PoolInspector[]> {
    const scope = districtScope(ctx.principal);
    if (scope !== null && districtCode && districtCode !== scope) return [];
    const district = scope ?? districtCode ?? null;
    const manager = await readManager(ctx, this.dataSource);
    const inspectors = await manager.getRepository(InspectorEntity).find({ where: district ? { districtCode: district } : {}, order: { id: 'ASC' } });
    return this.present(manager, inspectors);
  }

  async add(ctx: HubContext, input: AddInspectorInput): Promise<PoolInspector> {
    const name = requiredText(input.name, 'name', 100);
    if (!isCityDistrict(input.districtCode)) {
      throw badInput(`"${input.districtCode}" is not a district of the city (districts: ${Object.keys(CITY_DISTRICTS).join(', ')})`);
    }
    this.inScope(ctx, input.districtCode);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(InspectorEntity);
      const saved = await repository.save(repository.create({ name, districtCode: input.districtCode, addedBy: ctx.principal.clientId }));
      return (await this.present(manager, [saved]))[0];
    });
  }

  /** Takes an inspector out of the pool: later draws no longer assign it; past draws keep naming it. */
  async remove(ctx: HubContext, id: string): Promise<PoolInspector> {
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const inspector = await this.inspectorInScope(ctx, manager, id);
      if (inspector.removedAt) throw badInput(`inspector ${id} is already removed from the pool`);
      inspector.removedAt = new Date();
      inspector.removedBy = ctx.principal.clientId;
      await manager.getRepository(InspectorEntity).save(inspector);
      return (await this.present(manager, [inspector]))[0];
    });
  }

  async addConflict(ctx: HubContext, input: InspectorConflictInput): Promise<PoolInspector> {
    const reason = requiredText(input.reason ?? '', 'reason', 500);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const inspector = await this.inspectorInScope(ctx, manager, input.inspectorId);
      const repository = manager.getRepository(InspectorConflictEntity);
      if (await repository.existsBy({ inspectorId: inspector.id, uscc: input.uscc })) {
        throw badInput(`inspector ${input.inspectorId} already has a conflict with ${input.uscc}`);
      }
      await repository.insert({ inspectorId: inspector.id, uscc: input.uscc, reason, addedBy: ctx.principal.clientId });
      return (await this.present(manager, [inspector]))[0];
    });
  }

  async removeConflict(ctx: HubContext, input: InspectorConflictInput): Promise<PoolInspector> {
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const inspector = await this.inspectorInScope(ctx, manager, input.inspectorId);
      const { affected } = await manager.getRepository(InspectorConflictEntity).delete({ inspectorId: inspector.id, uscc: input.uscc });
      if (!affected) throw badInput(`inspector ${input.inspectorId} has no conflict with ${input.uscc}`);
      return (await this.present(manager, [inspector]))[0];
    });
  }

  /**
   * Records the result of one inspection: a subject drawn by the draw, inspected on or after the
   * draw's day and not after today; PROBLEMS_FOUND names the subject's credit events it led to. The
   * result is published from its recording; `publishBy` is 20 working days after the inspection.
   */
  async recordResult(ctx: HubContext, input: RecordInspectionResultInput): Promise<InspectionResult> {
    const drawId = parseId(input.drawId, 'drawId');
    const summary = requiredText(input.summary, 'summary');
    const eventIds = [...new Set((input.eventIds ?? []).map((id) => parseId(id, 'eventIds')))];
    if (input.outcome === InspectionOutcome.NO_PROBLEM && eventIds.length) throw badInput('a NO_PROBLEM result names no events');
    if (input.outcome === InspectionOutcome.PROBLEMS_FOUND && !eventIds.length) throw badInput('a PROBLEMS_FOUND result names the credit events the problems led to (eventIds)');
    if (input.inspectedOn > today()) throw badInput(`inspectedOn ${input.inspectedOn} is in the future`);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const draw = await manager.getRepository(InspectionDrawEntity).findOneBy({ id: drawId });
      const scope = districtScope(ctx.principal);
      if (!draw || (scope !== null && draw.districtCode !== scope && !draw.assignments?.some((a) => a.uscc === input.uscc && a.districtCode === scope))) {
        throw badInput(`draw ${input.drawId} does not exist`);
      }
      if (!draw.selected.some((member) => member.uscc === input.uscc)) throw badInput(`${input.uscc} was not drawn by draw ${input.drawId}`);
      if (input.inspectedOn < draw.asOf) throw badInput(`inspectedOn ${input.inspectedOn} is before the draw's day ${draw.asOf}`);
      if (eventIds.length) {
        const events = await manager.getRepository(CreditEventEntity).find({ where: { id: In(eventIds) }, select: { id: true, uscc: true } });
        const foreign = eventIds.filter((id) => !events.some((event) => event.id === id && event.uscc === input.uscc));
        if (foreign.length) throw badInput(`event(s) ${foreign.join(', ')} are not credit events of ${input.uscc}`);
      }
      const repository = manager.getRepository(InspectionResultEntity);
      if (await repository.existsBy({ drawId, uscc: input.uscc })) throw badInput(`the result of ${input.uscc} in draw ${input.drawId} is already recorded`);
      const publishBy = await publishDeadline(manager, input.inspectedOn);
      const saved = await repository.save(
        repository.create({ drawId, uscc: input.uscc, inspectedOn: input.inspectedOn, outcome: input.outcome, eventIds, summary, publishBy, recordedBy: ctx.principal.clientId }),
      );
      return (await this.presentResults(manager, [saved]))[0];
    });
  }

  /** 一公开: the results of inspections done in [from, to] (at most a year), optionally of one district, oldest first. */
  async published(ctx: HubContext, from: IsoDate, to: IsoDate, districtCode: string | null | undefined): Promise<InspectionResult[]> {
    if (from > to) throw badInput(`from ${from} is after to ${to}`);
    if (addDays(from, MAX_RESULT_DAYS) <= to) throw badInput(`the period from ${from} to ${to} is longer than ${MAX_RESULT_DAYS} days`);
    const manager = await readManager(ctx, this.dataSource);
    const rows = await manager.getRepository(InspectionResultEntity).find({ where: { inspectedOn: Between(from, to) }, order: { inspectedOn: 'ASC', id: 'ASC' } });
    const results = await this.presentResults(manager, rows);
    return districtCode ? results.filter((result) => result.districtCode === districtCode) : results;
  }

  private inScope(ctx: HubContext, districtCode: string): void {
    const scope = districtScope(ctx.principal);
    if (scope !== null && districtCode !== scope) throw badInput(`district ${districtCode} is outside the caller's district ${scope}`);
  }

  /** The inspector `id`, refused when unknown or (for an ENV_OFFICER) of another district, as if it did not exist. */
  private async inspectorInScope(ctx: HubContext, manager: EntityManager, id: string): Promise<InspectorEntity> {
    const inspector = await manager.getRepository(InspectorEntity).findOneBy({ id: parseId(id, 'inspectorId') });
    const scope = districtScope(ctx.principal);
    if (!inspector || (scope !== null && inspector.districtCode !== scope)) throw badInput(`inspector ${id} does not exist`);
    return inspector;
  }

  private async present(manager: EntityManager, inspectors: readonly InspectorEntity[]): Promise<PoolInspector[]> {
    if (!inspectors.length) return [];
    const ids = inspectors.map((inspector) => inspector.id);
    const conflicts = await manager.getRepository(InspectorConflictEntity).find({ where: { inspectorId: In(ids) }, order: { uscc: 'ASC' } });
    const loads: { id: number; load: string }[] = await manager.query(
      `SELECT x.id::int AS id, count(*) AS load
         FROM environment.inspection_draw d, jsonb_array_elements(d.assignments) a, jsonb_array_elements_text(a->'inspectorIds') x(id)
        WHERE d.assignments IS NOT NULL AND x.id::int = ANY($1::int[])
        GROUP BY 1`,
      [ids],
    );
    return inspectors.map((inspector) => ({
      id: String(inspector.id),
      name: inspector.name,
      districtCode: inspector.districtCode,
      active: inspector.removedAt === null,
      conflicts: conflicts.filter((c) => c.inspectorId === inspector.id).map((c) => ({ uscc: c.uscc, reason: c.reason })),
      assignments: Number(loads.find((l) => l.id === inspector.id)?.load ?? 0),
    }));
  }

  /** Results as published: each with its subject's district as the draw assigned it (or the subject's for draws made before inspectors). */
  private async presentResults(manager: EntityManager, rows: readonly InspectionResultEntity[]): Promise<InspectionResult[]> {
    if (!rows.length) return [];
    const draws = await manager.getRepository(InspectionDrawEntity).find({
      where: { id: In([...new Set(rows.map((row) => row.drawId))]) },
      select: { id: true, districtCode: true, assignments: true },
    });
    const missing = rows.filter((row) => !draws.find((d) => d.id === row.drawId)?.assignments?.some((a) => a.uscc === row.uscc)).map((row) => row.uscc);
    const subjects: { uscc: string; district_code: string }[] = missing.length
      ? await manager.query(`SELECT uscc, district_code FROM environment.rated_subject WHERE uscc = ANY($1::varchar[])`, [missing])
      : [];
    return rows.map((row) => {
      const draw = draws.find((d) => d.id === row.drawId);
      const districtCode =
        draw?.assignments?.find((a) => a.uscc === row.uscc)?.districtCode ?? subjects.find((s) => s.uscc === row.uscc)?.district_code ?? draw?.districtCode ?? '';
      const publishedOn = new Date(row.recordedAt).toISOString().slice(0, 10);
      return {
        id: String(row.id),
        drawId: String(row.drawId),
        uscc: row.uscc,
        districtCode,
        inspectedOn: row.inspectedOn,
        outcome: row.outcome as InspectionOutcome,
        eventIds: row.eventIds.map(String),
        summary: row.summary,
        publishedOn,
        publishBy: row.publishBy,
        publishedLate: publishedOn > row.publishBy,
      };
    });
  }
}

/** `inspectedOn` plus 20 working days by the national holiday calendar (src/shared/working-days.ts). */
async function publishDeadline(manager: EntityManager, inspectedOn: IsoDate): Promise<IsoDate> {
  // 20 working days fit in 60 calendar days even across the Spring Festival and National Day weeks.
  const days = await manager.getRepository(WorkingDayCalendarEntity).find({ where: { day: Between(inspectedOn, addDays(inspectedOn, 60)) } });
  return new WorkingDayCalendar(days.map((row) => ({ day: row.day, kind: row.kind as CalendarDayKind }))).addWorkingDays(inspectedOn, PUBLISH_WITHIN_WORKING_DAYS);
}

