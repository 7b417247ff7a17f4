import type { MigrationInterface, QueryRunner } from 'typeorm';

const INSPECTION_BASIS = '连云港市生态环境分级分类监管实施方案; 双随机、一公开监管工作细则';

/** Random-inspection multiples of the base rate by colour (DOMAIN.md §4 defaults). */
const INSPECTION_MULTIPLIERS: [string, string][] = [
  ['GREEN', '0.50'],
  ['BLUE', '1.00'],
  ['YELLOW', '2.00'],
  ['RED', '3.00'],
  ['BLACK', '4.00'],
];

/**
 * The environmental credit engine (issue 3): objection, front-runner and disclosure rules as policy
 * data; the materialised current rating; objections, front-runner designations, immutable half-year
 * snapshots, legacy 100-point ratings, inspection policy and draws, credit repair.
 */
export class EnvironmentEngine1732500000000 implements MigrationInterface {
  name = 'EnvironmentEngine1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE environment.scoring_policy
        ADD COLUMN objection_days int NOT NULL DEFAULT 15 CHECK (objection_days > 0),
        ADD COLUMN front_runner_clean_months int NOT NULL DEFAULT 24 CHECK (front_runner_clean_months > 0),
        ADD COLUMN publicity_min_months int NOT NULL DEFAULT 3 CHECK (publicity_min_months > 0),
        ADD COLUMN publicity_max_months int NOT NULL DEFAULT 36,
        ADD CONSTRAINT scoring_policy_publicity_check CHECK (publicity_min_months <= publicity_max_months)`);
    await q.query(`ALTER TABLE environment.event_type ADD COLUMN publicity_months int CHECK (publicity_months > 0)`);
    await q.query(`UPDATE environment.event_type SET publicity_months = 36 WHERE default_points < 0`);

    // The current rating, materialised; valid while next_change_on (exclusive) has not come.
    await q.query(`
      ALTER TABLE environment.rated_subject
        ADD COLUMN current_color varchar CHECK (current_color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')),
        ADD COLUMN current_score int,
        ADD COLUMN current_on date,
        ADD COLUMN next_change_on date,
        ADD COLUMN rating_version int NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX rated_subject_next_change_idx ON environment.rated_subject (next_change_on)`);

    await q.query(`ALTER TABLE environment.credit_event ADD COLUMN served_on date, ADD COLUMN publicity_until date`);
    await q.query(`UPDATE environment.credit_event SET served_on = occurred_on`);
    await q.query(`UPDATE environment.credit_event SET publicity_until = (occurred_on + interval '36 months')::date WHERE points < 0`);
    await q.query(`ALTER TABLE environment.credit_event ALTER COLUMN served_on SET NOT NULL, ADD CHECK (served_on >= occurred_on)`);
    // One live record per decision and event type: a second entry of the same decision is a mistake.
    await q.query(`
      CREATE UNIQUE INDEX credit_event_decision_idx ON environment.credit_event (uscc, type, decision_no)
        WHERE decision_no IS NOT NULL AND voided_at IS NULL`);

    await q.query(`ALTER TABLE environment.credit_notice ADD COLUMN facts jsonb`);
    await q.query(`CREATE INDEX credit_notice_event_idx ON environment.credit_notice (event_id)`);

    await q.query(`
      CREATE TABLE environment.objection (
        id serial PRIMARY KEY,
        event_id int NOT NULL REFERENCES environment.credit_event (id),
        uscc varchar(18) NOT NULL,
        filed_on date NOT NULL,
        deadline date NOT NULL,
        grounds varchar NOT NULL,
        status varchar NOT NULL DEFAULT 'UNDER_REVIEW' CHECK (status IN ('UNDER_REVIEW', 'UPHELD', 'REJECTED')),
        filed_by varchar,
        reviewed_on date,
        review_note varchar,
        reviewed_by varchar,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (filed_on <= deadline),
        CHECK ((status = 'UNDER_REVIEW') = (reviewed_on IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX objection_open_idx ON environment.objection (event_id) WHERE status <> 'REJECTED'`);
    await q.query(`CREATE INDEX objection_uscc_idx ON environment.objection (uscc)`);

    await q.query(`
      CREATE TABLE environment.front_runner (
        id serial PRIMARY KEY,
        uscc varchar(18) NOT NULL REFERENCES environment.rated_subject (uscc),
        designated_on date NOT NULL,
        decision_no varchar NOT NULL,
        designated_by varchar,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX front_runner_uscc_idx ON environment.front_runner (uscc)`);

    await q.query(`
      CREATE TABLE environment.half_year_snapshot (
        uscc varchar(18) NOT NULL REFERENCES environment.rated_subject (uscc),
        period_end date NOT NULL CHECK (to_char(period_end, 'MM-DD') IN ('06-30', '12-31')),
        color varchar NOT NULL CHECK (color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')),
        score int NOT NULL,
        consecutive_red int NOT NULL CHECK (consecutive_red >= 0),
        taken_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (uscc, period_end)
      )`);
    await q.query(`CREATE INDEX half_year_snapshot_period_idx ON environment.half_year_snapshot (period_end, color)`);
    // Snapshots decide a half-year's surcharges: once taken they are never changed.
    await q.query(`
      CREATE FUNCTION environment.refuse_snapshot_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'half-year snapshots are immutable';
      END $$`);
    await q.query(`
      CREATE TRIGGER half_year_snapshot_immutable BEFORE UPDATE OR DELETE ON environment.half_year_snapshot
        FOR EACH ROW EXECUTE FUNCTION environment.refuse_snapshot_change()`);

    await q.query(`
      CREATE TABLE environment.legacy_rating (
        id serial PRIMARY KEY,
        uscc varchar(18) NOT NULL REFERENCES environment.rated_subject (uscc),
        year int NOT NULL CHECK (year BETWEEN 1990 AND 2100),
        scale varchar NOT NULL DEFAULT 'ANNUAL_100',
        score numeric(5, 2) NOT NULL CHECK (score >= 0 AND score <= 100),
        color varchar NOT NULL CHECK (color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')),
        source varchar NOT NULL,
        imported_by varchar,
        imported_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (uscc, scale, year)
      )`);

    await q.query(`
      CREATE TABLE environment.inspection_frequency (
        id serial PRIMARY KEY,
        color varchar NOT NULL CHECK (color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')),
        multiplier numeric(6, 2) NOT NULL CHECK (multiplier >= 0),
        legal_basis varchar NOT NULL,
        effective_from date NOT NULL,
        effective_to date,
        CHECK (effective_to IS NULL OR effective_to > effective_from)
      )`);
    for (const [color, multiplier] of INSPECTION_MULTIPLIERS) {
      await q.query(
        `INSERT INTO environment.inspection_frequency (color, multiplier, legal_basis, effective_from) VALUES ($1, $2, $3, '2000-01-01')`,
        [color, multiplier, INSPECTION_BASIS],
      );
    }
    await q.query(`
      CREATE TABLE environment.inspection_draw (
        id serial PRIMARY KEY,
        drawn_at timestamptz NOT NULL DEFAULT now(),
        drawn_by varchar NOT NULL,
        as_of date NOT NULL,
        district_code varchar,
        industry_code varchar,
        colors varchar[] NOT NULL,
        sample_size int CHECK (sample_size > 0),
        rate numeric(7, 4) CHECK (rate > 0 AND rate <= 1),
        seed varchar NOT NULL,
        algorithm varchar NOT NULL,
        weights jsonb NOT NULL,
        population jsonb NOT NULL,
        selected jsonb NOT NULL,
        CHECK ((sample_size IS NULL) <> (rate IS NULL))
      )`);

    await q.query(`
      CREATE TABLE environment.credit_repair (
        id serial PRIMARY KEY,
        event_id int NOT NULL REFERENCES environment.credit_event (id),
        uscc varchar(18) NOT NULL,
        applied_on date NOT NULL,
        reason varchar NOT NULL,
        status varchar NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
        applied_by varchar,
        decided_on date,
        decision_note varchar,
        decided_by varchar,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'PENDING') = (decided_on IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX credit_repair_open_idx ON environment.credit_repair (event_id) WHERE status <> 'REJECTED'`);
    await q.query(`CREATE INDEX credit_repair_uscc_idx ON environment.credit_repair (uscc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE environment.credit_repair`);
    await q.query(`DROP TABLE environment.inspection_draw`);
    await q.query(`DROP TABLE environment.inspection_frequency`);
    await q.query(`DROP TABLE environment.legacy_rating`);
    await q.query(`DROP TABLE environment.half_year_snapshot`);
    await q.query(`DROP FUNCTION environment.refuse_snapshot_change()`);
    await q.query(`DROP TABLE environment.front_runner`);
    await q.query(`DROP TABLE environment.objection`);
    await q.query(`DROP INDEX environment.credit_notice_event_idx`);
    await q.query(`ALTER TABLE environment.credit_notice DROP COLUMN facts`);
    await q.query(`DROP INDEX environment.credit_event_decision_idx`);
    await q.query(`ALTER TABLE environment.credit_event DROP COLUMN served_on, DROP COLUMN publicity_until`);
    await q.query(`DROP INDEX environment.rated_subject_next_change_idx`);
    await q.query(
      `ALTER TABLE environment.rated_subject DROP COLUMN current_color, DROP COLUMN current_score, DROP COLUMN current_on, DROP COLUMN next_change_on, DROP COLUMN rating_version`,
    );
    await q.query(`ALTER TABLE environment.event_type DROP COLUMN publicity_months`);
    await q.query(
      `ALTER TABLE environment.scoring_policy DROP CONSTRAINT scoring_policy_publicity_check, DROP COLUMN objection_days, DROP COLUMN front_runner_clean_months, DROP COLUMN publicity_min_months, DROP COLUMN publicity_max_months`,
    );
  }
}
