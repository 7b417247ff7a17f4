import { allow, type IRules } from 'graphql-shield';
import { inputInScope, tableRule } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/**
 * The environment bureau's fields, each bound to its row of PERMISSION_TABLE (CONTRACT.md);
 * anything unnamed is denied. ENV_ADMIN administers (policy, voiding, reviews, snapshots, imports);
 * ENV_OFFICER works its own district (the services and `__resolveReference` apply the row scope);
 * the credit office reads the record.
 */
export const environmentPermissions: IRules = {
  Query: {
    ...FEDERATION_PLUMBING_RULES.Query,
    colorDistribution: tableRule('Query.colorDistribution'),
    creditNotice: tableRule('Query.creditNotice'),
    scoringPolicies: tableRule('Query.scoringPolicies'),
    eventTypeCatalog: tableRule('Query.eventTypeCatalog'),
    inspectionFrequencies: tableRule('Query.inspectionFrequencies'),
    inspectionDraw: tableRule('Query.inspectionDraw'),
    subjectsColoredBetween: tableRule('Query.subjectsColoredBetween'),
    colorTrend: tableRule('Query.colorTrend'),
    colorChanges: tableRule('Query.colorChanges'),
    colorBucketSubjects: tableRule('Query.colorBucketSubjects'),
    publishedRatings: tableRule('Query.publishedRatings'),
    recentInspectionDraws: tableRule('Query.recentInspectionDraws'),
  },
  Mutation: {
    enrollRatedSubject: tableRule('Mutation.enrollRatedSubject', inputInScope),
    recordCreditEvent: tableRule('Mutation.recordCreditEvent', inputInScope),
    voidCreditEvent: tableRule('Mutation.voidCreditEvent'),
    fileObjection: tableRule('Mutation.fileObjection', inputInScope),
    reviewObjection: tableRule('Mutation.reviewObjection'),
    designateFrontRunner: tableRule('Mutation.designateFrontRunner'),
    takeHalfYearSnapshot: tableRule('Mutation.takeHalfYearSnapshot'),
    importLegacyRatings: tableRule('Mutation.importLegacyRatings'),
    addScoringPolicyVersion: tableRule('Mutation.addScoringPolicyVersion'),
    addEventTypeVersion: tableRule('Mutation.addEventTypeVersion'),
    setInspectionFrequency: tableRule('Mutation.setInspectionFrequency'),
    drawInspections: tableRule('Mutation.drawInspections', inputInScope),
    applyCreditRepair: tableRule('Mutation.applyCreditRepair', inputInScope),
    reviewCreditRepair: tableRule('Mutation.reviewCreditRepair'),
    // Hub-internal (@inaccessible); the service also refuses any principal but the hub itself.
    followRegistrationDistrict: tableRule('Mutation.followRegistrationDistrict'),
  },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: tableRule('Enterprise.uscc'),
    envCredit: tableRule('Enterprise.envCredit'),
    envCreditEvents: tableRule('Enterprise.envCreditEvents'),
    envCreditHistory: tableRule('Enterprise.envCreditHistory'),
    envCreditSnapshots: tableRule('Enterprise.envCreditSnapshots'),
    envLegacyRatings: tableRule('Enterprise.envLegacyRatings'),
    envObjections: tableRule('Enterprise.envObjections'),
    envPenaltyDisclosures: tableRule('Enterprise.envPenaltyDisclosures'),
    publicPenalties: tableRule('Enterprise.publicPenalties'),
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
  ColorTrendPoint: allow,
  SubjectColorChange: allow,
  RecordCreditEventPayload: allow,
  VoidCreditEventPayload: allow,
  CreditNotice: allow,
  CreditColorChange: allow,
  CreditSnapshot: allow,
  HalfYearSnapshotRun: allow,
  LegacyRating: allow,
  ImportLegacyRatingsPayload: allow,
  Objection: allow,
  ReviewObjectionPayload: allow,
  FrontRunnerDesignation: allow,
  DesignateFrontRunnerPayload: allow,
  ScoringPolicy: allow,
  EventType: allow,
  InspectionFrequency: allow,
  InspectionDraw: allow,
  InspectionStratum: allow,
  DrawnSubject: allow,
  PublicPenalty: allow,
  PenaltyDisclosure: allow,
  CreditRepair: allow,
};
