import { allow, type IRules } from 'graphql-shield';
import { anyone, anyPartner, roleIn, SUPERVISORS } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/** The credit office's cells of the CONTRACT.md permission table; anything unnamed is denied. */
export const creditPermissions: IRules = {
  Query: {
    ...FEDERATION_PLUMBING_RULES.Query,
    measureCatalog: anyPartner,
    measureFeedbackRollup: roleIn('CREDIT_OFFICE', 'ENV_ADMIN'),
  },
  Mutation: {
    defineMeasure: roleIn('CREDIT_OFFICE'),
    designateCreditListing: roleIn('CREDIT_OFFICE'),
    removeCreditListing: roleIn('CREDIT_OFFICE'),
    // Implementing agencies; the service checks that the measure is of the caller's kind.
    reportMeasureFeedback: roleIn(...SUPERVISORS, 'BANK', 'UTILITY'),
  },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: anyone,
    creditListings: roleIn(...SUPERVISORS, 'BANK'),
    // Inaccessible to clients: only the gateway asks for it, to satisfy finance's @requires.
    creditListingFacts: anyone,
    publicPenaltyRecords: roleIn(...SUPERVISORS, 'BANK'),
    dishonestDebtorRecords: roleIn(...SUPERVISORS, 'BANK'),
    // BANK and UTILITY see their own kind of measure only (row scope in JointMeasureService).
    jointMeasures: roleIn(...SUPERVISORS, 'BANK', 'UTILITY'),
    sewageFee: roleIn('ENV_ADMIN', 'CREDIT_OFFICE', 'UTILITY'),
    electricitySurcharge: roleIn('ENV_ADMIN', 'CREDIT_OFFICE', 'UTILITY'),
  },
  CreditListing: allow,
  PenaltyRecord: {
    '*': allow,
    // Personal data: as `legalRepresentative` of CONTRACT.md.
    legalRepresentative: roleIn(...SUPERVISORS),
  },
  DishonestDebtorRecord: allow,
  Measure: allow,
  AppliedMeasure: allow,
  MeasureFeedback: allow,
  MeasureFeedbackRollup: allow,
  SewageFee: allow,
  ElectricitySurcharge: allow,
};
