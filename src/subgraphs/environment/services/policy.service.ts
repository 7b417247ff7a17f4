import { inForce } from '../../../shared/in-force';
import type { DataSource, EntityManager } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { type IsoDate, today } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { writeTransaction } from '../../../shared/read-snapshot';
import { EventTypeEntity } from '../entities/event-type.entity';
import { InspectionFrequencyEntity } from '../entities/inspection-frequency.entity';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { ScoringPolicyEntity } from '../entities/scoring-policy.entity';
import { ColorPeriodService } from './color-period.service';
import { policyTablesLoader } from '../loaders/environment.loader';
import type { WorkingDayCalendar } from '../../../shared/working-days';
import type { AddEventTypeVersionInput, AddScoringPolicyVersionInput, SetInspectionFrequencyInput } from '../types/policy.input';

/** Kinds of rated subject; third-party service providers are rated under their own policy rows. */
export const SUBJECT_KINDS = ['ENTERPRISE', 'EIA_AGENCY', 'MONITORING_AGENCY', 'OM_AGENCY', 'TREATMENT_AGENCY'] as const;

function requireKind(subjectKind: string): void {
  if (!(SUBJECT_KINDS as readonly string[]).includes(subjectKind)) {
    throw badInput(`subjectKind "${subjectKind}" must be one of ${SUBJECT_KINDS.join(', ')}`);
  }
}

/** A policy change applies from a later day: ratings already given (today included) are never rewritten. */
function requireFuture(effectiveFrom: IsoDate, what: string): void {
  if (effectiveFrom <= today()) throw badInput(`effectiveFrom ${effectiveFrom} of the new ${what} must be after today (${today()}); past ratings are never rewritten`);
}

function requireLegalBasis(legalBasis: string): string {
  const trimmed = legalBasis.trim();
  if (!trimmed) throw badInput('legalBasis must name the document (title and number)');
  return trimmed;
}

/**
 * The policy as data: the scoring policy and event catalogue versions that apply to a kind of subject
 * on a date, the inspection frequencies, and how ENV_ADMIN adds versions. Adding a version closes the
 * open one on the new version's effective date; nothing already in force is edited.
 */
export class PolicyService {
  constructor(private readonly dataSource: DataSource) {}

  async policiesFor(ctx: HubContext, subjectKind: string): Promise<ScoringPolicyEntity[]> {
    const { policies } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return policies.filter((policy) => policy.subjectKind === subjectKind);
  }

  /** Every version of every event type of `subjectKind`, in the stored order (recordCreditEvent's checks). */
  async eventTypesFor(ctx: HubContext, subjectKind: string): Promise<EventTypeEntity[]> {
    const { eventTypes } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return eventTypes.filter((type) => type.subjectKind === subjectKind);
  }

  /** The catalogue version of `code` for `subjectKind` in force on `date`, or undefined. */
  async eventTypeOn(ctx: HubContext, subjectKind: string, code: string, date: IsoDate): Promise<EventTypeEntity | undefined> {
    const { eventTypes } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return eventTypes.find((type) => type.code === code && type.subjectKind === subjectKind && inForce(type, date));
  }

  async eventTypeCodes(ctx: HubContext, subjectKind: string): Promise<string[]> {
    const { eventTypes } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return [...new Set(eventTypes.filter((type) => type.subjectKind === subjectKind).map((type) => type.code))];
  }

  /** The national holiday calendar (working days), from the bureau's table (src/shared/working-days.ts). */
  async workingDays(ctx: HubContext): Promise<WorkingDayCalendar> {
    const { workingDays } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return workingDays;
  }

  /** Scoring policy versions, oldest first; only those in force on `asOf` when given. */
  async scoringPolicies(ctx: HubContext, subjectKind?: string | null, asOf?: IsoDate | null): Promise<ScoringPolicyEntity[]> {
    const { policies } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return policies.filter((p) => (!subjectKind || p.subjectKind === subjectKind) && (!asOf || inForce(p, asOf)));
  }

  /** Event-type versions, by code then date; only those in force on `asOf` when given. */
  async eventTypeCatalog(ctx: HubContext, subjectKind?: string | null, asOf?: IsoDate | null): Promise<EventTypeEntity[]> {
    const { eventTypes } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return eventTypes
      .filter((t) => (!subjectKind || t.subjectKind === subjectKind) && (!asOf || inForce(t, asOf)))
      .sort((a, b) => a.subjectKind.localeCompare(b.subjectKind) || a.code.localeCompare(b.code) || a.effectiveFrom.localeCompare(b.effectiveFrom));
  }

  /** Inspection frequency versions, oldest first; only those in force on `asOf` when given. */
  async inspectionFrequencies(ctx: HubContext, asOf?: IsoDate | null): Promise<InspectionFrequencyEntity[]> {
    const { inspectionFrequencies } = await policyTablesLoader(ctx, this.dataSource).load('all');
    return inspectionFrequencies.filter((f) => !asOf || inForce(f, asOf));
  }

