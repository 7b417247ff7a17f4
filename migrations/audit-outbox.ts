import type { QueryRunner } from 'typeorm';
import type { SchemaOwner } from '../src/shared/database';

/** The audit outbox (AuditOutboxEntity); the same table in every department's schema and the gateway's. */
export async function createAuditOutbox(q: QueryRunner, department: SchemaOwner): Promise<void> {
  await q.query(`
    CREATE TABLE "${department}".audit_outbox (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      request_id varchar NOT NULL,
      client_id varchar NOT NULL,
      client_name varchar NOT NULL,
      role varchar NOT NULL,
      agency varchar,
      district_code varchar,
      purpose varchar,
      field varchar NOT NULL,
      usccs text[] NOT NULL
    )`);
}

export async function dropAuditOutbox(q: QueryRunner, department: SchemaOwner): Promise<void> {
  await q.query(`DROP TABLE "${department}".audit_outbox`);
}
