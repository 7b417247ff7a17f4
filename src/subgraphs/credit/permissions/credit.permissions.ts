import { allow, type IRules } from 'graphql-shield';
import { tableRule } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/** The credit office's fields, each bound to its row of PERMISSION_TABLE; anything unnamed is denied. */
export const creditPermissions: IRules = {
  Query: {
    ...FEDERATION_PLUMBING_RULES.Query,
    measureCatalog: tableRule('Query.measureCatalog'),
    measureFeedbackRollup: tableRule('Query.measureFeedbackRollup'),
    // Like jointMeasures; the service keeps banks and utilities to their own kind of measure.
    measureSubjects: tableRule('Query.measureSubjects'),
    measureSubjectsConnection: tableRule('Query.measureSubjectsConnection'),
    // Hub-internal (@inaccessible): a search's credit-list facts.
    subjectsListedAmong: tableRule('Query.subjectsListedAmong'),
    priceSurcharges: tableRule('Query.priceSurcharges'),
    priceSurchargeRules: tableRule('Query.priceSurchargeRules'),
  },
  Mutation: {
    defineMeasure: tableRule('Mutation.defineMeasure'),
    setPriceSurcharge: tableRule('Mutation.setPriceSurcharge'),
    designateCreditListing: tableRule('Mutation.designateCreditListing'),
    removeCreditListing: tableRule('Mutation.removeCreditListing'),
    // Implementing agencies; the service checks that the measure is of the caller's kind.
    reportMeasureFeedback: tableRule('Mutation.reportMeasureFeedback'),
  },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: tableRule('Enterprise.uscc'),
    creditListings: tableRule('Enterprise.creditListings'),
    creditListingFacts: tableRule('Enterprise.creditListingFacts'),
    publicPenaltyRecords: tableRule('Enterprise.publicPenaltyRecords'),
    publicPenaltyRecordsConnection: tableRule('Enterprise.publicPenaltyRecordsConnection'),
    dishonestDebtorRecords: tableRule('Enterprise.dishonestDebtorRecords'),
    // BANK and UTILITY see their own kind of measure only (row scope in JointMeasureService).
    jointMeasures: tableRule('Enterprise.jointMeasures'),
    sewageFee: tableRule('Enterprise.sewageFee'),
    electricitySurcharge: tableRule('Enterprise.electricitySurcharge'),
  },
  // Value types: reachable only through a guarded field above.
  CreditListing: allow,
  PenaltyRecord: {
    '*': allow,
    // Personal data: as `legalRepresentative` of CONTRACT.md.
    legalRepresentative: tableRule('PenaltyRecord.legalRepresentative'),
  },
  DishonestDebtorRecord: allow,
  PenaltyRecordConnection: allow,
  PenaltyRecordEdge: allow,
  MeasureSubjectConnection: allow,
  MeasureSubjectEdge: allow,
  PageInfo: allow,
  Measure: allow,
  AppliedMeasure: allow,
  MeasureFeedback: allow,
  MeasureFeedbackRollup: {
    '*': allow,
    // The subjects behind the counts: for the bureau and the credit office (the dashboard sees totals).
    dueSubjects: tableRule('MeasureFeedbackRollup.dueSubjects'),
    reportedSubjects: tableRule('MeasureFeedbackRollup.reportedSubjects'),
  },
  SewageFee: allow,
  ElectricitySurcharge: allow,
  // The price list's value types: reachable only through priceSurcharges.
  PriceSurchargeConnection: allow,
  PriceSurchargeEdge: allow,
  PriceSurchargeEntry: allow,
  SurchargeCorrection: allow,
  PriceSurchargeRule: allow,
};
