import { allow, type IRules } from 'graphql-shield';
import { inputInScope, tableRule } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/**
 * Market supervision's fields, each bound to its row of PERMISSION_TABLE (CONTRACT.md); anything
 * unnamed is denied. Row scope (district, rated-only for PUBLIC) is applied in RegistrationService.
 */
export const marketPermissions: IRules = {
  Query: {
    ...FEDERATION_PLUMBING_RULES.Query,
    enterprise: tableRule('Query.enterprise'),
    enterprises: tableRule('Query.enterprises'),
    searchEnterprises: tableRule('Query.searchEnterprises'),
    subjectsListedBetween: tableRule('Query.subjectsListedBetween'),
  },
  Mutation: {
    registerEnterprise: tableRule('Mutation.registerEnterprise', inputInScope),
    addMarketListing: tableRule('Mutation.addMarketListing'),
    removeMarketListing: tableRule('Mutation.removeMarketListing'),
  },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: tableRule('Enterprise.uscc'),
    name: tableRule('Enterprise.name'),
    districtCode: tableRule('Enterprise.districtCode'),
    districtInCity: tableRule('Enterprise.districtInCity'),
    registrationStatus: tableRule('Enterprise.registrationStatus'),
    industryCode: tableRule('Enterprise.industryCode'),
    registeredOn: tableRule('Enterprise.registeredOn'),
    enterpriseType: tableRule('Enterprise.enterpriseType'),
    registeredCapital: tableRule('Enterprise.registeredCapital'),
    address: tableRule('Enterprise.address'),
    legalRepresentative: tableRule('Enterprise.legalRepresentative'),
    legalRepresentativeIdNumber: tableRule('Enterprise.legalRepresentativeIdNumber'),
    marketListings: tableRule('Enterprise.marketListings'),
    // Inaccessible to clients: only the gateway asks for it, to satisfy the credit office's @requires.
    marketListingFacts: tableRule('Enterprise.marketListingFacts'),
  },
  // Value types: reachable only through a guarded field above.
  MarketListing: allow,
  EnterpriseConnection: allow,
  EnterpriseEdge: allow,
  PageInfo: allow,
};
