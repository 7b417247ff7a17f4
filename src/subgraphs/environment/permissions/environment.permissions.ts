import { allow, type IRules } from 'graphql-shield';
import { inputInScope, tableRule } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/**
 * The environment bureau's fields, each bound to its row of PERMISSION_TABLE (CONTRACT.md);
 * anything unnamed is denied. Row scope is applied in RatingService and `__resolveReference`.
 */
export const environmentPermissions: IRules = {
  Query: {
    ...FEDERATION_PLUMBING_RULES.Query,
    colorDistribution: tableRule('Query.colorDistribution'),
  },
  Mutation: {
    enrollRatedSubject: tableRule('Mutation.enrollRatedSubject', inputInScope),
    recordCreditEvent: tableRule('Mutation.recordCreditEvent', inputInScope),
  },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: tableRule('Enterprise.uscc'),
    envCredit: tableRule('Enterprise.envCredit'),
    envCreditEvents: tableRule('Enterprise.envCreditEvents'),
    envColorTimeline: tableRule('Enterprise.envColorTimeline'),
    envHalfYearSnapshots: tableRule('Enterprise.envHalfYearSnapshots'),
  },
  EnvCredit: {
    color: tableRule('EnvCredit.color'),
    ratedOn: tableRule('EnvCredit.ratedOn'),
    score: tableRule('EnvCredit.score'),
  },
  // Value types: reachable only through a guarded field above.
  ColorPeriod: allow,
  HalfYearSnapshot: allow,
  CreditEvent: allow,
  ColorBucket: allow,
  RecordCreditEventPayload: allow,
  CreditNotice: allow,
};
