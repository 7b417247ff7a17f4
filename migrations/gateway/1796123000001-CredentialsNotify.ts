import type { MigrationInterface, QueryRunner } from 'typeorm';
import { notifyVersionBumps, silentVersionBumps } from '../rules-version';

/** A change to `api_client` notifies `gateway.credentials:<version>` on commit (src/shared/version-watch.ts). */
export class CredentialsNotify1796123000001 implements MigrationInterface {
  name = 'CredentialsNotify1796123000001';

  async up(q: QueryRunner): Promise<void> {
    await notifyVersionBumps(q, 'gateway.credentials_version', 'gateway.bump_credentials_version', 'gateway.credentials');
  }

  async down(q: QueryRunner): Promise<void> {
    await silentVersionBumps(q, 'gateway.credentials_version', 'gateway.bump_credentials_version');
  }
}
