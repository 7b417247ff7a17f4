import { inForceBetween } from '../../../shared/in-force';
import type { DataSource } from 'typeorm';
import type { Role } from '../../../shared/auth/principal';
import { registeredDistrict } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import { today, type IsoDate } from '../../../shared/dates';
import { isUniqueViolation } from '../../../shared/database';
import { badInput, forbidden, notFound } from '../../../shared/errors';
import { readManager, writeTransaction } from '../../../shared/read-snapshot';
import { MeasureFeedbackEntity } from '../entities/measure-feedback.entity';
import type { MeasureEntity } from '../entities/measure.entity';
import { FeedbackOutcome, type MeasureFeedback, type MeasureFeedbackRollup } from '../types/measure-feedback.type';
import type { MeasureFeedbackInput } from '../types/measure-feedback.input';
import { inForce, toMeasure, type MeasureCatalogService } from './measure-catalog.service';
import type { MeasureDueService } from './measure-due.service';

/**
 * Which measures a role reports on: the implementing agency reports back (DOMAIN.md §5). The credit
 * office may report any measure for an agency without a hub account.
 */
const REPORTABLE_KIND: Partial<Record<Role, string>> = {
  BANK: 'BANK',
  UTILITY: 'UTILITY',
  MARKET_REGULATOR: 'MARKET_SUPERVISION',
  ENV_ADMIN: 'ENVIRONMENT',
  ENV_OFFICER: 'ENVIRONMENT',
};

