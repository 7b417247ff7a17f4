import type { MigrationInterface, QueryRunner } from 'typeorm';

const RATING_BASIS = '连云港市生态环境信用评价管理办法（试行）; 江苏省企事业单位环境信用评价办法';
const MEMORANDUM_BASIS = '关于对环境保护领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录 (发改财金〔2016〕1580号)';
const GREEN_CREDIT_BASIS = '关于构建绿色金融体系的指导意见 (银发〔2016〕228号); 江苏省企事业单位环境信用评价办法';
const PRICE_BASIS = '江苏省环保信用评价结果差别化价格政策; 连云港市生态环境信用评价管理办法（试行）';

type Seed = [code: string, name: string, nature: string, kind: string, triggerKind: string, triggerValues: string[], agency: string, agencyKind: string, basis: string];

/** DOMAIN.md §5 defaults: colour triggers, and the serious-dishonesty memorandum's measures. */
const DEFAULT_MEASURES: Seed[] = [
  ['ENV_FEWER_INSPECTIONS', '降低"双随机"抽查频次', 'REWARD', 'ADMINISTRATIVE', 'COLOR', ['GREEN'], '连云港市生态环境局', 'ENVIRONMENT', RATING_BASIS],
  ['GREEN_CHANNEL_APPROVAL', '行政审批绿色通道（简化审批）', 'REWARD', 'ADMINISTRATIVE', 'COLOR', ['GREEN'], '连云港市行政审批局', 'ADMINISTRATIVE_APPROVAL', RATING_BASIS],
  ['SUBSIDY_PRIORITY', '优先安排环保专项资金和补助资金', 'REWARD', 'ADMINISTRATIVE', 'COLOR', ['GREEN'], '连云港市财政局', 'FINANCE_BUREAU', RATING_BASIS],
  ['WEATHER_CONTROL_EXEMPTION', '重污染天气应急管控措施豁免', 'REWARD', 'ADMINISTRATIVE', 'COLOR', ['GREEN'], '连云港市生态环境局', 'ENVIRONMENT', RATING_BASIS],
  ['BANK_GREEN_CREDIT', '绿色信贷支持', 'REWARD', 'MARKET', 'COLOR', ['GREEN'], '银行业金融机构', 'BANK', GREEN_CREDIT_BASIS],
  ['ENV_MORE_INSPECTIONS', '提高"双随机"抽查频次', 'PUNISHMENT', 'ADMINISTRATIVE', 'COLOR', ['YELLOW', 'RED', 'BLACK'], '连云港市生态环境局', 'ENVIRONMENT', RATING_BASIS],
  ['AWARD_BAR', '不得参加环保评优评先', 'PUNISHMENT', 'ADMINISTRATIVE', 'COLOR', ['YELLOW', 'RED', 'BLACK'], '连云港市生态环境局', 'ENVIRONMENT', RATING_BASIS],
  ['SPECIAL_FUND_SUSPENSION', '暂停生态环境专项资金支持', 'PUNISHMENT', 'ADMINISTRATIVE', 'COLOR', ['RED', 'BLACK'], '连云港市财政局', 'FINANCE_BUREAU', RATING_BASIS],
  ['SEWAGE_FEE_SURCHARGE', '污水处理费差别化收费', 'PUNISHMENT', 'MARKET', 'COLOR', ['RED', 'BLACK'], '污水处理费征收单位（供水企业）', 'UTILITY', PRICE_BASIS],
  ['ELECTRICITY_SURCHARGE', '差别化电价', 'PUNISHMENT', 'MARKET', 'COLOR', ['RED', 'BLACK'], '供电企业', 'UTILITY', PRICE_BASIS],
  ['REGULAR_PUBLICATION', '定期向社会公开', 'PUNISHMENT', 'SOCIAL', 'COLOR', ['RED', 'BLACK'], '连云港市生态环境局', 'ENVIRONMENT', RATING_BASIS],
  ['BANK_CREDIT_RESTRICTION', '银行审慎授信、限制贷款', 'PUNISHMENT', 'MARKET', 'COLOR', ['RED'], '银行业金融机构', 'BANK', GREEN_CREDIT_BASIS],
  ['BANK_CREDIT_STOP', '银行停止新增授信', 'PUNISHMENT', 'MARKET', 'COLOR', ['BLACK'], '银行业金融机构', 'BANK', GREEN_CREDIT_BASIS],
  ['NO_NEW_ENV_LICENCE', '不予新增环境行政许可', 'PUNISHMENT', 'ADMINISTRATIVE', 'COLOR', ['BLACK'], '连云港市生态环境局', 'ENVIRONMENT', RATING_BASIS],
  ['ONE_VOTE_VETO', '评优评先和项目审批"一票否决"', 'PUNISHMENT', 'ADMINISTRATIVE', 'COLOR', ['BLACK'], '各相关部门', 'GOVERNMENT', RATING_BASIS],
  ['MEMO_LAND_SUPPLY', '限制取得政府供应土地', 'PUNISHMENT', 'ADMINISTRATIVE', 'LISTING', ['SERIOUS_DISHONESTY'], '连云港市自然资源和规划局', 'NATURAL_RESOURCES', MEMORANDUM_BASIS],
  ['MEMO_PRODUCTION_LICENCE', '限制取得生产许可证', 'PUNISHMENT', 'ADMINISTRATIVE', 'LISTING', ['SERIOUS_DISHONESTY'], '连云港市市场监督管理局', 'MARKET_SUPERVISION', MEMORANDUM_BASIS],
  ['MEMO_GOVERNMENT_PROCUREMENT', '限制参与政府采购活动', 'PUNISHMENT', 'ADMINISTRATIVE', 'LISTING', ['SERIOUS_DISHONESTY'], '连云港市财政局', 'FINANCE_BUREAU', MEMORANDUM_BASIS],
  ['MEMO_PUBLIC_BIDDING', '限制参与工程建设项目招标投标', 'PUNISHMENT', 'ADMINISTRATIVE', 'LISTING', ['SERIOUS_DISHONESTY'], '连云港市发展和改革委员会', 'DEVELOPMENT_REFORM', MEMORANDUM_BASIS],
  ['MEMO_CONCESSION', '限制参与基础设施和公用事业特许经营', 'PUNISHMENT', 'ADMINISTRATIVE', 'LISTING', ['SERIOUS_DISHONESTY'], '连云港市发展和改革委员会', 'DEVELOPMENT_REFORM', MEMORANDUM_BASIS],
  ['MEMO_BOND_ISSUANCE', '限制发行企业债券', 'PUNISHMENT', 'MARKET', 'LISTING', ['SERIOUS_DISHONESTY'], '国家发展和改革委员会', 'DEVELOPMENT_REFORM', MEMORANDUM_BASIS],
  ['MEMO_DEBT_FINANCING', '限制注册发行非金融企业债务融资工具', 'PUNISHMENT', 'MARKET', 'LISTING', ['SERIOUS_DISHONESTY'], '中国人民银行（银行间市场交易商协会）', 'PEOPLE_BANK', MEMORANDUM_BASIS],
  ['MEMO_BANK_CREDIT', '作为融资授信的审慎性参考', 'PUNISHMENT', 'MARKET', 'LISTING', ['SERIOUS_DISHONESTY'], '银行业金融机构', 'BANK', MEMORANDUM_BASIS],
];

