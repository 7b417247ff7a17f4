import { allow, type IRules } from 'graphql-shield';
import { anyone, roleIn, SUPERVISORS } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/** Market supervision's cells of the CONTRACT.md permission table; anything unnamed is denied. */
export const marketPermissions: IRules = {
  Query: {
    ...FEDERATION_PLUMBING_RULES.Query,
    enterprise: anyone,
    enterprises: anyone,
  },
  Mutation: {
    registerEnterprise: roleIn('MARKET_REGULATOR', 'ENV_ADMIN'),
    addMarketListing: roleIn('MARKET_REGULATOR'),
    removeMarketListing: roleIn('MARKET_REGULATOR'),
  },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: anyone,
    name: anyone,
    districtCode: anyone,
    registrationStatus: roleIn(...SUPERVISORS, 'BANK', 'DASHBOARD'),
    industryCode: roleIn(...SUPERVISORS, 'BANK', 'DASHBOARD'),
    registeredOn: roleIn(...SUPERVISORS, 'BANK', 'DASHBOARD'),
    enterpriseType: roleIn(...SUPERVISORS, 'BANK', 'DASHBOARD'),
    registeredCapital: roleIn(...SUPERVISORS, 'BANK'),
    address: roleIn(...SUPERVISORS, 'BANK'),
    legalRepresentative: roleIn(...SUPERVISORS),
    legalRepresentativeIdNumber: roleIn('ENV_ADMIN', 'MARKET_REGULATOR'),
    marketListings: roleIn(...SUPERVISORS, 'BANK'),
    // Inaccessible to clients: only the gateway asks for it, to satisfy the credit office's @requires.
    marketListingFacts: anyone,
  },
  MarketListing: allow,
};
