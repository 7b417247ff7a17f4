import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions, their watch-lists, the messages the relay made from the departments' change
 * outboxes, and every delivery attempt (src/apps/webhooks). The job queue itself is
 * graphile-worker's, in its own `graphile_worker` schema, which that library migrates. Subscriptions
 * are never deleted (a deleted one keeps its history, `deleted_at` set), so rows need no cascade.
 */
export class Webhooks1796121189916 implements MigrationInterface {
  name = 'Webhooks1796121189916';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE gateway.webhook_subscription (
        id bigserial PRIMARY KEY,
        client_id varchar NOT NULL,
        client_name varchar NOT NULL,
        role varchar NOT NULL,
        agency varchar,
        district_code varchar,
        purpose varchar,
        url text NOT NULL,
        event_types text[] NOT NULL,
        scope varchar NOT NULL CONSTRAINT webhook_subscription_scope_check CHECK (scope IN ('ALL', 'DISTRICT', 'WATCHLIST')),
        scope_district varchar(6),
        secret varchar NOT NULL,
        previous_secret varchar,
        previous_secret_until timestamptz,
        active boolean NOT NULL DEFAULT true,
        disabled_at timestamptz,
        disabled_reason text,
        deleted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX webhook_subscription_client_idx ON gateway.webhook_subscription (client_id)`);
    await q.query(`
      CREATE TABLE gateway.webhook_watch (
        subscription_id bigint NOT NULL,
        uscc varchar(18) NOT NULL,
        PRIMARY KEY (subscription_id, uscc)
      )`);
    await q.query(`CREATE INDEX webhook_watch_uscc_idx ON gateway.webhook_watch (uscc)`);
    await q.query(`
      CREATE TABLE gateway.webhook_message (
        id varchar PRIMARY KEY,
        subscription_id bigint NOT NULL,
        source_department varchar NOT NULL,
        source_id bigint NOT NULL,
        type varchar NOT NULL,
        uscc varchar(18) NOT NULL,
        payload text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        status varchar NOT NULL DEFAULT 'PENDING' CONSTRAINT webhook_message_status_check CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        leased_until timestamptz,
        delivered_at timestamptz,
        last_error text,
        CONSTRAINT webhook_message_source_unique UNIQUE (subscription_id, source_department, source_id)
      )`);
    await q.query(`CREATE INDEX webhook_message_subscription_idx ON gateway.webhook_message (subscription_id, created_at)`);
    await q.query(`
      CREATE TABLE gateway.webhook_attempt (
        id bigserial PRIMARY KEY,
        subscription_id bigint NOT NULL,
        message_id varchar,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        attempt int NOT NULL DEFAULT 0,
        outcome varchar NOT NULL CONSTRAINT webhook_attempt_outcome_check CHECK (outcome IN ('DELIVERED', 'FAILED', 'DEAD', 'DISABLED', 'REPLAYED')),
        status_code int,
        error text,
        duration_ms int
      )`);
    await q.query(`CREATE INDEX webhook_attempt_subscription_idx ON gateway.webhook_attempt (subscription_id, id)`);
    await q.query(`
      CREATE TABLE gateway.webhook_restriction_state (
        uscc varchar(18) PRIMARY KEY,
        level varchar NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE gateway.webhook_measure_state (
        uscc varchar(18) PRIMARY KEY,
        codes text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE gateway.webhook_measure_state`);
    await q.query(`DROP TABLE gateway.webhook_restriction_state`);
    await q.query(`DROP TABLE gateway.webhook_attempt`);
    await q.query(`DROP TABLE gateway.webhook_message`);
    await q.query(`DROP TABLE gateway.webhook_watch`);
    await q.query(`DROP TABLE gateway.webhook_subscription`);
  }
}
