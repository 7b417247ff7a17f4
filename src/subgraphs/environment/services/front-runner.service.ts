import { writeTransaction } from '../../../shared/read-snapshot';
import type { DataSource } from 'typeorm';
import type { HubContext } from '../../../shared/context';
import { addMonths, today } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { CreditEventEntity } from '../entities/credit-event.entity';
import { frontRunnerLoader } from '../loaders/environment.loader';
import { FrontRunnerEntity } from '../entities/front-runner.entity';
import type { DesignateFrontRunnerInput, DesignateFrontRunnerPayload, FrontRunnerDesignation } from '../types/front-runner.type';
import { requiredText } from './ids';
import type { PolicyService } from './policy.service';
import type { CurrentRatingService } from './current-rating.service';
import { scoredEvents } from '../rules/scoring';
import type { RatingService } from './rating.service';
import type { SubjectScopeService } from './subject-scope.service';
import { frontRunnerLapse, frontRunnerPeriods, policyOn } from '../rules/scoring';

/**
 * Environmental front-runner designations (DOMAIN.md §3, §10): GREEN for a subject rated for at least
 * the policy's clean period with no deduction in it; a deduction dated inside that window, recorded
 * before or after the designation, ends it (see `frontRunnerPeriods`).
 */
export class FrontRunnerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
    private readonly subjects: SubjectScopeService,
    private readonly current: CurrentRatingService,
    private readonly ratings: RatingService,
  ) {}

  /**
   * The subject's designations, oldest first, each with the day it lapsed (null while it holds; on or
   * before its own day when a deduction inside its clean window, recorded later, voided it from the
   * start). Null when the subject is not rated. Batched: the rating basis's loaders already hold the rows.
   */
  async designationsOf(ctx: HubContext, uscc: string): Promise<FrontRunnerDesignation[] | null> {
    const subject = await this.subjects.subject(ctx, uscc);
    if (!subject) return null;
    const [policies, { events }, rows] = await Promise.all([
      this.policies.policiesFor(ctx, subject.subjectKind),
      this.ratings.basisOf(ctx, subject),
      frontRunnerLoader(ctx, this.dataSource).load(uscc),
    ]);
    const counted = scoredEvents(events);
    return rows.map((row) => ({
      id: String(row.id),
      uscc: row.uscc,
      designatedOn: row.designatedOn,
      decisionNo: row.decisionNo,
      lapsedOn: frontRunnerLapse(row, counted, policies),
    }));
  }

  async designate(ctx: HubContext, input: DesignateFrontRunnerInput): Promise<DesignateFrontRunnerPayload> {
    const decisionNo = requiredText(input.decisionNo, 'decisionNo', 200);
    const designatedOn = input.designatedOn ?? today();
    if (designatedOn > today()) throw badInput(`designatedOn ${designatedOn} is in the future`);
    return writeTransaction(ctx, this.dataSource, async (manager) => {
      const subject = await this.subjects.lockSubject(manager, ctx, input.uscc);
      if (!subject) throw badInput(`${input.uscc} is not a rated subject`);
      if (designatedOn < subject.ratedFrom) throw badInput(`designatedOn ${designatedOn} is before ${input.uscc} was rated (${subject.ratedFrom})`);
      const policies = await this.policies.policiesFor(ctx, subject.subjectKind);
      const policy = policyOn(policies, designatedOn);
      if (!policy) throw badInput(`no scoring policy is in force on ${designatedOn}`);
      // DOMAIN.md §10: the clean period is one the subject spent in the rating scope, not one before it.
      const cleanSince = addMonths(designatedOn, -policy.frontRunnerCleanMonths);
      if (subject.ratedFrom > cleanSince) {
        throw badInput(
          `${input.uscc} cannot be designated front-runner on ${designatedOn}: it has been rated since ${subject.ratedFrom}, and designation needs ${policy.frontRunnerCleanMonths} months in the rating scope (from ${addMonths(subject.ratedFrom, policy.frontRunnerCleanMonths)})`,
        );
      }
      const events = scoredEvents(await manager.getRepository(CreditEventEntity).find({ where: { uscc: input.uscc }, order: { occurredOn: 'ASC' } }));
      const deduction = events.find((e) => e.points < 0 && e.occurredOn > cleanSince);
      if (deduction) {
        throw badInput(
          `${input.uscc} cannot be designated front-runner: ${deduction.type} (${deduction.points}) on ${deduction.occurredOn} is a deduction within the ${policy.frontRunnerCleanMonths} months before ${designatedOn}`,
        );
      }
      const repository = manager.getRepository(FrontRunnerEntity);
      const designations = await repository.find({ where: { uscc: input.uscc } });
      const holding = frontRunnerPeriods(designations, events, policies).find((p) => p.until === null);
      if (holding) throw badInput(`${input.uscc} is already a front-runner since ${holding.from}`);
      const row = repository.create({ uscc: input.uscc, designatedOn, decisionNo, designatedBy: ctx.principal.clientId });
      await repository.save(row);
      const rating = await this.current.refresh(manager, ctx, subject);
      return {
        designation: { id: String(row.id), uscc: row.uscc, designatedOn, decisionNo, lapsedOn: null },
        ratingAfter: rating && { ...rating, ratedOn: today() },
      };
    });
  }
}
