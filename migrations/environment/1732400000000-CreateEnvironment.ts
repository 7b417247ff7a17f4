import type { MigrationInterface, QueryRunner } from 'typeorm';

const LEGAL_BASIS = '连云港市生态环境信用评价管理办法（试行）; 江苏省企事业单位环境信用评价办法';

/** Default event catalogue of DOMAIN.md §3: code, zh, en, points, min, max, months, forced colour, once per months. */
const DEFAULT_EVENT_TYPES: [string, string, string, number, number, number, number, string | null, number | null][] = [
  ['WARNING', '警告', 'Warning', -1, -1, -1, 6, null, null],
  ['ORDER_TO_CORRECT', '责令改正', 'Order to correct', -1, -1, -1, 6, null, null],
  ['FINE', '罚款', 'Fine', -3, -6, -3, 6, null, null],
  ['PRODUCTION_LIMIT', '责令限制生产', 'Production limit', -3, -3, -3, 6, null, null],
  ['SEIZURE', '查封扣押', 'Seizure', -3, -3, -3, 6, null, null],
  ['COURT_ENFORCEMENT', '申请法院强制执行', 'Court enforcement', -3, -3, -3, 12, null, null],
  ['SUSPENSION_ORDER', '责令停产整治', 'Suspension order', -6, -6, -6, 12, null, null],
  ['DAILY_CONTINUOUS_PENALTY', '按日连续处罚', 'Daily continuous penalty', -6, -6, -6, 12, null, null],
  ['ADMIN_DETENTION_TRANSFER', '移送行政拘留', 'Transfer for administrative detention', -9, -9, -9, 12, null, null],
  ['CRIMINAL_LIABILITY', '追究刑事责任', 'Criminal liability', -12, -12, -12, 12, 'BLACK', null],
  ['CREDIT_COMMITMENT', '信用承诺', 'Credit commitment', 1, 1, 1, 12, null, 12],
  ['ENV_AWARD', '环保表彰', 'Environmental award', 1, 1, 1, 12, null, null],
];

/** Kinds of rated subject; third-party service providers are rated under their own policy rows. */
const SUBJECT_KINDS = ['ENTERPRISE', 'EIA_AGENCY', 'MONITORING_AGENCY', 'OM_AGENCY', 'TREATMENT_AGENCY'];

export class CreateEnvironment1732400000000 implements MigrationInterface {
  name = 'CreateEnvironment1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE environment.scoring_policy (
        id serial PRIMARY KEY,
        subject_kind varchar NOT NULL,
        start_score int NOT NULL,
        max_score int NOT NULL,
        green_min int NOT NULL,
        blue_min int NOT NULL,
        yellow_min int NOT NULL,
        red_min int NOT NULL,
        validity_offset_days int NOT NULL DEFAULT 0 CHECK (validity_offset_days >= 0),
        legal_basis varchar NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        CHECK (green_min > blue_min AND blue_min > yellow_min AND yellow_min > red_min),
        CHECK (start_score <= max_score),
        CHECK (effective_to IS NULL OR effective_to > effective_from)
      )`);
    await q.query(`
      CREATE TABLE environment.event_type (
        id serial PRIMARY KEY,
        code varchar NOT NULL,
        subject_kind varchar NOT NULL,
        name_zh varchar NOT NULL,
        name_en varchar NOT NULL,
        default_points int NOT NULL,
        min_points int NOT NULL,
        max_points int NOT NULL,
        validity_months int NOT NULL CHECK (validity_months > 0),
        forced_color varchar CHECK (forced_color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')),
        once_per_months int,
        legal_basis varchar NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        CHECK (min_points <= default_points AND default_points <= max_points)
      )`);
    await q.query(`CREATE INDEX event_type_code_idx ON environment.event_type (code, subject_kind)`);
    await q.query(`
      CREATE TABLE environment.rated_subject (
        uscc varchar(18) PRIMARY KEY,
        subject_kind varchar NOT NULL DEFAULT 'ENTERPRISE',
        district_code varchar(6) NOT NULL,
        industry_code varchar,
        rated_from date NOT NULL,
        enrolled_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rated_subject_district_idx ON environment.rated_subject (district_code)`);
    await q.query(`
      CREATE TABLE environment.credit_event (
        id serial PRIMARY KEY,
        uscc varchar(18) NOT NULL REFERENCES environment.rated_subject (uscc),
        type varchar NOT NULL,
        occurred_on date NOT NULL,
        points int NOT NULL,
        valid_from date NOT NULL,
        valid_until date NOT NULL,
        forced_color varchar,
        decision_no varchar,
        description varchar,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        recorded_by varchar,
        voided_at timestamptz,
        void_reason varchar,
        CHECK (valid_until > valid_from),
        CHECK ((voided_at IS NULL) = (void_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX credit_event_uscc_idx ON environment.credit_event (uscc)`);
    await q.query(`
      CREATE TABLE environment.credit_notice (
        number varchar PRIMARY KEY,
        event_id int NOT NULL REFERENCES environment.credit_event (id),
        uscc varchar(18) NOT NULL,
        text text NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now()
      )`);

    for (const kind of SUBJECT_KINDS) {
      await q.query(
        `INSERT INTO environment.scoring_policy
           (subject_kind, start_score, max_score, green_min, blue_min, yellow_min, red_min, validity_offset_days, legal_basis, effective_from)
         VALUES ($1, 9, 12, 11, 6, 3, 1, 0, $2, '2000-01-01')`,
        [kind, LEGAL_BASIS],
      );
      for (const [code, zh, en, points, min, max, months, forced, oncePer] of DEFAULT_EVENT_TYPES) {
        await q.query(
          `INSERT INTO environment.event_type
             (code, subject_kind, name_zh, name_en, default_points, min_points, max_points, validity_months, forced_color, once_per_months, legal_basis, effective_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '2000-01-01')`,
          [code, kind, zh, en, points, min, max, months, forced, oncePer, LEGAL_BASIS],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE environment.credit_notice`);
    await q.query(`DROP TABLE environment.credit_event`);
    await q.query(`DROP TABLE environment.rated_subject`);
    await q.query(`DROP TABLE environment.event_type`);
    await q.query(`DROP TABLE environment.scoring_policy`);
  }
}
