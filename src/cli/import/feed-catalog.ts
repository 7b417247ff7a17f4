/**
 * The feeds `ecocredit import` knows, with the one-line description its help prints.
 *
 * A copy of the names and descriptions of FEEDS (feeds.ts), kept here because feeds.ts loads the
 * department services (seconds) while `ecocredit import --help` and a mistyped feed name must answer
 * without loading the application. test/cli.test.ts fails when the two differ.
 */
export const FEED_CATALOG: Readonly<Record<string, string>> = {
  registrations: "market registrations: uscc, name, district_code, [industry_code, legal_representative, legal_representative_id_number, registered_on, status]",
  penalties: "双公示 administrative penalties (DOMAIN.md §9): stored as public credit records and, for rated subjects, scored",
  'market-lists': "market-supervision lists: uscc, list_type (ABNORMAL_OPERATIONS|SERIOUS_ILLEGAL_DISHONEST), reason, authority, listed_on, [document_no, removed_on, removal_reason]",
  'credit-lists': "credit-office designations: uscc, list_type (SERIOUS_DISHONESTY|COURT_DISHONEST_DEBTOR|RED_LIST), reason, authority, listed_on, [field, document_no, removed_on, removal_reason]",
  'dishonest-debtors': "court dishonest-debtor records (失信被执行人): uscc, subject_name, case_no, court, obligation, performance (UNPERFORMED|PARTIALLY_PERFORMED), filed_on, published_on, [removed_on]",
  feedback: "implementing agencies' feedback on measures: uscc, measure_code, outcome (APPLIED|NOT_APPLIED|EXEMPTED), applied_on, agency, [business_ref, note]",
  'legacy-ratings': "historical annual 100-point ratings: uscc, year, score, [color (GREEN..BLACK or 绿/蓝/黄/红/黑), source]; kept apart from 12-point scores",
};
