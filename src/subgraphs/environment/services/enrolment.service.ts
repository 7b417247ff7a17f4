/**
 * Enrolment: bringing a subject into the rating scope (`enrollRatedSubject`). Contract: the subject
 * must be registered with market supervision, and its supervising district is the registration's,
 * never one the caller states (a stated district must agree); the caller must see that district;
 * `ratedFrom` is not in the future and a scoring policy for the subject kind is in force on it. The
 * `rated_subject` row is inserted in one transaction with its current rating already stored
 * (`currentColumns`), so the first read needs no refresh; a subject already rated is refused.
 */
import type { DataSource } from 'typeorm';
import { registeredDistrict, subjectVisible } from '../../../shared/auth/subject-scope';
import type { HubContext } from '../../../shared/context';
import { today } from '../../../shared/dates';
import { badInput } from '../../../shared/errors';
import { RatedSubjectEntity } from '../entities/rated-subject.entity';
import { ratingOn } from '../rules/scoring';
import type { EnrollRatedSubjectInput } from '../types/enroll-rated-subject.input';
import type { EnvCredit } from '../types/env-credit.type';
import { storeColorPeriods } from './color-period.service';
import { currentColumns } from './current-rating.service';
import { SUBJECT_KINDS, type PolicyService } from './policy.service';
import { ratingBasis } from '../rules/scoring';

/** Brings subjects into the rating scope (ENV_ADMIN's `enrollRatedSubject`). */
export class EnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: PolicyService,
  ) {}

  /** Brings a subject into the rating scope; it starts at its policy's start score on `ratedFrom`. */
  async enroll(ctx: HubContext, input: EnrollRatedSubjectInput): Promise<EnvCredit> {
    const subjectKind = input.subjectKind ?? 'ENTERPRISE';
    if (!(SUBJECT_KINDS as readonly string[]).includes(subjectKind)) {
      throw badInput(`subjectKind "${subjectKind}" must be one of ${SUBJECT_KINDS.join(', ')}`);
    }
    // The supervising district is the registration's (market supervision), never one of our own:
    // an unregistered code is refused, and a stated district must agree with the registration.
    const districtCode = await registeredDistrict(ctx, input.uscc);
    if (districtCode === null) throw badInput(`${input.uscc} is not registered with market supervision; register it before enrolling it`);
    if (input.districtCode != null && input.districtCode !== districtCode) {
      throw badInput(`districtCode ${input.districtCode} contradicts the registration of ${input.uscc}, which is in district ${districtCode}`);
    }
    if (!(await subjectVisible(ctx, input.uscc, { districtCode }))) {
      throw badInput(`district ${districtCode} of ${input.uscc} is outside the caller's district`);
    }
    if (input.ratedFrom > today()) throw badInput(`ratedFrom ${input.ratedFrom} is in the future`);
    const policies = await this.policies.policiesFor(ctx, subjectKind);
    const basis = ratingBasis(input.ratedFrom, policies, [], []);
    const initial = ratingOn(basis, input.ratedFrom);
    if (!initial) throw badInput(`no scoring policy for ${subjectKind} is in force on ${input.ratedFrom}`);
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(RatedSubjectEntity);
      const existing = await repository.findOneBy({ uscc: input.uscc });
      if (existing) throw badInput(`${input.uscc} is already rated (since ${existing.ratedFrom})`);
      await repository.insert({
        uscc: input.uscc,
        subjectKind,
        districtCode,
        industryCode: input.industryCode ?? null,
        ratedFrom: input.ratedFrom,
        knownOn: today(),
        ...currentColumns(basis, today()),
      });
      await storeColorPeriods(manager, [{ subject: { uscc: input.uscc, districtCode, industryCode: input.industryCode ?? null }, basis }]);
    });
    ctx.touchedUsccs.add(input.uscc);
    return { color: initial.color, score: initial.score, ratedOn: input.ratedFrom };
  }
}
