import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/**
 * The hand-written federated floor (issue 21 §6): what a bank check or batch costs when written by
 * hand with the hub's guarantees and none of its machinery (no GraphQL, no federation, no ORM):
 *
 * 1. one REPEATABLE READ, READ ONLY snapshot that reads the four departments' tables, one statement
 *    per table as the departments' loaders do (market registration and list entries, environment's
 *    rated subject, credit's designations, finance's rules version), then COMMIT;
 * 2. one audit record chained by HMAC-SHA256 to its predecessor, written under a transaction-scoped
 *    advisory lock after reading the chain's head, as AuditTrailService.chain does.
 *
 * The records go to a table of their own (`bench_floor.audit_log`, shaped like gateway.audit_log,
 * its indexes included) under another lock key, so that the floor never touches the hub's chain.
 * The one-join floor (floor.ts) is the other bound: one statement, no snapshot, no audit.
 */
const FLOOR_CHAIN_LOCK = 74_311_999;
const key = randomBytes(32);

export async function prepareFederatedFloor(pool: Pool): Promise<void> {
  await pool.query(`CREATE SCHEMA IF NOT EXISTS bench_floor`);
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_floor.audit_log (LIKE gateway.audit_log INCLUDING DEFAULTS INCLUDING INDEXES INCLUDING CONSTRAINTS)`);
}

interface BankAnswer {
  uscc: string;
  name: string;
  envCredit: { color: string | null } | null;
  creditRestriction: { level: string; restricted: boolean };
}

/** The same columns the departments' loaders select (a wider row costs what the hub's does). */
const READS = {
  registration: `SELECT uscc, name, district_code, industry_code, enterprise_type, legal_representative, legal_representative_id_number, registered_capital, registered_on, address, status, updated_at FROM market.registration WHERE uscc = ANY($1)`,
  listEntries: `SELECT id, uscc, list_type, reason, authority, document_no, listed_on, removed_on, removal_reason, recorded_on, removal_recorded_on FROM market.list_entry WHERE uscc = ANY($1) ORDER BY listed_on, id`,
  rated: `SELECT uscc, subject_kind, district_code, industry_code, rated_from, enrolled_at, known_on, current_color, current_score, current_on, current_since, next_change_on, rating_version FROM environment.rated_subject WHERE uscc = ANY($1)`,
  designations: `SELECT id, uscc, list_type, field, reason, authority, document_no, listed_on, removed_on, removal_reason, recorded_on, removal_recorded_on FROM credit.list_designation WHERE uscc = ANY($1) ORDER BY listed_on, id`,
  rulesVersion: `SELECT version FROM finance.rules_version`,
};

async function readSnapshot(client: PoolClient, usccs: string[]): Promise<BankAnswer[]> {
  await client.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  try {
    const registrations = (await client.query<{ uscc: string; name: string }>(READS.registration, [usccs])).rows;
    await client.query(READS.listEntries, [usccs]);
    const rated = new Map((await client.query<{ uscc: string; current_color: string | null }>(READS.rated, [usccs])).rows.map((row) => [row.uscc, row.current_color]));
    const designated = new Set(
      (await client.query<{ uscc: string; removed_on: string | null }>(READS.designations, [usccs])).rows.filter((row) => row.removed_on === null).map((row) => row.uscc),
    );
    await client.query(READS.rulesVersion);
    await client.query('COMMIT');
    return registrations.map(({ uscc, name }) => {
      const color = rated.get(uscc) ?? null;
      const restricted = color === 'RED' || color === 'BLACK' || designated.has(uscc);
      return { uscc, name, envCredit: rated.has(uscc) ? { color } : null, creditRestriction: { level: restricted ? 'RESTRICTED' : 'NONE', restricted } };
    });
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function appendAudit(client: PoolClient, usccs: string[]): Promise<void> {
  const record = [
    new Date().toISOString(),
    randomUUID(),
    'key:bench',
    'bench bank',
    'BANK',
    null,
    null,
    'LOAN_APPLICATION',
    'BankCheck',
    createHash('sha256').update('BankCheck').digest('hex'),
    'query',
    ['enterprises'],
    ['Query.enterprises', 'Enterprise.uscc', 'Enterprise.name', 'Enterprise.envCredit', 'EnvCredit.color', 'Enterprise.creditRestriction', 'CreditRestriction.level', 'CreditRestriction.restricted'],
    ['environment', 'finance', 'market'],
    [...usccs].sort(),
    'OK',
    [] as string[],
  ] as const;
  await client.query('START TRANSACTION');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [FLOOR_CHAIN_LOCK]);
    const head = (await client.query<{ hash: string }>(`SELECT hash FROM bench_floor.audit_log ORDER BY id DESC LIMIT 1`)).rows[0];
    const prevHash = head?.hash ?? '0'.repeat(64);
    const hash = createHmac('sha256', key)
      .update(JSON.stringify([...record, prevHash]))
      .digest('hex');
    await client.query(
      `INSERT INTO bench_floor.audit_log (at, request_id, client_id, client_name, role, agency, district_code, purpose, operation_name, operation_hash, operation_type,
         top_level_fields, fields, departments, usccs, outcome, error_codes, prev_hash, hash, source_department, source_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, NULL, NULL) RETURNING id`,
      [...record, prevHash, hash],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** The bank check of `usccs` (one code, or a batch of up to 1000): one snapshot, then one chained audit record. */
export async function federatedBankCheck(pool: Pool, usccs: string[]): Promise<BankAnswer[]> {
  const client = await pool.connect();
  try {
    const answer = await readSnapshot(client, usccs);
    await appendAudit(client, usccs);
    return answer;
  } finally {
    client.release();
  }
}
