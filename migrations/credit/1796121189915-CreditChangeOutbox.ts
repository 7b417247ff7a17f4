import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createChangeOutbox, dropChangeOutbox } from '../change-outbox';

/** The department's change outbox (ChangeOutboxEntity): list designations and removals, written in their transactions. */
export class CreditChangeOutbox1796121189915 implements MigrationInterface {
  name = 'CreditChangeOutbox1796121189915';

  async up(q: QueryRunner): Promise<void> {
    await createChangeOutbox(q, 'credit');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropChangeOutbox(q, 'credit');
  }
}
