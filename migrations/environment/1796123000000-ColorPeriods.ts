import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ColorPeriodService } from '../../src/subgraphs/environment/services/color-period.service';

/**
 * The one colour source (DOMAIN.md §11) and the aggregates over it (issue 21 §1).
 *
 * `subject_color_period`: every rated subject's periods of constant colour (`colorPeriods` of its
 * rating basis: policies, counted events, front-runner periods with their lapses), as known today,
 * with the subject's district and industry. Written by ColorPeriodService in the transaction of every
 * write that changes a rating basis, and rebuilt from events by `ecocredit colors rebuild`.
 *
 * `color_count_delta`: per (day, district, industry, colour) the change in the number of subjects of
 * that colour from that day on (+1 where a period starts, −1 where it ends). The count of a colour on
 * day D is the sum of the deltas dated on or before D. Kept by statement-level triggers on
 * `subject_color_period` (one aggregated upsert per statement, COPY included), so it can never
 * disagree with the periods; rows are upserted in key order so concurrent writers do not deadlock.
 * `industry_code` is '' for a subject without one (a key column cannot be null).
 */
export class ColorPeriods1796123000000 implements MigrationInterface {
  name = 'ColorPeriods1796123000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE environment.subject_color_period (
        uscc varchar(18) NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        color varchar(6) NOT NULL CHECK (color IN ('GREEN', 'BLUE', 'YELLOW', 'RED', 'BLACK')),
        district_code varchar(6) NOT NULL,
        industry_code varchar,
        PRIMARY KEY (uscc, valid_from),
        CHECK (valid_until IS NULL OR valid_until > valid_from)
      )`);
    // colorChanges: periods starting inside a window; buckets and colour-filtered search: by colour in code order.
    await q.query(`CREATE INDEX subject_color_period_from ON environment.subject_color_period (valid_from)`);
    await q.query(`CREATE INDEX subject_color_period_district_color ON environment.subject_color_period (district_code, color, uscc)`);
    await q.query(`CREATE INDEX subject_color_period_color ON environment.subject_color_period (color, uscc)`);
    await q.query(`CREATE INDEX subject_color_period_industry_color ON environment.subject_color_period (industry_code, color, uscc)`);
    await q.query(`
      CREATE TABLE environment.color_count_delta (
        day date NOT NULL,
        district_code varchar(6) NOT NULL,
        industry_code varchar NOT NULL,
        color varchar(6) NOT NULL,
        delta integer NOT NULL,
        PRIMARY KEY (day, district_code, industry_code, color)
      )`);
    await q.query(`
      CREATE FUNCTION environment.color_count_delta_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          INSERT INTO environment.color_count_delta AS d (day, district_code, industry_code, color, delta)
          SELECT day, district_code, industry_code, color, SUM(change)
            FROM (SELECT valid_from AS day, district_code, COALESCE(industry_code, '') AS industry_code, color, -1 AS change FROM old_periods
                  UNION ALL
                  SELECT valid_until, district_code, COALESCE(industry_code, ''), color, 1 FROM old_periods WHERE valid_until IS NOT NULL) x
           GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
          ON CONFLICT (day, district_code, industry_code, color) DO UPDATE SET delta = d.delta + EXCLUDED.delta;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO environment.color_count_delta AS d (day, district_code, industry_code, color, delta)
          SELECT day, district_code, industry_code, color, SUM(change)
            FROM (SELECT valid_from AS day, district_code, COALESCE(industry_code, '') AS industry_code, color, 1 AS change FROM new_periods
                  UNION ALL
                  SELECT valid_until, district_code, COALESCE(industry_code, ''), color, -1 FROM new_periods WHERE valid_until IS NOT NULL) x
           GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
          ON CONFLICT (day, district_code, industry_code, color) DO UPDATE SET delta = d.delta + EXCLUDED.delta;
        END IF;
        RETURN NULL;
      END $$`);
    // A trigger with transition tables names one event only.
    await q.query(`CREATE TRIGGER color_count_delta_insert AFTER INSERT ON environment.subject_color_period
      REFERENCING NEW TABLE AS new_periods FOR EACH STATEMENT EXECUTE FUNCTION environment.color_count_delta_apply()`);
    await q.query(`CREATE TRIGGER color_count_delta_update AFTER UPDATE ON environment.subject_color_period
      REFERENCING OLD TABLE AS old_periods NEW TABLE AS new_periods FOR EACH STATEMENT EXECUTE FUNCTION environment.color_count_delta_apply()`);
    await q.query(`CREATE TRIGGER color_count_delta_delete AFTER DELETE ON environment.subject_color_period
      REFERENCING OLD TABLE AS old_periods FOR EACH STATEMENT EXECUTE FUNCTION environment.color_count_delta_apply()`);
    // TRUNCATE fires no row triggers: the rebuild truncates both tables together.
    /**
     * Replaces one subject's periods by the given ones in one round trip: rows no longer among them
     * are deleted, new ones inserted, unchanged ones left alone (so the deltas move only where the
     * colour did). Called inside the writer's transaction, under the subject's row lock.
     */
    await q.query(`
      CREATE FUNCTION environment.replace_color_periods(p_usccs varchar[], p_from date[], p_until date[], p_color varchar[], p_district varchar[], p_industry varchar[], p_subjects varchar[])
      RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM environment.subject_color_period p
         WHERE p.uscc = ANY(p_subjects)
           AND NOT EXISTS (
             SELECT 1 FROM unnest(p_usccs, p_from, p_until, p_color, p_district, p_industry) AS n(uscc, valid_from, valid_until, color, district_code, industry_code)
              WHERE n.uscc = p.uscc AND n.valid_from = p.valid_from AND n.valid_until IS NOT DISTINCT FROM p.valid_until AND n.color = p.color
                AND n.district_code = p.district_code AND n.industry_code IS NOT DISTINCT FROM p.industry_code);
        INSERT INTO environment.subject_color_period (uscc, valid_from, valid_until, color, district_code, industry_code)
        SELECT n.uscc, n.valid_from, n.valid_until, n.color, n.district_code, n.industry_code
          FROM unnest(p_usccs, p_from, p_until, p_color, p_district, p_industry) AS n(uscc, valid_from, valid_until, color, district_code, industry_code)
         WHERE NOT EXISTS (SELECT 1 FROM environment.subject_color_period p WHERE p.uscc = n.uscc AND p.valid_from = n.valid_from);
      END $$`);
    // Existing subjects: their periods from their events, by the rules of today's code (the same as envCredit's).
    await new ColorPeriodService(q.connection).rebuild(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION environment.replace_color_periods`);
    await q.query(`DROP TABLE environment.subject_color_period`);
    await q.query(`DROP FUNCTION environment.color_count_delta_apply`);
    await q.query(`DROP TABLE environment.color_count_delta`);
  }
}
