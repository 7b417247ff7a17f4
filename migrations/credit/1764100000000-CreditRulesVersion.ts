import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRulesVersion, dropRulesVersion } from '../rules-version';

const RULE_TABLES = ['measure', 'price_surcharge'];

/** A version counter over the rule tables, so that readers may cache them per version. */
export class CreditRulesVersion1764100000000 implements MigrationInterface {
  name = 'CreditRulesVersion1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await createRulesVersion(q, 'credit', RULE_TABLES);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRulesVersion(q, 'credit', RULE_TABLES);
  }
}
