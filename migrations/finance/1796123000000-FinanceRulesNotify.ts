import type { MigrationInterface, QueryRunner } from 'typeorm';
import { notifyVersionBumps, silentVersionBumps } from '../rules-version';

/** A change to the rule tables notifies `finance.rules:<version>` on commit (src/shared/version-watch.ts). */
export class FinanceRulesNotify1796123000000 implements MigrationInterface {
  name = 'FinanceRulesNotify1796123000000';

  async up(q: QueryRunner): Promise<void> {
    await notifyVersionBumps(q, 'finance.rules_version', 'finance.bump_rules_version', 'finance.rules');
  }

  async down(q: QueryRunner): Promise<void> {
    await silentVersionBumps(q, 'finance.rules_version', 'finance.bump_rules_version');
  }
}
