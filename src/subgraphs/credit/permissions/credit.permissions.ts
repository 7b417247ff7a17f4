import { allow, type IRules } from 'graphql-shield';
import { anyone, roleIn, SUPERVISORS } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/** The credit office's cells of the CONTRACT.md permission table; anything unnamed is denied. */
export const creditPermissions: IRules = {
  Query: { ...FEDERATION_PLUMBING_RULES.Query },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: anyone,
    creditListings: roleIn(...SUPERVISORS, 'BANK'),
  },
  CreditListing: allow,
};
