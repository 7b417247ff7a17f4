import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRulesVersion, dropRulesVersion } from '../rules-version';

const RULE_TABLES = ['restriction_rule'];

/** A version counter over the rule tables, so that readers may cache them per version. */
export class FinanceRulesVersion1764100000000 implements MigrationInterface {
  name = 'FinanceRulesVersion1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await createRulesVersion(q, 'finance', RULE_TABLES);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRulesVersion(q, 'finance', RULE_TABLES);
  }
}
