import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Relocation within the city (DOMAIN.md §11): a subject's district is a fact of each day. A move
 * takes effect on its day (`district_move.moved_on`, the UTC calendar day it was recorded, like
 * `today()`); answers about earlier days keep the district the subject had then.
 *
 * The colour source carries the district of each day: `replace_color_periods` cuts every colour
 * period at the subject's move days (`district_periods`), giving each piece the district of its days
 * (before a move its `from_district`, after the last one the district the writer states, today's).
 * So `color_count_delta`, kept from the periods by triggers, moves a subject from one district's
 * counts to the other's on the move day and leaves the days before it alone, and draws, buckets and
 * lists as of a day read that day's district. Before this migration a move rewrote the district of
 * all of a subject's periods: those subjects' periods are cut here.
 */
export class DistrictByDay1797200000010 implements MigrationInterface {
  name = 'DistrictByDay1797200000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE environment.district_move ADD COLUMN moved_on date NOT NULL DEFAULT timezone('UTC', now())::date`);
    await q.query(`UPDATE environment.district_move SET moved_on = (moved_at AT TIME ZONE 'UTC')::date`);
    await q.query(`DROP INDEX environment.district_move_uscc`);
    await q.query(`CREATE INDEX district_move_uscc ON environment.district_move (uscc, moved_on, id)`);
    // The periods given, cut at the subjects' move days, each piece with the district of its days.
    await q.query(`
      CREATE FUNCTION environment.district_periods(p_usccs varchar[], p_from date[], p_until date[], p_color varchar[], p_district varchar[], p_industry varchar[])
      RETURNS TABLE (uscc varchar, valid_from date, valid_until date, color varchar, district_code varchar, industry_code varchar)
      LANGUAGE sql STABLE AS $$
        WITH n AS (
          SELECT * FROM unnest(p_usccs, p_from, p_until, p_color, p_district, p_industry) AS n(uscc, valid_from, valid_until, color, district_code, industry_code)
        ), moves AS (
          SELECT m.uscc, m.moved_on, m.id, m.from_district FROM environment.district_move m WHERE m.uscc = ANY(p_usccs)
        ), spans AS (
          SELECT m.uscc, COALESCE(lag(m.moved_on) OVER (PARTITION BY m.uscc ORDER BY m.moved_on, m.id), '-infinity'::date) AS span_from,
                 m.moved_on AS span_until, m.from_district AS district_code
            FROM moves m
          UNION ALL
          SELECT s.uscc, COALESCE((SELECT max(m.moved_on) FROM moves m WHERE m.uscc = s.uscc), '-infinity'::date), 'infinity'::date, s.district_code
            FROM (SELECT DISTINCT n.uscc, n.district_code FROM n) s
        )
        SELECT n.uscc, GREATEST(n.valid_from, s.span_from),
               NULLIF(LEAST(COALESCE(n.valid_until, 'infinity'::date), s.span_until), 'infinity'::date),
               n.color, s.district_code, n.industry_code
          FROM n JOIN spans s ON s.uscc = n.uscc
         WHERE GREATEST(n.valid_from, s.span_from) < LEAST(COALESCE(n.valid_until, 'infinity'::date), s.span_until)
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION environment.replace_color_periods(p_usccs varchar[], p_from date[], p_until date[], p_color varchar[], p_district varchar[], p_industry varchar[], p_subjects varchar[])
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        c_uscc varchar[]; c_from date[]; c_until date[]; c_color varchar[]; c_district varchar[]; c_industry varchar[];
      BEGIN
        SELECT array_agg(d.uscc), array_agg(d.valid_from), array_agg(d.valid_until), array_agg(d.color), array_agg(d.district_code), array_agg(d.industry_code)
          INTO c_uscc, c_from, c_until, c_color, c_district, c_industry
          FROM environment.district_periods(p_usccs, p_from, p_until, p_color, p_district, p_industry) d;
        DELETE FROM environment.subject_color_period p
         WHERE p.uscc = ANY(p_subjects)
           AND NOT EXISTS (
             SELECT 1 FROM unnest(c_uscc, c_from, c_until, c_color, c_district, c_industry) AS n(uscc, valid_from, valid_until, color, district_code, industry_code)
              WHERE n.uscc = p.uscc AND n.valid_from = p.valid_from AND n.valid_until IS NOT DISTINCT FROM p.valid_until AND n.color = p.color
                AND n.district_code = p.district_code AND n.industry_code IS NOT DISTINCT FROM p.industry_code);
        INSERT INTO environment.subject_color_period (uscc, valid_from, valid_until, color, district_code, industry_code)
        SELECT n.uscc, n.valid_from, n.valid_until, n.color, n.district_code, n.industry_code
          FROM unnest(c_uscc, c_from, c_until, c_color, c_district, c_industry) AS n(uscc, valid_from, valid_until, color, district_code, industry_code)
         WHERE NOT EXISTS (SELECT 1 FROM environment.subject_color_period p WHERE p.uscc = n.uscc AND p.valid_from = n.valid_from);
      END $$`);
    // Subjects moved before: their periods (uncut, with today's district) cut at their move days.
    await q.query(`
      SELECT environment.replace_color_periods(array_agg(p.uscc), array_agg(p.valid_from), array_agg(p.valid_until), array_agg(p.color),
                                               array_agg(r.district_code), array_agg(p.industry_code), array_agg(DISTINCT p.uscc))
        FROM environment.subject_color_period p JOIN environment.rated_subject r ON r.uscc = p.uscc
       WHERE p.uscc IN (SELECT m.uscc FROM environment.district_move m)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION environment.replace_color_periods(p_usccs varchar[], p_from date[], p_until date[], p_color varchar[], p_district varchar[], p_industry varchar[], p_subjects varchar[])
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
    await q.query(`DROP FUNCTION environment.district_periods`);
    await q.query(`DROP INDEX environment.district_move_uscc`);
    await q.query(`CREATE INDEX district_move_uscc ON environment.district_move (uscc, moved_at)`);
    await q.query(`ALTER TABLE environment.district_move DROP COLUMN moved_on`);
  }
}
