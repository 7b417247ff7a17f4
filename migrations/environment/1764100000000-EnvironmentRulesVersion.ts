import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createRulesVersion, dropRulesVersion } from '../rules-version';

const RULE_TABLES = ['scoring_policy', 'event_type', 'inspection_frequency'];

/** A version counter over the rule tables, so that readers may cache them per version. */
export class EnvironmentRulesVersion1764100000000 implements MigrationInterface {
  name = 'EnvironmentRulesVersion1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await createRulesVersion(q, 'environment', RULE_TABLES);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRulesVersion(q, 'environment', RULE_TABLES);
  }
}
