import type { MigrationInterface, QueryRunner } from 'typeorm';

const MEMORANDUM_141 = '关于对失信被执行人实施联合惩戒的合作备忘录 (发改财金〔2016〕141号)';
const MARKET_LIST = '市场监督管理严重违法失信名单管理办法 (国家市场监督管理总局令第44号)';

type Row = [code: string, name: string, kind: string, list: string, agency: string, agencyKind: string, basis: string];

/**
 * The memorandum measures of the court dishonest-debtor list (失信被执行人) and of market supervision's
 * serious illegal & dishonest list (严重违法失信名单), as catalogue rows (DOMAIN.md §10: each list's
 * measures are data, not code), like the serious-dishonesty list's MEMO_* rows.
 */
const ROWS: Row[] = [
  ['COURT_DEBTOR_LAND_SUPPLY', '限制取得政府供应土地', 'ADMINISTRATIVE', 'COURT_DISHONEST_DEBTOR', '连云港市自然资源和规划局', 'NATURAL_RESOURCES', MEMORANDUM_141],
  ['COURT_DEBTOR_PROCUREMENT', '限制参与政府采购活动', 'ADMINISTRATIVE', 'COURT_DISHONEST_DEBTOR', '连云港市财政局', 'FINANCE_BUREAU', MEMORANDUM_141],
  ['COURT_DEBTOR_BOND_ISSUANCE', '限制发行企业债券', 'MARKET', 'COURT_DISHONEST_DEBTOR', '国家发展和改革委员会', 'DEVELOPMENT_REFORM', MEMORANDUM_141],
  ['COURT_DEBTOR_BANK_CREDIT', '作为融资授信的审慎性参考', 'MARKET', 'COURT_DISHONEST_DEBTOR', '银行业金融机构', 'BANK', MEMORANDUM_141],
  ['SID_PROCUREMENT', '限制参与政府采购活动', 'ADMINISTRATIVE', 'SERIOUS_ILLEGAL_DISHONEST', '连云港市财政局', 'FINANCE_BUREAU', MARKET_LIST],
  ['SID_HONOURS', '限制评优评先、授予荣誉称号', 'ADMINISTRATIVE', 'SERIOUS_ILLEGAL_DISHONEST', '连云港市市场监督管理局', 'MARKET_SUPERVISION', MARKET_LIST],
  ['SID_BANK_CREDIT', '作为融资授信的审慎性参考', 'MARKET', 'SERIOUS_ILLEGAL_DISHONEST', '银行业金融机构', 'BANK', MARKET_LIST],
];

export class ListMeasures1796121800000 implements MigrationInterface {
  name = 'ListMeasures1796121800000';

  async up(q: QueryRunner): Promise<void> {
    for (const [code, name, kind, list, agency, agencyKind, basis] of ROWS) {
      await q.query(
        `INSERT INTO credit.measure (code, name, nature, kind, trigger_kind, trigger_values, implementing_agency, agency_kind, legal_basis, effective_from)
         VALUES ($1, $2, 'PUNISHMENT', $3, 'LISTING', $4, $5, $6, $7, '2000-01-01')`,
        [code, name, kind, [list], agency, agencyKind, basis],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM credit.measure WHERE code = ANY($1)`, [ROWS.map(([code]) => code)]);
  }
}