/** DOMAIN.md §6 defaults: price kind, snapshot colour, consecutive RED snapshots needed, amount. */
const DEFAULT_SURCHARGES: [string, string, number, string, string][] = [
  ['SEWAGE', 'RED', 1, '0.60', 'CNY/m3'],
  ['SEWAGE', 'RED', 2, '1.00', 'CNY/m3'],
  ['SEWAGE', 'BLACK', 0, '1.00', 'CNY/m3'],
  ['ELECTRICITY', 'RED', 1, '0.05', 'CNY/kWh'],
  ['ELECTRICITY', 'BLACK', 0, '0.10', 'CNY/kWh'],
];

/**
 * The measure catalogue, implementing agencies' feedback, price surcharges (policy data with legal
 * basis and effective period), the 双公示 penalty records and court dishonest-debtor records.
 */
export class JointMeasures1764000000000 implements MigrationInterface {
  name = 'JointMeasures1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE credit.measure (
        id serial PRIMARY KEY,
        code varchar NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
        name varchar NOT NULL,
        nature varchar NOT NULL CHECK (nature IN ('REWARD', 'PUNISHMENT')),
        kind varchar NOT NULL CHECK (kind IN ('ADMINISTRATIVE', 'MARKET', 'INDUSTRY', 'SOCIAL')),
        trigger_kind varchar NOT NULL CHECK (trigger_kind IN ('COLOR', 'LISTING')),
        trigger_values varchar[] NOT NULL CHECK (cardinality(trigger_values) > 0),
        implementing_agency varchar NOT NULL,
        agency_kind varchar NOT NULL,
        legal_basis varchar NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        CHECK (effective_to IS NULL OR effective_to > effective_from)
      )`);
    await q.query(`CREATE INDEX measure_code_idx ON credit.measure (code)`);
    for (const [code, name, nature, kind, triggerKind, values, agency, agencyKind, basis] of DEFAULT_MEASURES) {
      await q.query(
        `INSERT INTO credit.measure (code, name, nature, kind, trigger_kind, trigger_values, implementing_agency, agency_kind, legal_basis, effective_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '2000-01-01')`,
        [code, name, nature, kind, triggerKind, values, agency, agencyKind, basis],
      );
    }

    await q.query(`
      CREATE TABLE credit.measure_feedback (
        id serial PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        measure_code varchar NOT NULL,
        outcome varchar NOT NULL CHECK (outcome IN ('APPLIED', 'NOT_APPLIED', 'EXEMPTED')),
        applied_on date NOT NULL,
        business_ref varchar,
        note varchar,
        agency varchar NOT NULL,
        reported_by varchar NOT NULL,
        reported_role varchar NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        CHECK (outcome <> 'NOT_APPLIED' OR note IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX measure_feedback_measure_idx ON credit.measure_feedback (measure_code, applied_on)`);
    await q.query(`CREATE INDEX measure_feedback_uscc_idx ON credit.measure_feedback (uscc)`);

    await q.query(`
      CREATE TABLE credit.price_surcharge (
        id serial PRIMARY KEY,
        price_kind varchar NOT NULL CHECK (price_kind IN ('SEWAGE', 'ELECTRICITY')),
        snapshot_color varchar NOT NULL CHECK (snapshot_color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')),
        min_consecutive_red int NOT NULL DEFAULT 0 CHECK (min_consecutive_red >= 0),
        amount numeric(10,2) NOT NULL CHECK (amount >= 0),
        unit varchar NOT NULL,
        legal_basis varchar NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        CHECK (effective_to IS NULL OR effective_to > effective_from)
      )`);
    for (const [kind, color, consecutive, amount, unit] of DEFAULT_SURCHARGES) {
      await q.query(
        `INSERT INTO credit.price_surcharge (price_kind, snapshot_color, min_consecutive_red, amount, unit, legal_basis, effective_from)
         VALUES ($1, $2, $3, $4, $5, $6, '2000-01-01')`,
        [kind, color, consecutive, amount, unit, PRICE_BASIS],
      );
    }

    await q.query(`ALTER TABLE credit.list_designation ADD COLUMN removal_reason varchar`);

    // The 双公示 administrative penalty record (DOMAIN.md §9); column comments name the feed columns.
    await q.query(`
      CREATE TABLE credit.penalty_record (
        id serial PRIMARY KEY,
        subject_name varchar NOT NULL,
        uscc varchar(18) NOT NULL,
        legal_representative varchar,
        decision_no varchar NOT NULL,
        violation_type varchar NOT NULL,
        facts text NOT NULL,
        legal_basis varchar NOT NULL,
        penalty_category varchar NOT NULL,
        content text NOT NULL,
        fine_amount numeric(18,6),
        decided_on date NOT NULL,
        valid_until date NOT NULL,
        publicity_ends_on date,
        authority varchar NOT NULL,
        authority_uscc varchar(18) NOT NULL,
        data_source varchar NOT NULL,
        data_source_uscc varchar(18) NOT NULL,
        remarks varchar,
        UNIQUE (decision_no, uscc)
      )`);
    await q.query(`CREATE INDEX penalty_record_uscc_idx ON credit.penalty_record (uscc)`);
    await q.query(`COMMENT ON TABLE credit.penalty_record IS '双公示 penalty: CF_XDR_MC subject_name, CF_XDR_SHXYM uscc, CF_FDDB legal_representative, CF_WSH decision_no, CF_WFXW violation_type, CF_SY facts, CF_YJ legal_basis, CF_CFLB penalty_category, CF_NR content, CF_NR_FK fine_amount (10,000 CNY), CF_JDRQ decided_on, CF_YXQ valid_until, CF_GSJZQ publicity_ends_on, CF_CFJG authority, CF_CFJGDM authority_uscc, CF_SJLY data_source, CF_SJLYDM data_source_uscc, BZ remarks'`);

    await q.query(`
      CREATE TABLE credit.dishonest_debtor (
        id serial PRIMARY KEY,
        uscc varchar(18) NOT NULL,
        subject_name varchar NOT NULL,
        case_no varchar NOT NULL,
        court varchar NOT NULL,
        obligation text NOT NULL,
        performance varchar NOT NULL CHECK (performance IN ('UNPERFORMED', 'PARTIALLY_PERFORMED')),
        filed_on date NOT NULL,
        published_on date NOT NULL,
        removed_on date,
        CHECK (removed_on IS NULL OR removed_on >= published_on)
      )`);
    await q.query(`CREATE INDEX dishonest_debtor_uscc_idx ON credit.dishonest_debtor (uscc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE credit.dishonest_debtor`);
    await q.query(`DROP TABLE credit.penalty_record`);
    await q.query(`ALTER TABLE credit.list_designation DROP COLUMN removal_reason`);
    await q.query(`DROP TABLE credit.price_surcharge`);
    await q.query(`DROP TABLE credit.measure_feedback`);
    await q.query(`DROP TABLE credit.measure`);
  }
}
