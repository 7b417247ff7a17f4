import type { HubDataSources } from '../../hub/databases';
import type { FeedStage } from '../../shared/import/feed';
import { LIST_COLUMNS } from '../../shared/import/list-entry-rows';
import { PENALTY_COLUMNS } from '../../shared/import/penalty-decision';
import { createCreditServices } from '../../subgraphs/credit';
import { createEnvironmentServices } from '../../subgraphs/environment';
import { createMarketServices } from '../../subgraphs/market';

/**
 * A feed the CLI can import: its required header columns and the departments' stages that apply
 * it, in order. A row refused by a stage goes no further; a row is imported when any stage changed
 * something.
 */
export interface FeedDefinition {
  description: string;
  requiredColumns: string[];
  stages(sources: HubDataSources): FeedStage[];
}

export const FEEDS: Record<string, FeedDefinition> = {
  registrations: {
    description: 'market registrations: uscc, name, district_code, [industry_code, legal_representative, legal_representative_id_number, registered_on, status]',
    requiredColumns: ['uscc', 'name', 'district_code'],
    stages: (sources) => [createMarketServices(sources.market).feeds.registrations],
  },
  penalties: {
    description: '双公示 administrative penalties (DOMAIN.md §9): stored as public credit records and, for rated subjects, scored',
    requiredColumns: PENALTY_COLUMNS,
    stages: (sources) => [createCreditServices(sources.credit).feeds.penalties, createEnvironmentServices(sources.environment).feeds.penalties],
  },
  'market-lists': {
    description: 'market-supervision lists: uscc, list_type (ABNORMAL_OPERATIONS|SERIOUS_ILLEGAL_DISHONEST), reason, authority, listed_on, [document_no, removed_on, removal_reason]',
    requiredColumns: LIST_COLUMNS,
    stages: (sources) => [createMarketServices(sources.market).feeds['market-lists']],
  },
  'credit-lists': {
    description: 'credit-office designations: uscc, list_type (SERIOUS_DISHONESTY|COURT_DISHONEST_DEBTOR|RED_LIST), reason, authority, listed_on, [field, document_no, removed_on, removal_reason]',
    requiredColumns: LIST_COLUMNS,
    stages: (sources) => [createCreditServices(sources.credit).feeds['credit-lists']],
  },
  'dishonest-debtors': {
    description: 'court dishonest-debtor records (失信被执行人): uscc, subject_name, case_no, court, obligation, performance (UNPERFORMED|PARTIALLY_PERFORMED), filed_on, published_on, [removed_on]',
    requiredColumns: ['uscc', 'subject_name', 'case_no', 'court', 'obligation', 'performance', 'filed_on', 'published_on'],
    stages: (sources) => [createCreditServices(sources.credit).feeds['dishonest-debtors']],
  },
  feedback: {
    description: "implementing agencies' feedback on measures: uscc, measure_code, outcome (APPLIED|NOT_APPLIED|EXEMPTED), applied_on, agency, [business_ref, note]",
    requiredColumns: ['uscc', 'measure_code', 'outcome', 'applied_on', 'agency'],
    stages: (sources) => [createCreditServices(sources.credit).feeds.feedback],
  },
  'legacy-ratings': {
    description: 'historical annual 100-point ratings: uscc, year, score, [color (GREEN..BLACK or 绿/蓝/黄/红/黑), source]; kept apart from 12-point scores',
    requiredColumns: ['uscc', 'year', 'score'],
    stages: (sources) => [createEnvironmentServices(sources.environment).feeds['legacy-ratings']],
  },
};
