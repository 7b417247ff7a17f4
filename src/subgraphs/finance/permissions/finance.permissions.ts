import { allow, type IRules } from 'graphql-shield';
import { tableRule } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/** Finance's fields, each bound to its row of PERMISSION_TABLE; anything unnamed is denied. */
export const financePermissions: IRules = {
  Query: { ...FEDERATION_PLUMBING_RULES.Query, restrictionRules: tableRule('Query.restrictionRules') },
  Mutation: { setRestrictionRule: tableRule('Mutation.setRestrictionRule') },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: tableRule('Enterprise.uscc'),
    creditRestriction: tableRule('Enterprise.creditRestriction'),
  },
  // Value types: reachable only through a guarded field above.
  CreditRestriction: allow,
  RestrictionRule: allow,
};
