import { ROLES, type Role } from './principal';

const ALL: readonly Role[] = ROLES;
const PARTNERS: readonly Role[] = ROLES.filter((role) => role !== 'PUBLIC');
const SUPERVISORS: readonly Role[] = ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR'];

/**
 * The permission table of CONTRACT.md "Roles and fields", field coordinate → roles that may read it,
 * plus the operations each role may call. This is the single source of the role concern: the
 * subgraphs' rule trees reference it by coordinate (`tableRule`), the generated matrix
 * (schema/permissions.md) shows what the trees make of it, and the acceptance test walks it.
 *
 * Rows for fields that a subgraph does not define (yet) are harmless: a rule tree names only the
 * fields its schema has. Adding a field = a row here (when the contract adds one) and one line in the
 * owning subgraph's permissions file.
 *
 * Row scope (ENV_OFFICER: own district; PUBLIC: rated subjects only) is not a column here: it is
 * applied by the services and every `__resolveReference` (see scope.ts, subject-scope.ts).
 */
export const PERMISSION_TABLE = {
  // Enterprise, CONTRACT.md table, row by row.
  'Enterprise.uscc': ALL,
  'Enterprise.name': ALL,
  'Enterprise.districtCode': ALL,
  'Enterprise.districtInCity': ALL,
  'Enterprise.registrationStatus': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'DASHBOARD'],
  'Enterprise.industryCode': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'DASHBOARD'],
  // Not in the contract's table: registration data, shown like registrationStatus.
  'Enterprise.registeredOn': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'DASHBOARD'],
  'Enterprise.enterpriseType': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'DASHBOARD'],
  'Enterprise.registeredCapital': [...SUPERVISORS, 'BANK'],
  'Enterprise.address': [...SUPERVISORS, 'BANK'],
  'Enterprise.legalRepresentative': SUPERVISORS,
  'Enterprise.legalRepresentativeIdNumber': ['ENV_ADMIN', 'MARKET_REGULATOR'],
  'Enterprise.envCredit': ALL,
  'EnvCredit.color': ALL,
  'EnvCredit.ratedOn': ALL,
  'EnvCredit.score': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'DASHBOARD'],
  'Enterprise.envCreditEvents': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  // Not in the contract's table: the rest of the bureau's record, shown like envCreditEvents.
  'Enterprise.envCreditHistory': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  'Enterprise.envCreditSnapshots': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  'Enterprise.envLegacyRatings': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  'Enterprise.envObjections': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  'Enterprise.envPenaltyDisclosures': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  // 应公开、尽公开: published (unrepaired, in-window) penalty summaries are for everyone.
  'Enterprise.publicPenalties': ALL,
  'Enterprise.marketListings': [...SUPERVISORS, 'BANK'],
  'Enterprise.creditListings': [...SUPERVISORS, 'BANK'],
  // BANK and UTILITY see only the measures their own kind implements (row filter: JointMeasureService).
  'Enterprise.jointMeasures': [...SUPERVISORS, 'BANK', 'UTILITY'],
  'Enterprise.creditRestriction': ['ENV_ADMIN', 'CREDIT_OFFICE', 'BANK'],
  'Enterprise.sewageFee': ['ENV_ADMIN', 'CREDIT_OFFICE', 'UTILITY'],
  // Not in the contract's table: the other price measure, shown like sewageFee.
  'Enterprise.electricitySurcharge': ['ENV_ADMIN', 'CREDIT_OFFICE', 'UTILITY'],
  // Not in the contract's table: public credit records, shown like the listings.
  'Enterprise.publicPenaltyRecords': [...SUPERVISORS, 'BANK'],
  'Enterprise.dishonestDebtorRecords': [...SUPERVISORS, 'BANK'],
  // Personal data inside a public record: as Enterprise.legalRepresentative.
  'PenaltyRecord.legalRepresentative': SUPERVISORS,
  // @inaccessible: never served to clients; the gateway asks for them to satisfy other departments'
  // @requires under the caller's principal, so every role that may read a dependent field needs them.
  'Enterprise.envColorTimeline': ALL,
  'Enterprise.envHalfYearSnapshots': ALL,
  'Enterprise.marketListingFacts': ALL,
  'Enterprise.creditListingFacts': ALL,

  // Queries.
  'Query.enterprise': ALL,
  'Query.enterprises': ALL,
  'Query.colorDistribution': [...SUPERVISORS, 'DASHBOARD'],
  'Query.measureCatalog': PARTNERS,
  'Query.creditNotice': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  // Published rules with their legal basis.
  'Query.scoringPolicies': PARTNERS,
  'Query.eventTypeCatalog': PARTNERS,
  'Query.inspectionFrequencies': PARTNERS,
  'Query.inspectionDraw': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Query.measureFeedbackRollup': ['ENV_ADMIN', 'CREDIT_OFFICE'],
  // Not in the contract's table: who is subject to a measure, for those who may see jointMeasures.
  'Query.measureSubjects': [...SUPERVISORS, 'BANK', 'UTILITY'],
  'Query.auditLog': ['ENV_ADMIN', 'CREDIT_OFFICE', 'MARKET_REGULATOR'],
  'Query.verifyAuditChain': ['ENV_ADMIN'],
  'Query.apiClients': ['ENV_ADMIN'],
  // Each partner's own webhook subscriptions (a subscriber is told only what its role may read).
  'Query.webhookSubscriptions': PARTNERS,
  'Query.webhookDeliveries': PARTNERS,
  // @inaccessible: asked only by the hub itself (HUB_SYSTEM_PRINCIPAL) for the feedback roll-up.
  'Query.subjectsColoredBetween': ['ENV_ADMIN'],
  'Query.subjectsListedBetween': ['ENV_ADMIN'],

  // Mutations: checked before they run (shield evaluates the rule before the resolver).
  'Mutation.registerEnterprise': ['MARKET_REGULATOR', 'ENV_ADMIN'],
  'Mutation.enrollRatedSubject': ['ENV_ADMIN'],
  'Mutation.recordCreditEvent': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Mutation.reportMeasureFeedback': ['ENV_ADMIN', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'UTILITY'],
  'Mutation.voidCreditEvent': ['ENV_ADMIN'],
  'Mutation.fileObjection': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Mutation.reviewObjection': ['ENV_ADMIN'],
  'Mutation.designateFrontRunner': ['ENV_ADMIN'],
  'Mutation.takeHalfYearSnapshot': ['ENV_ADMIN'],
  'Mutation.importLegacyRatings': ['ENV_ADMIN'],
  'Mutation.addScoringPolicyVersion': ['ENV_ADMIN'],
  'Mutation.addEventTypeVersion': ['ENV_ADMIN'],
  'Mutation.setInspectionFrequency': ['ENV_ADMIN'],
  'Mutation.drawInspections': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Mutation.applyCreditRepair': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Mutation.reviewCreditRepair': ['ENV_ADMIN'],
  'Mutation.followRegistrationDistrict': ['ENV_ADMIN'],
  'Mutation.addMarketListing': ['MARKET_REGULATOR'],
  'Mutation.removeMarketListing': ['MARKET_REGULATOR'],
  'Mutation.defineMeasure': ['CREDIT_OFFICE'],
  'Mutation.designateCreditListing': ['CREDIT_OFFICE'],
  'Mutation.removeCreditListing': ['CREDIT_OFFICE'],
  'Mutation.createApiClient': ['ENV_ADMIN'],
  'Mutation.rotateApiClientKey': ['ENV_ADMIN'],
  'Mutation.revokeApiClient': ['ENV_ADMIN'],
  'Mutation.createWebhookSubscription': PARTNERS,
  'Mutation.deleteWebhookSubscription': PARTNERS,
  'Mutation.replayWebhookDeliveries': PARTNERS,
  'Mutation.addWebhookWatchCodes': PARTNERS,
  'Mutation.removeWebhookWatchCodes': PARTNERS,
  'Mutation.rotateWebhookSecret': PARTNERS,
} as const satisfies Record<string, readonly Role[]>;

export type FieldCoordinate = keyof typeof PERMISSION_TABLE;

export function rolesFor(coordinate: FieldCoordinate): readonly Role[] {
  return PERMISSION_TABLE[coordinate];
}
