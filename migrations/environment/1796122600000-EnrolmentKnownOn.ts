import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bitemporal enrolment (DOMAIN.md §10 "Known-on dates"): a subject enrolled in the rating scope after
 * day K had no rating in what the hub said on K, so the enrolment records the day it became known to
 * the hub (UTC calendar, like `today()` and `credit_event.known_on`).
 *
 * Existing rows became known the day they were enrolled, or earlier when one of their events was
 * known earlier (an event is only ever recorded for an enrolled subject: the demo seed and imports
 * that date events back stand for a subject enrolled by then).
 */
export class EnrolmentKnownOn1796122600000 implements MigrationInterface {
  name = 'EnrolmentKnownOn1796122600000';

  async up(q: QueryRunner): Promise<void> {
    // The default is the UTC day whatever the session's time zone; the service still sets it from `today()`.
    await q.query(`ALTER TABLE environment.rated_subject ADD COLUMN known_on date NOT NULL DEFAULT timezone('UTC', now())::date`);
    // LEAST ignores the NULL of a subject without events.
    await q.query(`
      UPDATE environment.rated_subject s
         SET known_on = LEAST((s.enrolled_at AT TIME ZONE 'UTC')::date, (SELECT min(c.known_on) FROM environment.credit_event c WHERE c.uscc = s.uscc))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE environment.rated_subject DROP COLUMN known_on`);
  }
}
