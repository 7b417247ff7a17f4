import type { MigrationInterface, QueryRunner } from 'typeorm';
import { notifyVersionBumps, silentVersionBumps } from '../rules-version';

/** A change to the rule tables notifies `credit.rules:<version>` on commit (src/shared/version-watch.ts). */
export class CreditRulesNotify1796123000000 implements MigrationInterface {
  name = 'CreditRulesNotify1796123000000';

  async up(q: QueryRunner): Promise<void> {
    await notifyVersionBumps(q, 'credit.rules_version', 'credit.bump_rules_version', 'credit.rules');
  }

  async down(q: QueryRunner): Promise<void> {
    await silentVersionBumps(q, 'credit.rules_version', 'credit.bump_rules_version');
  }
}
