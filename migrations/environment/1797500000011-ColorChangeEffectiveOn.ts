import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * COLOR_CHANGED tells the day the change takes effect (issue 23 §1), not the day it was computed.
 * The stored rating keeps the day its colour began (`current_since`, as the hub now knows the
 * history): the old colour held from OLD.current_since, the new one holds from NEW.current_since, so
 * the answer changed from the later of the two on. That is the decision day of a penalty recorded
 * late (the new colour holds since then), the voided penalty's day when it is voided (the old colour
 * held since then), an expiry's day, or today for a same-day record. A row materialised before
 * `current_since` existed counts from the day its rating was computed, as before.
 *
 * A write that changes what the rating rests on (an event recorded, voided, a designation; every such
 * write bumps `rating_version`) but leaves today's colour as it was writes FACTS_CHANGED instead: not
 * a change partners subscribe to, but the relay's cause to compare what it derives (a late penalty
 * that has expired already may still change the price of a half-year and the measures that follow
 * it). Its `effective_on` is the day the rating was computed.
 */
export class ColorChangeEffectiveOn1797500000011 implements MigrationInterface {
  name = 'ColorChangeEffectiveOn1797500000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION environment.record_color_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.current_color IS NOT NULL AND NEW.current_color IS NOT NULL AND NEW.current_color <> OLD.current_color THEN
          INSERT INTO environment.change_outbox (type, uscc, district_code, effective_on, data)
          VALUES ('COLOR_CHANGED', NEW.uscc, NEW.district_code,
                  LEAST(COALESCE(GREATEST(OLD.current_since, NEW.current_since), NEW.current_on, CURRENT_DATE), COALESCE(NEW.current_on, CURRENT_DATE)),
                  jsonb_build_object('color', NEW.current_color, 'previousColor', OLD.current_color, 'score', NEW.current_score));
        ELSIF NEW.rating_version IS DISTINCT FROM OLD.rating_version THEN
          INSERT INTO environment.change_outbox (type, uscc, district_code, effective_on, data)
          VALUES ('FACTS_CHANGED', NEW.uscc, NEW.district_code, COALESCE(NEW.current_on, CURRENT_DATE), '{}'::jsonb);
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION environment.record_color_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.current_color IS NOT NULL AND NEW.current_color IS NOT NULL AND NEW.current_color <> OLD.current_color THEN
          INSERT INTO environment.change_outbox (type, uscc, district_code, effective_on, data)
          VALUES ('COLOR_CHANGED', NEW.uscc, NEW.district_code, COALESCE(NEW.current_on, CURRENT_DATE),
                  jsonb_build_object('color', NEW.current_color, 'previousColor', OLD.current_color, 'score', NEW.current_score));
        END IF;
        RETURN NULL;
      END $$`);
  }
}
