import type { QueryRunner } from 'typeorm';
import type { Department } from '../src/shared/database';

/** The channel a committed change wakes the webhook relay on (src/apps/webhooks/dispatcher.ts). */
export const CHANGE_CHANNEL = 'ecocredit_changes';

/**
 * The department's change outbox (ChangeOutboxEntity): the same table in each department that owns
 * partner-relevant changes. A statement trigger sends a NOTIFY on the department's behalf; it only
 * wakes the relay early (NOTIFY is delivered on commit and may be missed), the table is the guarantee.
 */
export async function createChangeOutbox(q: QueryRunner, department: Department): Promise<void> {
  await q.query(`
    CREATE TABLE "${department}".change_outbox (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      type varchar NOT NULL,
      uscc varchar(18) NOT NULL,
      district_code varchar(6),
      effective_on date NOT NULL,
      data jsonb NOT NULL
    )`);
  await q.query(`
    CREATE FUNCTION "${department}".notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${CHANGE_CHANNEL}', '${department}');
      RETURN NULL;
    END $$`);
  await q.query(`
    CREATE TRIGGER change_outbox_notify AFTER INSERT ON "${department}".change_outbox
      FOR EACH STATEMENT EXECUTE FUNCTION "${department}".notify_change()`);
}

export async function dropChangeOutbox(q: QueryRunner, department: Department): Promise<void> {
  await q.query(`DROP TABLE "${department}".change_outbox`);
  await q.query(`DROP FUNCTION "${department}".notify_change()`);
}
