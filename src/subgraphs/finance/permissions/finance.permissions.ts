import { allow, type IRules } from 'graphql-shield';
import { anyone, roleIn } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/** Finance's cells of the CONTRACT.md permission table; anything unnamed is denied. */
export const financePermissions: IRules = {
  Query: { ...FEDERATION_PLUMBING_RULES.Query },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: anyone,
    creditRestriction: roleIn('ENV_ADMIN', 'CREDIT_OFFICE', 'BANK'),
  },
  CreditRestriction: allow,
};
