import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Successors (DOMAIN.md §11): a successor's copy of a predecessor's list designation names the one it came from. */
export class InheritedDesignations1797920000012 implements MigrationInterface {
  name = 'InheritedDesignations1797920000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credit.list_designation ADD COLUMN inherited_from int`);
    await q.query(`CREATE UNIQUE INDEX list_designation_inherited_idx ON credit.list_designation (uscc, inherited_from) WHERE inherited_from IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX credit.list_designation_inherited_idx`);
    await q.query(`ALTER TABLE credit.list_designation DROP COLUMN inherited_from`);
  }
}
