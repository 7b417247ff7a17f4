import { allow, type IRules } from 'graphql-shield';
import { anyone, anyPartner, ENV_STAFF, roleIn, SUPERVISORS } from '../../../shared/auth/rules';
import { FEDERATION_PLUMBING_RULES } from '../../../shared/federation';

/**
 * The environment bureau's cells of the CONTRACT.md permission table; anything unnamed is denied.
 * ENV_ADMIN administers (policy, voiding, reviews, snapshots, imports); ENV_OFFICER works its own
 * district (the services apply the row scope); the credit office reads the record.
 */
const ENV_RECORD_READERS = roleIn(...ENV_STAFF, 'CREDIT_OFFICE');

export const environmentPermissions: IRules = {
  Query: {
    ...FEDERATION_PLUMBING_RULES.Query,
    colorDistribution: roleIn(...SUPERVISORS, 'DASHBOARD'),
    creditNotice: ENV_RECORD_READERS,
    // Published rules with their legal basis: any authenticated partner may read them.
    scoringPolicies: anyPartner,
    eventTypeCatalog: anyPartner,
    inspectionFrequencies: anyPartner,
    inspectionDraw: roleIn(...ENV_STAFF),
  },
  Mutation: {
    enrollRatedSubject: roleIn('ENV_ADMIN'),
    recordCreditEvent: roleIn(...ENV_STAFF),
    voidCreditEvent: roleIn('ENV_ADMIN'),
    fileObjection: roleIn(...ENV_STAFF),
    reviewObjection: roleIn('ENV_ADMIN'),
    designateFrontRunner: roleIn('ENV_ADMIN'),
    takeHalfYearSnapshot: roleIn('ENV_ADMIN'),
    importLegacyRatings: roleIn('ENV_ADMIN'),
    addScoringPolicyVersion: roleIn('ENV_ADMIN'),
    addEventTypeVersion: roleIn('ENV_ADMIN'),
    setInspectionFrequency: roleIn('ENV_ADMIN'),
    drawInspections: roleIn(...ENV_STAFF),
    applyCreditRepair: roleIn(...ENV_STAFF),
    reviewCreditRepair: roleIn('ENV_ADMIN'),
  },
  _Service: FEDERATION_PLUMBING_RULES._Service,
  Enterprise: {
    uscc: anyone,
    envCredit: anyone,
    envCreditEvents: ENV_RECORD_READERS,
    envCreditHistory: ENV_RECORD_READERS,
    envCreditSnapshots: ENV_RECORD_READERS,
    envLegacyRatings: ENV_RECORD_READERS,
    envObjections: ENV_RECORD_READERS,
    envPenaltyDisclosures: ENV_RECORD_READERS,
    // 应公开、尽公开: published penalty summaries are for everyone.
    publicPenalties: anyone,
    // Inaccessible to clients: only the gateway asks for them, to satisfy other departments' @requires.
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
