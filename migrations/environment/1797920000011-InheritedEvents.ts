import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Successors (DOMAIN.md §11): a successor's copy of a predecessor's event names the event it came
 * from; one copy per successor and event, so that telling the bureau twice copies nothing twice.
 */
export class InheritedEvents1797920000011 implements MigrationInterface {
  name = 'InheritedEvents1797920000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE environment.credit_event ADD COLUMN inherited_from int`);
    await q.query(`CREATE UNIQUE INDEX credit_event_inherited_idx ON environment.credit_event (uscc, inherited_from) WHERE inherited_from IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX environment.credit_event_inherited_idx`);
    await q.query(`ALTER TABLE environment.credit_event DROP COLUMN inherited_from`);
  }
}
