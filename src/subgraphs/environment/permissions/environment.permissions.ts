import { allow, type IRules } from 'graphql-shield';
import { anyone, ENV_STAFF, roleIn, SUPERVISORS } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/** The environment bureau's cells of the CONTRACT.md permission table; anything unnamed is denied. */
export const environmentPermissions: IRules = {
  Query: {
    ...FEDERATION_PLUMBING_RULES.Query,
    colorDistribution: roleIn(...SUPERVISORS, 'DASHBOARD'),
  },
  Mutation: {
    enrollRatedSubject: roleIn('ENV_ADMIN'),
    recordCreditEvent: roleIn(...ENV_STAFF),
  },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: anyone,
    envCredit: anyone,
    envCreditEvents: roleIn(...ENV_STAFF, 'CREDIT_OFFICE'),
    // Inaccessible to clients: only the gateway asks for it, to satisfy other departments' @requires.
    envColorTimeline: anyone,
    envHalfYearSnapshots: anyone,
  },
  EnvCredit: {
    color: anyone,
    ratedOn: anyone,
    score: roleIn(...SUPERVISORS, 'DASHBOARD'),
  },
  ColorPeriod: allow,
  HalfYearSnapshot: allow,
  CreditEvent: allow,
  ColorBucket: allow,
  RecordCreditEventPayload: allow,
  CreditNotice: allow,
};
