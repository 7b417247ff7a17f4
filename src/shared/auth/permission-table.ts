import { ROLES, type Role } from './principal';

const ALL: readonly Role[] = ROLES;
const PARTNERS: readonly Role[] = ROLES.filter((role) => role !== 'PUBLIC');
const SUPERVISORS: readonly Role[] = ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR'];
/** Who may have a credit report issued (and read it back): purposes per role in purpose.ts REPORT_PURPOSES. */
const REPORT_REQUESTERS: readonly Role[] = ['ENV_ADMIN', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'PUBLIC_AGENCY'];

/**
 * The permission table of CONTRACT.md "Roles and fields", field coordinate → roles that may read it,
 * plus the operations each role may call. This is the single source of the role concern: each
 * subgraph's rule tree is derived from it (rule-tree.ts), the generated matrix (schema/permissions.md)
 * shows what the trees make of it, and the acceptance test walks it.
 *
 * Rows for fields that a subgraph does not define (yet) are harmless: a rule tree binds only the
 * fields its schema has. Adding a field = a row here (when the contract adds one); a root or entity
 * field without a row is denied, and test/permission-matrix.test.ts names it.
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
  'Enterprise.nameLooksLikeFormula': ALL,
  // PUBLIC_AGENCY (added since the contract, docs/contract.md): what a procurement or approval file needs.
  'Enterprise.registrationStatus': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'DASHBOARD', 'PUBLIC_AGENCY'],
  'Enterprise.industryCode': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'DASHBOARD', 'PUBLIC_AGENCY'],
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
  'EnvCredit.score': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'DASHBOARD', 'PUBLIC_AGENCY'],
  'Enterprise.envCreditEvents': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  // Connection versions of unbounded lists: the same cells as the list.
  'Enterprise.envCreditEventsConnection': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  // Not in the contract's table: the rest of the bureau's record, shown like envCreditEvents.
  'Enterprise.envCreditHistory': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  // The half-year snapshots decide prices (DOMAIN.md §6) and credit reports' history rows state them (§11):
  // for the partners who bill from them or read the reports; their score as EnvCredit.score.
  'Enterprise.envCreditSnapshots': [...SUPERVISORS, 'BANK', 'UTILITY', 'PUBLIC_AGENCY'],
  'CreditSnapshot.score': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'DASHBOARD', 'PUBLIC_AGENCY'],
  'Enterprise.envLegacyRatings': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  'Enterprise.envObjections': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  'Enterprise.envFrontRunnerDesignations': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  // Credit commitments and their state (DOMAIN.md §11): the bureau's record, shown like envCreditEvents.
  'Enterprise.envCommitments': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  'Enterprise.envDistrictOn': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'DASHBOARD'],
  'Enterprise.envPenaltyDisclosures': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  // 应公开、尽公开: published (unrepaired, in-window) penalty summaries are for everyone.
  'Enterprise.publicPenalties': ALL,
  'Enterprise.marketListings': [...SUPERVISORS, 'BANK', 'PUBLIC_AGENCY'],
  // Where a subject's record went and came from (DOMAIN.md §11 Successors): registration facts, read like its status.
  'Enterprise.successor': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'DASHBOARD', 'PUBLIC_AGENCY'],
  'Enterprise.successors': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'DASHBOARD', 'PUBLIC_AGENCY'],
  'Enterprise.predecessors': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE', 'MARKET_REGULATOR', 'BANK', 'DASHBOARD', 'PUBLIC_AGENCY'],
  'Enterprise.creditListings': [...SUPERVISORS, 'BANK', 'PUBLIC_AGENCY'],
  // BANK and UTILITY see only the measures their own kind implements (row filter: JointMeasureService).
  'Enterprise.jointMeasures': [...SUPERVISORS, 'BANK', 'UTILITY', 'PUBLIC_AGENCY'],
  'Enterprise.creditRestriction': ['ENV_ADMIN', 'CREDIT_OFFICE', 'BANK'],
  'Enterprise.sewageFee': ['ENV_ADMIN', 'CREDIT_OFFICE', 'UTILITY'],
  // Not in the contract's table: the other price measure, shown like sewageFee.
  'Enterprise.electricitySurcharge': ['ENV_ADMIN', 'CREDIT_OFFICE', 'UTILITY'],
  // Not in the contract's table: public credit records, shown like the listings.
  'Enterprise.publicPenaltyRecords': [...SUPERVISORS, 'BANK'],
  'Enterprise.publicPenaltyRecordsConnection': [...SUPERVISORS, 'BANK'],
  'Enterprise.dishonestDebtorRecords': [...SUPERVISORS, 'BANK'],
  // Personal data inside a public record: as Enterprise.legalRepresentative.
  'PenaltyRecord.legalRepresentative': SUPERVISORS,
  // Responsible persons (法定代表人, 主要负责人, 直接责任人) of serious penalties and serious-dishonesty
  // listings: in full for ENV_ADMIN and CREDIT_OFFICE (the roles of Query.responsiblePerson), masked by
  // the personal-data rule for the other roles that read the listings; PUBLIC, UTILITY and DASHBOARD
  // get nothing.
  'Enterprise.responsiblePersons': [...SUPERVISORS, 'BANK', 'PUBLIC_AGENCY'],
  // The link of a legal representative to another subject's serious-dishonesty listing: the two joint-punishment offices.
  'Enterprise.linkedDishonestPersons': ['ENV_ADMIN', 'CREDIT_OFFICE'],
  'Person.idNumber': ['ENV_ADMIN', 'CREDIT_OFFICE'],
  'Person.records': ['ENV_ADMIN', 'CREDIT_OFFICE'],
  // @inaccessible: never served to clients; the gateway asks for them to satisfy other departments'
  // @requires under the caller's principal, so every role that may read a dependent field needs them.
  'Enterprise.envColorTimeline': ALL,
  // As envColorTimeline, as known on a past day: the hub asks it for finance's creditRestriction(knownOn:).
  'Enterprise.envColorTimelineKnownOn': ALL,
  'Enterprise.envColorNow': ALL,
  'Enterprise.envHalfYearSnapshots': ALL,
  // As envHalfYearSnapshots, as held on a past day: the hub asks it for the price answers' knownOn.
  'Enterprise.envHalfYearSnapshotsKnownOn': ALL,
  'Enterprise.marketListingFacts': ALL,
  'Enterprise.creditListingFacts': ALL,
  // For the credit office's responsiblePersons, linkedDishonestPersons and Person.records (masked as they are).
  'Enterprise.envPenaltyPersons': [...SUPERVISORS, 'BANK', 'PUBLIC_AGENCY'],
  'Enterprise.legalRepresentativeIdFact': ['ENV_ADMIN', 'CREDIT_OFFICE'],
  'Person.envPenaltyRecords': ['ENV_ADMIN', 'CREDIT_OFFICE'],

  // Queries.
  'Query.enterprise': ALL,
  // The person look-up across subjects (关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录): the two offices only.
  'Query.responsiblePerson': ['ENV_ADMIN', 'CREDIT_OFFICE'],
  'Query.enterprises': ALL,
  // Row scope as everywhere (PUBLIC: rated subjects, by name or code only; see EnterpriseSearchService).
  'Query.searchEnterprises': ALL,
  'Query.colorDistribution': [...SUPERVISORS, 'DASHBOARD'],
  'Query.measureCatalog': PARTNERS,
  'Query.creditNotice': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  // Published rules with their legal basis.
  'Query.scoringPolicies': PARTNERS,
  'Query.eventTypeCatalog': PARTNERS,
  'Query.inspectionFrequencies': PARTNERS,
  // Not in the contract's table: the holiday calendar that working-day limits count by, published like the policies.
  'Query.workingDayCalendar': PARTNERS,
  // Not in the contract's table: the surcharge and bank restriction tables, published like the policies.
  'Query.priceSurchargeRules': PARTNERS,
  'Query.restrictionRules': PARTNERS,
  'Query.inspectionDraw': ['ENV_ADMIN', 'ENV_OFFICER'],
  // The inspector pool (DOMAIN.md §11 Inspectors): the bureau's staff; an ENV_OFFICER sees its district's (row scope).
  'Query.inspectors': ['ENV_ADMIN', 'ENV_OFFICER'],
  // 一公开: the results of random inspections are published to everyone.
  'Query.publicInspectionResults': ALL,
  // The list of draws of a period: for the bureau, and for the credit office's yearly summary (issue 14).
  'Query.inspectionDraws': ['ENV_ADMIN', 'ENV_OFFICER', 'CREDIT_OFFICE'],
  // Not in the contract's table: the half-year price list, for those who may see sewageFee.
  'Query.priceSurcharges': ['ENV_ADMIN', 'CREDIT_OFFICE', 'UTILITY', 'DASHBOARD'],
  // Not in the contract's table: the dashboard's figures (issue 13), for those who see colorDistribution;
  // the last draws and the feedback roll-up for the dashboard too.
  'Query.colorTrend': [...SUPERVISORS, 'DASHBOARD'],
  'Query.colorChanges': [...SUPERVISORS, 'DASHBOARD'],
  'Query.colorBucketSubjects': [...SUPERVISORS, 'DASHBOARD'],
  'Query.recentInspectionDraws': ['ENV_ADMIN', 'ENV_OFFICER', 'DASHBOARD'],
  'Query.measureFeedbackRollup': ['ENV_ADMIN', 'CREDIT_OFFICE', 'DASHBOARD'],
  // The subjects behind the roll-up's counts (the yearly summary names them, issue 14); the dashboard
  // keeps to the totals, as it does not see jointMeasures.
  'MeasureFeedbackRollup.dueSubjects': ['ENV_ADMIN', 'CREDIT_OFFICE'],
  'MeasureFeedbackRollup.reportedSubjects': ['ENV_ADMIN', 'CREDIT_OFFICE'],
  // 应公开、尽公开: the published list of ratings (the public portal and its CSV) is for everyone.
  'Query.publishedRatings': ALL,
  // A simple search by name or code; PUBLIC finds rated subjects only (row scope).
  'Query.findEnterprises': ALL,
  // Not in the contract's table: who is subject to a measure, for those who may see jointMeasures.
  'Query.measureSubjects': [...SUPERVISORS, 'BANK', 'UTILITY'],
  'Query.measureSubjectsConnection': [...SUPERVISORS, 'BANK', 'UTILITY'],
  'Query.auditLog': ['ENV_ADMIN', 'CREDIT_OFFICE', 'MARKET_REGULATOR'],
  'Query.verifyAuditChain': ['ENV_ADMIN'],
  'Query.apiClients': ['ENV_ADMIN'],
  // Credit reports (信用报告) and the yearly summary (总结报告), issue 14: src/apps/reports.
  'Query.creditReport': REPORT_REQUESTERS,
  'Query.annualSupervisionReport': ['ENV_ADMIN', 'CREDIT_OFFICE'],
  // Each partner's own webhook subscriptions (a subscriber is told only what its role may read).
  'Query.webhookSubscriptions': PARTNERS,
  'Query.webhookDeliveries': PARTNERS,
  // @inaccessible: asked only by the hub itself (HUB_SYSTEM_PRINCIPAL) for the feedback roll-up.
  'Query.subjectsColoredBetween': ['ENV_ADMIN'],
  'Query.subjectColorsBetweenColumns': ['ENV_ADMIN'],
  'Query.subjectColorPeriodsColumns': ['ENV_ADMIN'],
  'Query.subjectsListedBetween': ['ENV_ADMIN'],
  // @inaccessible: a search's colour and credit-list facts for the candidates of one page.
  'Query.subjectColorsAmong': ['ENV_ADMIN'],
  'Query.subjectsRatedAmong': ['ENV_ADMIN'],
  'Query.countSubjectsRatedAmong': ['ENV_ADMIN'],
  'Query.subjectsRatedCount': ['ENV_ADMIN'],
  // @inaccessible: a colour-filtered search's subjects and count, from environment's colour source.
  'Query.subjectsOfColors': ['ENV_ADMIN'],
  'Query.countSubjectsOfColors': ['ENV_ADMIN'],
  'Query.subjectsListedAmong': ['ENV_ADMIN'],
  'Query.subjectsDesignatedOn': ['ENV_ADMIN'],
  // @inaccessible: asked only by the hub itself for the credit office's price list and price measures.
  'Query.subjectsOnHalfYearSnapshot': ['ENV_ADMIN'],
  'Query.subjectsOnHalfYearSnapshotColumns': ['ENV_ADMIN'],

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
  // The national holiday calendar (working days, DOMAIN.md §11): a year's schedule set by the bureau.
  'Mutation.setWorkingDayCalendarYear': ['ENV_ADMIN'],
  'Mutation.drawInspections': ['ENV_ADMIN', 'ENV_OFFICER'],
  // The inspector pool and the inspections' results: ENV_ADMIN everywhere, an ENV_OFFICER in its district.
  'Mutation.addInspector': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Mutation.removeInspector': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Mutation.addInspectorConflict': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Mutation.removeInspectorConflict': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Mutation.recordInspectionResult': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Mutation.applyCreditRepair': ['ENV_ADMIN', 'ENV_OFFICER'],
  'Mutation.reviewCreditRepair': ['ENV_ADMIN'],
  'Mutation.followRegistrationDistrict': ['ENV_ADMIN'],
  // Successors (DOMAIN.md §11): market supervision records; the two follows are hub-internal (the hub's principal, checked again by the services).
  'Mutation.recordSuccession': ['MARKET_REGULATOR'],
  'Mutation.followSuccessionEvents': ['ENV_ADMIN'],
  'Mutation.followSuccessionListings': ['ENV_ADMIN'],
  'Mutation.addMarketListing': ['MARKET_REGULATOR'],
  'Mutation.removeMarketListing': ['MARKET_REGULATOR'],
  'Mutation.defineMeasure': ['CREDIT_OFFICE'],
  // Not in the contract's table: rule-table versions from a future day, set by the credit office like the catalogue.
  'Mutation.setPriceSurcharge': ['CREDIT_OFFICE'],
  'Mutation.setRestrictionRule': ['CREDIT_OFFICE'],
  'Mutation.designateCreditListing': ['CREDIT_OFFICE'],
  'Mutation.removeCreditListing': ['CREDIT_OFFICE'],
  'Mutation.createApiClient': ['ENV_ADMIN'],
  'Mutation.rotateApiClientKey': ['ENV_ADMIN'],
  'Mutation.revokeApiClient': ['ENV_ADMIN'],
  'Mutation.issueCreditReport': REPORT_REQUESTERS,
  'Mutation.createWebhookSubscription': PARTNERS,
  'Mutation.deleteWebhookSubscription': PARTNERS,
  'Mutation.replayWebhookDeliveries': PARTNERS,
  'Mutation.enableWebhookSubscription': PARTNERS,
  'Mutation.addWebhookWatchCodes': PARTNERS,
  'Mutation.removeWebhookWatchCodes': PARTNERS,
  'Mutation.rotateWebhookSecret': PARTNERS,
} as const satisfies Record<string, readonly Role[]>;

export type FieldCoordinate = keyof typeof PERMISSION_TABLE;

export function rolesFor(coordinate: FieldCoordinate): readonly Role[] {
  return PERMISSION_TABLE[coordinate];
}
