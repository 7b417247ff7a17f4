import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createChangeOutbox, dropChangeOutbox } from '../change-outbox';

/**
 * The bureau's change outbox, and the colour-change trigger that fills it. Every path that
 * materialises a subject's rating (a mutation's refresh, a batch import's refreshMany, a read's lazy
 * refresh, the daily job for ratings whose `next_change_on` has come) ends in an UPDATE of
 * `rated_subject.current_color`; a row trigger there is the one place none of them can bypass, and it
 * writes the change in that UPDATE's own transaction. Enrolment (an INSERT) is not a change.
 */
export class EnvironmentChangeOutbox1796121189915 implements MigrationInterface {
  name = 'EnvironmentChangeOutbox1796121189915';

  async up(q: QueryRunner): Promise<void> {
    await createChangeOutbox(q, 'environment');
    await q.query(`
      CREATE FUNCTION environment.record_color_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.current_color IS NOT NULL AND NEW.current_color IS NOT NULL AND NEW.current_color <> OLD.current_color THEN
          INSERT INTO environment.change_outbox (type, uscc, district_code, effective_on, data)
          VALUES ('COLOR_CHANGED', NEW.uscc, NEW.district_code, COALESCE(NEW.current_on, CURRENT_DATE),
                  jsonb_build_object('color', NEW.current_color, 'previousColor', OLD.current_color, 'score', NEW.current_score));
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER rated_subject_color_change AFTER UPDATE OF current_color ON environment.rated_subject
        FOR EACH ROW EXECUTE FUNCTION environment.record_color_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER rated_subject_color_change ON environment.rated_subject`);
    await q.query(`DROP FUNCTION environment.record_color_change()`);
    await dropChangeOutbox(q, 'environment');
  }
}