/** Feedback from implementing agencies, and the initiating bureau's roll-up of it. */
export class MeasureFeedbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: MeasureCatalogService,
    private readonly due: MeasureDueService,
  ) {}

  async report(ctx: HubContext, input: MeasureFeedbackInput): Promise<MeasureFeedback> {
    const { principal } = ctx;
    if (input.appliedOn > today()) throw badInput(`appliedOn ${input.appliedOn} is in the future`);
    const note = input.note?.trim() || null;
    if (input.outcome === FeedbackOutcome.NOT_APPLIED && !note) {
      throw badInput(`outcome NOT_APPLIED for measure ${input.measureCode} needs a note giving the reason`);
    }
    // Feedback is about a subject the hub knows: one registered with market supervision.
    if ((await registeredDistrict(ctx, input.uscc)) === null) throw badInput(`${input.uscc} is not a registered subject; no feedback can be reported on it`);
    const versions = (await this.catalog.versions(ctx)).filter((row) => row.code === input.measureCode);
    if (versions.length === 0) throw notFound(`no measure ${input.measureCode} in the catalogue`);
    const version = versions.find((row) => inForce(row, input.appliedOn));
    if (!version) throw badInput(`measure ${input.measureCode} is not in force on ${input.appliedOn}`);
    const reportable = REPORTABLE_KIND[principal.role];
    if (principal.role !== 'CREDIT_OFFICE' && reportable !== version.agencyKind) {
      throw forbidden(
        `${principal.role} may report only on measures implemented by ${reportable ?? 'no'} agencies; ${input.measureCode} is implemented by ${version.implementingAgency} (${version.agencyKind})`,
      );
    }
    if (input.onBehalfOf && principal.role !== 'CREDIT_OFFICE') throw badInput('onBehalfOf is for the credit office only');
    const agency = input.onBehalfOf?.trim() || principal.agency || principal.clientName;
    const businessRef = input.businessRef?.trim() || null;
    ctx.touchedUsccs.add(input.uscc);
    let row: MeasureFeedbackEntity;
    try {
      row = await writeTransaction(ctx, this.dataSource, (manager) => {
        const repository = manager.getRepository(MeasureFeedbackEntity);
        return repository.save(
          repository.create({
            uscc: input.uscc,
            measureCode: input.measureCode,
            outcome: input.outcome,
            appliedOn: input.appliedOn,
            businessRef,
            note,
            agency,
            reportedBy: principal.clientId,
            reportedRole: principal.role,
          }),
        );
      });
    } catch (error) {
      // One report per agency, measure, subject and business reference (a client's retry, a re-sent feed line).
      if (isUniqueViolation(error, 'measure_feedback_business_ref_key')) {
        throw badInput(`feedback with businessRef "${businessRef}" was already reported by ${agency} for measure ${input.measureCode} and ${input.uscc}`);
      }
      throw error;
    }
    return {
      id: String(row.id),
      uscc: row.uscc,
      measureCode: row.measureCode,
      outcome: row.outcome as FeedbackOutcome,
      appliedOn: row.appliedOn,
      businessRef: row.businessRef,
      note: row.note,
      agency: row.agency,
      legalBasis: version.legalBasis,
    };
  }

  /**
   * Per measure and reporting agency, feedback with `appliedOn` in [from, to]: subjects reported and
   * outcomes. Every measure in force on `to` has at least one row, so gaps show. Two statements.
   */
  async rollup(ctx: HubContext, from: IsoDate, to: IsoDate): Promise<MeasureFeedbackRollup[]> {
    if (from > to) throw badInput(`from ${from} is after to ${to}`);
    const manager = await readManager(ctx, this.dataSource);
    const [versions, counts] = await Promise.all([
      this.catalog.versions(ctx),
      manager.query<{ measure_code: string; agency: string; subjects: number; usccs: string[]; applied: number; not_applied: number; exempted: number }[]>(
        // Per subject first, then per measure and agency: both groupings stream over the index
        // measure_feedback_rollup_idx in its order (no sort; DISTINCT aggregates would sort each group).
        `SELECT measure_code, agency, COUNT(*)::int AS subjects, ARRAY_AGG(uscc) AS usccs,
                SUM(applied)::int AS applied, SUM(not_applied)::int AS not_applied, SUM(exempted)::int AS exempted
           FROM (SELECT measure_code, agency, uscc,
                        COUNT(*) FILTER (WHERE outcome = 'APPLIED') AS applied,
                        COUNT(*) FILTER (WHERE outcome = 'NOT_APPLIED') AS not_applied,
                        COUNT(*) FILTER (WHERE outcome = 'EXEMPTED') AS exempted
                   FROM credit.measure_feedback
                  WHERE applied_on BETWEEN $1 AND $2
                  GROUP BY measure_code, agency, uscc) per_subject
          GROUP BY measure_code, agency
          ORDER BY measure_code, agency`,
        [from, to],
      ),
    ]);
    // The version in force on `to`, else the latest one, names each measure.
    const byCode = new Map<string, MeasureEntity>();
    for (const row of versions) {
      const known = byCode.get(row.code);
      if (!known || inForce(row, to) || (!inForce(known, to) && row.effectiveFrom > known.effectiveFrom)) byCode.set(row.code, row);
    }
    const dueSubjects = await this.due.subjectsDue(ctx, [...byCode.values()], from, to);
    const dueOf = (measure: MeasureEntity): number | null => dueSubjects.get(measure.code)?.size ?? null;
    // The due subjects' list is sorted only when asked for (the dashboard asks for counts only; a
    // measure can be due for tens of thousands of subjects), once per measure.
    const dueLists = new Map<string, string[] | null>();
    const dueListOf = (measure: MeasureEntity): string[] | null => {
      if (!dueLists.has(measure.code)) {
        const due = dueSubjects.get(measure.code);
        dueLists.set(measure.code, due ? [...due].sort() : null);
      }
      return dueLists.get(measure.code)!;
    };
    const withDueList = (row: Omit<MeasureFeedbackRollup, 'dueSubjects'>, measure: MeasureEntity): MeasureFeedbackRollup =>
      Object.defineProperty(row, 'dueSubjects', { get: () => dueListOf(measure), enumerable: true }) as MeasureFeedbackRollup;
    const notDueOf = (measure: MeasureEntity, reported: string[]): number | null => {
      const due = dueSubjects.get(measure.code);
      return due ? reported.filter((uscc) => !due.has(uscc)).length : null;
    };
    const rows: MeasureFeedbackRollup[] = [];
    for (const measure of byCode.values()) {
      const reported = counts.filter((c) => c.measure_code === measure.code);
      if (reported.length === 0 && !versions.some((v) => v.code === measure.code && inForceBetween(v, from, to))) continue;
      const base = { measure: toMeasure(measure), subjectsDue: dueOf(measure) };
      if (reported.length === 0) {
        const row = { ...base, agency: null, subjectsReported: 0, reportedSubjects: [], subjectsReportedNotDue: base.subjectsDue === null ? null : 0, applied: 0, notApplied: 0, exempted: 0 };
        rows.push(withDueList(row, measure));
      }
      for (const c of reported) {
        const row = {
          ...base,
          agency: c.agency,
          subjectsReported: c.subjects,
          reportedSubjects: [...c.usccs].sort(),
          subjectsReportedNotDue: notDueOf(measure, c.usccs),
          applied: c.applied,
          notApplied: c.not_applied,
          exempted: c.exempted,
        };
        rows.push(withDueList(row, measure));
      }
    }
    return rows;
  }
}
