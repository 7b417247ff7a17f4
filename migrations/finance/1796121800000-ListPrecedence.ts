import type { MigrationInterface, QueryRunner } from 'typeorm';

const MEMORANDUM_1580 = '关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录 (发改财金〔2016〕1580号): 作为融资授信的审慎性参考';
const MEMORANDUM_141 = '关于对失信被执行人实施联合惩戒的合作备忘录 (发改财金〔2016〕141号): 作为融资授信的审慎性参考';
const MARKET_LIST = '市场监督管理严重违法失信名单管理办法 (国家市场监督管理总局令第44号): 作为融资授信的审慎性参考';

/**
 * List precedence for banks (DOMAIN.md §10): the serious-dishonesty, court dishonest-debtor and market
 * serious illegal & dishonest listings give RESTRICTED, a prudential reference for credit with the
 * memorandum as basis; only the colour (BLACK) gives PROHIBITED. The first table had the
 * serious-dishonesty listing PROHIBITED, against the memorandum's wording; that row is corrected in
 * place (the rule was never meant otherwise) and the two other lists get their rows.
 */
export class ListPrecedence1796121800000 implements MigrationInterface {
  name = 'ListPrecedence1796121800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE finance.restriction_rule SET level = 'RESTRICTED', legal_basis = $1
        WHERE trigger_kind = 'LISTING' AND trigger_value = 'SERIOUS_DISHONESTY' AND level = 'PROHIBITED' AND effective_from = '2000-01-01'`,
      [MEMORANDUM_1580],
    );
    await q.query(
      `INSERT INTO finance.restriction_rule (trigger_kind, trigger_value, level, legal_basis, effective_from) VALUES
         ('LISTING', 'COURT_DISHONEST_DEBTOR', 'RESTRICTED', $1, '2000-01-01'),
         ('LISTING', 'SERIOUS_ILLEGAL_DISHONEST', 'RESTRICTED', $2, '2000-01-01')`,
      [MEMORANDUM_141, MARKET_LIST],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM finance.restriction_rule WHERE trigger_kind = 'LISTING' AND trigger_value IN ('COURT_DISHONEST_DEBTOR', 'SERIOUS_ILLEGAL_DISHONEST') AND effective_from = '2000-01-01'`);
    await q.query(
      `UPDATE finance.restriction_rule SET level = 'PROHIBITED', legal_basis = $1
        WHERE trigger_kind = 'LISTING' AND trigger_value = 'SERIOUS_DISHONESTY' AND effective_from = '2000-01-01'`,
      ['关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录 (发改财金〔2016〕1580号)'],
    );
  }
}
