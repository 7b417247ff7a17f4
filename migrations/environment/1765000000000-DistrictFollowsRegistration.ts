import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervising district of a rated subject follows its market registration: every move the
 * bureau learns of is kept here (who told, when, from which district to which), so that what a
 * district officer could see on a day can be reconstructed.
 */
export class DistrictFollowsRegistration1765000000000 implements MigrationInterface {
  name = 'DistrictFollowsRegistration1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE environment.district_move (
        id bigserial PRIMARY KEY,
        uscc varchar(18) NOT NULL REFERENCES environment.rated_subject(uscc),
        from_district varchar(6) NOT NULL,
        to_district varchar(6) NOT NULL,
        moved_at timestamptz NOT NULL DEFAULT now(),
        source varchar NOT NULL
      )`);
    await q.query(`CREATE INDEX district_move_uscc ON environment.district_move (uscc, moved_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE environment.district_move`);
  }
}
