import type { MigrationInterface, QueryRunner } from 'typeorm';
import { notifyVersionBumps, silentVersionBumps } from '../rules-version';

/** A change to the rule tables notifies `environment.rules:<version>` on commit (src/shared/version-watch.ts). */
export class EnvironmentRulesNotify1796123100000 implements MigrationInterface {
  name = 'EnvironmentRulesNotify1796123100000';

  async up(q: QueryRunner): Promise<void> {
    await notifyVersionBumps(q, 'environment.rules_version', 'environment.bump_rules_version', 'environment.rules');
  }

  async down(q: QueryRunner): Promise<void> {
    await silentVersionBumps(q, 'environment.rules_version', 'environment.bump_rules_version');
  }
}