  /** ENV_ADMIN: a new scoring policy version from a future date; rated subjects of that kind re-rate on that date. */
  async addScoringPolicyVersion(ctx: HubContext, input: AddScoringPolicyVersionInput): Promise<ScoringPolicyEntity> {
    requireKind(input.subjectKind);
    requireFuture(input.effectiveFrom, 'scoring policy');
    const legalBasis = requireLegalBasis(input.legalBasis);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(ScoringPolicyEntity);
      const versions = await lockVersions(manager, ScoringPolicyEntity, { subjectKind: input.subjectKind });
      const previous = closePrevious(versions, input.effectiveFrom, `scoring policy for ${input.subjectKind}`);
      const next = repository.create({
        subjectKind: input.subjectKind,
        startScore: input.startScore ?? previous.startScore,
        maxScore: input.maxScore ?? previous.maxScore,
        greenMin: input.greenMin ?? previous.greenMin,
        blueMin: input.blueMin ?? previous.blueMin,
        yellowMin: input.yellowMin ?? previous.yellowMin,
        redMin: input.redMin ?? previous.redMin,
        validityOffsetDays: input.validityOffsetDays ?? previous.validityOffsetDays,
        objectionDays: input.objectionDays ?? previous.objectionDays,
        frontRunnerCleanMonths: input.frontRunnerCleanMonths ?? previous.frontRunnerCleanMonths,
        publicityMinMonths: input.publicityMinMonths ?? previous.publicityMinMonths,
        publicityMaxMonths: input.publicityMaxMonths ?? previous.publicityMaxMonths,
        // The publicity tiers and the entry limit carry over (DOMAIN.md §11).
        generalPublicityMinMonths: previous.generalPublicityMinMonths,
        generalPublicityMaxMonths: previous.generalPublicityMaxMonths,
        seriousPublicityMinMonths: previous.seriousPublicityMinMonths,
        seriousPublicityMaxMonths: previous.seriousPublicityMaxMonths,
        entryLimitWorkingDays: previous.entryLimitWorkingDays,
        legalBasis,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: null,
      });
      if (!(next.greenMin > next.blueMin && next.blueMin > next.yellowMin && next.yellowMin > next.redMin)) {
        throw badInput(`colour bands must descend: greenMin ${next.greenMin} > blueMin ${next.blueMin} > yellowMin ${next.yellowMin} > redMin ${next.redMin}`);
      }
      if (next.startScore > next.maxScore) throw badInput(`startScore ${next.startScore} is above maxScore ${next.maxScore}`);
      if (next.validityOffsetDays < 0) throw badInput(`validityOffsetDays ${next.validityOffsetDays} must not be negative`);
      if (next.objectionDays < 1) throw badInput(`objectionDays ${next.objectionDays} must be at least 1`);
      if (next.frontRunnerCleanMonths < 1) throw badInput(`frontRunnerCleanMonths ${next.frontRunnerCleanMonths} must be at least 1`);
      if (next.publicityMinMonths < 1 || next.publicityMinMonths > next.publicityMaxMonths) {
        throw badInput(`publicity must satisfy 1 <= publicityMinMonths (${next.publicityMinMonths}) <= publicityMaxMonths (${next.publicityMaxMonths})`);
      }
      await repository.update({ id: previous.id }, { effectiveTo: input.effectiveFrom });
      await repository.save(next);
      // The materialised ratings of this kind may change on the new version's first day.
      await manager
        .createQueryBuilder()
        .update(RatedSubjectEntity)
        .set({ nextChangeOn: () => `LEAST(COALESCE(next_change_on, CAST(:from AS date)), CAST(:from AS date))` })
        .where('subject_kind = :kind', { kind: input.subjectKind })
        .setParameter('from', input.effectiveFrom)
        .execute();
      // The colour source of this kind changes from the new version's first day: recomputed in this transaction.
      await new ColorPeriodService(this.dataSource).rebuild(manager, input.subjectKind);
      return next;
    });
  }

  /** ENV_ADMIN: a new version of an event type (or a new type) from a future date; recorded events keep their points. */
  async addEventTypeVersion(ctx: HubContext, input: AddEventTypeVersionInput): Promise<EventTypeEntity> {
    requireKind(input.subjectKind);
    if (!/^[A-Z][A-Z0-9_]{1,49}$/.test(input.code)) throw badInput(`event-type code "${input.code}" must be upper-case letters, digits and _`);
    requireFuture(input.effectiveFrom, `version of ${input.code}`);
    const legalBasis = requireLegalBasis(input.legalBasis);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(EventTypeEntity);
      const versions = await lockVersions(manager, EventTypeEntity, { subjectKind: input.subjectKind, code: input.code });
      const previous = versions.length ? closePrevious(versions, input.effectiveFrom, `event type ${input.code}`) : null;
      const value = <K extends keyof EventTypeEntity>(key: K, given: EventTypeEntity[K] | null | undefined): EventTypeEntity[K] => {
        if (given !== undefined && given !== null) return given;
        if (!previous) throw badInput(`${String(key)} is required for the new event type ${input.code}`);
        return previous[key];
      };
      const next = repository.create({
        code: input.code,
        subjectKind: input.subjectKind,
        nameZh: value('nameZh', input.nameZh?.trim() || null),
        nameEn: value('nameEn', input.nameEn?.trim() || null),
        defaultPoints: value('defaultPoints', input.defaultPoints),
        minPoints: value('minPoints', input.minPoints),
        maxPoints: value('maxPoints', input.maxPoints),
        validityMonths: value('validityMonths', input.validityMonths),
        forcedColor: input.clearForcedColor ? null : (input.forcedColor ?? previous?.forcedColor ?? null),
        oncePerMonths: input.oncePerMonths === 0 ? null : (input.oncePerMonths ?? previous?.oncePerMonths ?? null),
        publicityMonths: input.publicityMonths === 0 ? null : (input.publicityMonths ?? previous?.publicityMonths ?? null),
        // Procedure and severity carry over from the previous version; a new penalty type is GENERAL, general procedure only.
        defaultSeverity: previous?.defaultSeverity ?? (value('defaultPoints', input.defaultPoints) < 0 ? 'GENERAL' : null),
        severityBasis: previous?.severityBasis ?? null,
        simpleProcedure: previous?.simpleProcedure ?? false,
        legalBasis,
        effectiveFrom: input.effectiveFrom,
        effectiveTo: null,
      });
      if (!(next.minPoints <= next.defaultPoints && next.defaultPoints <= next.maxPoints)) {
        throw badInput(`points must satisfy minPoints ${next.minPoints} <= defaultPoints ${next.defaultPoints} <= maxPoints ${next.maxPoints}`);
      }
      if (next.validityMonths < 1) throw badInput(`validityMonths ${next.validityMonths} must be at least 1`);
      if (next.oncePerMonths !== null && next.oncePerMonths < 1) throw badInput(`oncePerMonths ${next.oncePerMonths} must be positive`);
      if (next.publicityMonths !== null && next.publicityMonths < 1) throw badInput(`publicityMonths ${next.publicityMonths} must be positive`);
      if (previous) await repository.update({ id: previous.id }, { effectiveTo: input.effectiveFrom });
      return repository.save(next);
    });
  }

  /** ENV_ADMIN: a new inspection multiple for a colour from a day not before today; stored draws keep the weights they used. */
  async setInspectionFrequency(ctx: HubContext, input: SetInspectionFrequencyInput): Promise<InspectionFrequencyEntity> {
    if (!/^\d{1,4}(\.\d{1,2})?$/.test(input.multiplier)) throw badInput(`multiplier "${input.multiplier}" must be a decimal such as 3.00`);
    if (input.effectiveFrom < today()) throw badInput(`effectiveFrom ${input.effectiveFrom} must not be before today (${today()})`);
    const legalBasis = requireLegalBasis(input.legalBasis);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const repository = manager.getRepository(InspectionFrequencyEntity);
      const versions = await lockVersions(manager, InspectionFrequencyEntity, { color: input.color });
      const previous = closePrevious(versions, input.effectiveFrom, `inspection frequency for ${input.color}`);
      await repository.update({ id: previous.id }, { effectiveTo: input.effectiveFrom });
      return repository.save(repository.create({ color: input.color, multiplier: input.multiplier, legalBasis, effectiveFrom: input.effectiveFrom, effectiveTo: null }));
    });
  }
}

type Versioned = { id: number; effectiveFrom: IsoDate; effectiveTo: IsoDate | null };

/** The versions of one series, locked so that two administrators cannot append at once. */
async function lockVersions<E extends Versioned>(
  manager: EntityManager,
  entity: new () => E,
  where: Partial<Record<keyof E, string>>,
): Promise<E[]> {
  const query = manager.getRepository(entity).createQueryBuilder('v').setLock('pessimistic_write').orderBy('v.effectiveFrom', 'ASC');
  for (const [key, value] of Object.entries(where) as [string, string][]) query.andWhere(`v.${key} = :${key}`, { [key]: value });
  return query.getMany();
}

/** The open version the new one follows; refuses when a version starts on or after the new date. */
function closePrevious<E extends Versioned>(versions: E[], effectiveFrom: IsoDate, what: string): E {
  const later = versions.find((v) => v.effectiveFrom >= effectiveFrom);
  if (later) throw badInput(`a version of the ${what} already starts on ${later.effectiveFrom}; a new version must start after it`);
  const open = versions.find((v) => v.effectiveTo === null || v.effectiveTo > effectiveFrom);
  if (!open) throw badInput(`the ${what} has no version in force to follow`);
  return open;
}
