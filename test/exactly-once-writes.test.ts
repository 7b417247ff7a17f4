import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatementCounter } from '../src/shared/database';
import { today } from '../src/shared/dates';
import { ratedEnterprise } from './support/fixtures';
import { expectNoLeaks } from './support/leaks';
import { errorCodes, startTestHub, type GraphqlResponse, type TestHub } from './support/test-hub';

/*
 * Exactly-once writes (issue 15): a mutation's audit record is committed with the mutation (the
 * department's outbox) and chained by the gateway afterwards; Idempotency-Key retries run once;
 * the same feedback businessRef twice is refused.
 */

let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub();
});

afterAll(async () => {
  if (hub) expectNoLeaks(hub.responses);
  await hub?.stop();
});

const ADMIN = { key: 'demo-env-admin' };
const BANK = { key: 'demo-bank', purpose: 'CREDIT_REVIEW' };
const RECORD = `mutation Record($input: RecordCreditEventInput!) { recordCreditEvent(input: $input) { event { id } ratingAfter { score } notice { number } } }`;
const FEEDBACK = `mutation Feedback($input: MeasureFeedbackInput!) { reportMeasureFeedback(input: $input) { id businessRef agency } }`;

function ok<T>(response: GraphqlResponse<T>): T {
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data!;
}

const requestIdOf = (response: GraphqlResponse<unknown>) => response.headers!.get('x-request-id')!;

/** Audit records of `field`'s writes to `uscc`, taken from the outboxes. */
const chainedWrites = (uscc: string, field: string) =>
  hub.sql<{ request_id: string; fields: string[]; departments: string[]; source_department: string; outcome: string }>(
    `SELECT request_id, fields, departments, source_department, outcome FROM gateway.audit_log
      WHERE $1 = ANY(usccs) AND $2 = ANY(fields) AND source_id IS NOT NULL ORDER BY id`,
    [uscc, field],
  );

/** Makes every insert into the chain fail (a CHECK that no row passes), as a broken chain writer would. */
async function breakChainWriter(): Promise<void> {
  await hub.sql(`ALTER TABLE gateway.audit_log ADD CONSTRAINT test_chain_writer_down CHECK (false) NOT VALID`);
}

async function repairChainWriter(): Promise<void> {
  await hub.sql(`ALTER TABLE gateway.audit_log DROP CONSTRAINT test_chain_writer_down`);
}

async function verifiedChain(): Promise<void> {
  const verify = ok(await hub.request<{ verifyAuditChain: { ok: boolean } }>(`{ verifyAuditChain { ok } }`, undefined, ADMIN));
  expect(verify.verifyAuditChain.ok).toBe(true);
}

describe('a write and its audit record commit together', () => {
  it('answers a committed write OK while the chain writer fails, and chains its record once it runs, exactly once', async () => {
    const uscc = await ratedEnterprise(hub);
    await breakChainWriter();
    let response: GraphqlResponse<{ recordCreditEvent: { event: { id: string } } }>;
    try {
      response = await hub.request(RECORD, { input: { uscc, type: 'WARNING', occurredOn: today() } }, ADMIN);
      ok(response);
      const waiting = await hub.sql<{ request_id: string; field: string; usccs: string[]; role: string }>(
        `SELECT request_id, field, usccs, role FROM environment.audit_outbox WHERE $1 = ANY(usccs)`,
        [uscc],
      );
      expect(waiting).toEqual([{ request_id: requestIdOf(response), field: 'Mutation.recordCreditEvent', usccs: [uscc], role: 'ENV_ADMIN' }]);
      expect(await chainedWrites(uscc, 'Mutation.recordCreditEvent')).toHaveLength(0);
    } finally {
      await repairChainWriter();
    }

    // A writer that stopped after chaining but before deleting: the row is offered again.
    const [left] = await hub.sql<Record<string, unknown>>(`SELECT * FROM environment.audit_outbox WHERE $1 = ANY(usccs)`, [uscc]);
    await hub.hub.audit.takeOutboxes();
    await hub.sql(
      `INSERT INTO environment.audit_outbox (id, at, request_id, client_id, client_name, role, agency, district_code, purpose, field, usccs)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [left.id, left.at, left.request_id, left.client_id, left.client_name, left.role, left.agency, left.district_code, left.purpose, left.field, left.usccs],
    );
    await hub.hub.audit.takeOutboxes();

    expect(await chainedWrites(uscc, 'Mutation.recordCreditEvent')).toEqual([
      { request_id: requestIdOf(response), fields: ['Mutation.recordCreditEvent'], departments: ['environment'], source_department: 'environment', outcome: 'OK' },
    ]);
    expect(await hub.sql(`SELECT 1 FROM environment.audit_outbox WHERE $1 = ANY(usccs)`, [uscc])).toEqual([]);
    await verifiedChain();
  });

  it('leaves no outbox row for a mutation whose transaction rolls back', async () => {
    const uscc = await ratedEnterprise(hub);
    // Fails at COMMIT, after the feedback row and its outbox row were written in the transaction.
    await hub.sql(`CREATE FUNCTION credit.test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`);
    await hub.sql(
      `CREATE CONSTRAINT TRIGGER test_refuse_commit AFTER INSERT ON credit.measure_feedback DEFERRABLE INITIALLY DEFERRED
       FOR EACH ROW WHEN (NEW.business_ref = 'ROLL-BACK') EXECUTE FUNCTION credit.test_refuse_commit()`,
    );
    await breakChainWriter(); // whatever was committed stays visible in the outbox
    try {
      const input = { uscc, measureCode: 'BANK_CREDIT_STOP', outcome: 'APPLIED', appliedOn: today() };
      const failed = await hub.request(FEEDBACK, { input: { ...input, businessRef: 'ROLL-BACK' } }, BANK);
      expect(errorCodes(failed)).toEqual(['INTERNAL']);
      const committed = await hub.request(FEEDBACK, { input: { ...input, businessRef: 'KEPT-1' } }, BANK);
      ok(committed);
      const outbox = await hub.sql<{ request_id: string; field: string }>(`SELECT request_id, field FROM credit.audit_outbox WHERE $1 = ANY(usccs)`, [uscc]);
      expect(outbox).toEqual([{ request_id: requestIdOf(committed), field: 'Mutation.reportMeasureFeedback' }]);
      expect(await hub.sql(`SELECT business_ref FROM credit.measure_feedback WHERE uscc = $1`, [uscc])).toEqual([{ business_ref: 'KEPT-1' }]);
    } finally {
      await repairChainWriter();
      await hub.sql(`DROP TRIGGER test_refuse_commit ON credit.measure_feedback`);
      await hub.sql(`DROP FUNCTION credit.test_refuse_commit()`);
    }
    await hub.hub.audit.takeOutboxes();
    const chained = await chainedWrites(uscc, 'Mutation.reportMeasureFeedback');
    expect(chained.map((row) => row.source_department)).toEqual(['credit']);
  });
});

describe('the chain writer takes the outboxes a mutation filled, at once', () => {
  const REGISTER = `mutation Register($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { uscc districtCode } }`;

  /** The schemas whose audit_outbox `work` made the hub read or delete from. */
  async function outboxesTouched(work: () => Promise<unknown>): Promise<string[]> {
    const schemas = new Set<string>();
    const stop = StatementCounter.observe((_owner, sql) => {
      for (const match of sql.matchAll(/"?(\w+)"?\."?audit_outbox"?/g)) schemas.add(match[1]);
    });
    try {
      await work();
    } finally {
      stop();
    }
    return [...schemas].sort();
  }

  it("reads only environment's outbox after a credit event, and has chained its record before answering", async () => {
    const uscc = await ratedEnterprise(hub);
    let response: GraphqlResponse<unknown> | undefined;
    const touched = await outboxesTouched(async () => (response = await hub.request(RECORD, { input: { uscc, type: 'WARNING', occurredOn: today() } }, ADMIN)));
    ok(response!);
    expect(touched).toEqual(['environment']);
    expect(await chainedWrites(uscc, 'Mutation.recordCreditEvent')).toEqual([
      { request_id: requestIdOf(response!), fields: ['Mutation.recordCreditEvent'], departments: ['environment'], source_department: 'environment', outcome: 'OK' },
    ]);
  });

  it('chains both departments\' records of a registration move (market, and environment following it) before answering', async () => {
    const uscc = await ratedEnterprise(hub, { district: '320706', division: '320700' });
    await hub.hub.audit.takeOutboxes(); // whatever the fixture left
    const [{ last }] = await hub.sql<{ last: string }>(`SELECT max(id)::text AS last FROM gateway.audit_log`);
    let response: GraphqlResponse<unknown> | undefined;
    const touched = await outboxesTouched(async () => (response = await hub.request(REGISTER, { input: { uscc, name: '迁址企业', districtCode: '320707' } }, { key: 'demo-market' })));
    ok(response!);
    expect(touched).toEqual(['environment', 'market']);
    const chained = await hub.sql<{ source_department: string; fields: string[] }>(
      `SELECT source_department, fields FROM gateway.audit_log WHERE $1 = ANY(usccs) AND source_id IS NOT NULL AND id > $2 ORDER BY id`,
      [uscc, last],
    );
    expect(chained.filter((row) => row.fields.includes('Mutation.registerEnterprise')).map((row) => row.source_department)).toEqual(['market']);
    expect(chained.filter((row) => row.fields.includes('Mutation.followRegistrationDistrict')).map((row) => row.source_department)).toEqual(['environment']);
    expect(await hub.sql(`SELECT 1 FROM market.audit_outbox UNION ALL SELECT 1 FROM environment.audit_outbox`)).toEqual([]);
    await verifiedChain();
  });
});

describe("the gateway's own writes (API clients) commit with their audit record", () => {
  const CREATE = `mutation Create($input: CreateApiClientInput!) { createApiClient(input: $input) { key client { id } } }`;
  const REVOKE = `mutation Revoke($id: ID!) { revokeApiClient(id: $id) { id revokedAt } }`;
  const gatewayOutbox = (field: string) =>
    hub.sql<{ request_id: string; client_id: string }>(`SELECT request_id, client_id FROM gateway.audit_outbox WHERE field = $1 ORDER BY id`, [field]);
  const chainedAdmin = (requestId: string) =>
    hub.sql<{ fields: string[]; source_department: string; outcome: string }>(
      `SELECT fields, source_department, outcome FROM gateway.audit_log WHERE request_id = $1 AND source_id IS NOT NULL`,
      [requestId],
    );

  it('answers a created key while the chain writer fails (the key works), and chains its record exactly once afterwards', async () => {
    await breakChainWriter();
    let created: GraphqlResponse<{ createApiClient: { key: string; client: { id: string } } }>;
    try {
      created = await hub.request(CREATE, { input: { name: 'Outbox test bank', role: 'BANK' } }, ADMIN);
      ok(created);
      expect((await gatewayOutbox('Mutation.createApiClient')).map((row) => row.request_id)).toContain(requestIdOf(created));
    } finally {
      await repairChainWriter();
    }
    const bank = await hub.request(`{ enterprise(uscc: "91320700MA1Q3K7P2H") { uscc } }`, undefined, { key: created.data!.createApiClient.key, purpose: 'CREDIT_REVIEW' });
    expect(bank.status).toBe(200);
    await hub.hub.audit.takeOutboxes();
    await hub.hub.audit.takeOutboxes();
    expect(await chainedAdmin(requestIdOf(created))).toEqual([{ fields: ['Mutation.createApiClient'], source_department: 'gateway', outcome: 'OK' }]);
    expect(await gatewayOutbox('Mutation.createApiClient')).toEqual([]);
    await verifiedChain();
  });

  it('leaves the client active and no outbox row when a revocation rolls back, and records a refused one as FAILED only', async () => {
    const created = ok(await hub.request<{ createApiClient: { key: string; client: { id: string } } }>(CREATE, { input: { name: 'ROLL-BACK', role: 'BANK' } }, ADMIN));
    const id = created.createApiClient.client.id;
    await hub.sql(`CREATE FUNCTION gateway.test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$`);
    await hub.sql(
      `CREATE CONSTRAINT TRIGGER test_refuse_commit AFTER UPDATE ON gateway.api_client DEFERRABLE INITIALLY DEFERRED
       FOR EACH ROW WHEN (NEW.name = 'ROLL-BACK' AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION gateway.test_refuse_commit()`,
    );
    let failed: GraphqlResponse<unknown>;
    try {
      failed = await hub.request(REVOKE, { id }, ADMIN);
      expect(errorCodes(failed)).toEqual(['INTERNAL']);
    } finally {
      await hub.sql(`DROP TRIGGER test_refuse_commit ON gateway.api_client`);
      await hub.sql(`DROP FUNCTION gateway.test_refuse_commit()`);
    }
    expect(await hub.sql(`SELECT revoked_at FROM gateway.api_client WHERE id = $1`, [id])).toEqual([{ revoked_at: null }]);
    expect(await gatewayOutbox('Mutation.revokeApiClient')).toEqual([]);
    await hub.hub.audit.takeOutboxes();
    const attempt = await hub.sql<{ outcome: string; source_id: string | null }>(`SELECT outcome, source_id FROM gateway.audit_log WHERE request_id = $1`, [requestIdOf(failed)]);
    expect(attempt).toEqual([{ outcome: 'FAILED', source_id: null }]);

    const revoked = await hub.request<{ revokeApiClient: { revokedAt: string | null } }>(REVOKE, { id }, ADMIN);
    expect(ok(revoked).revokeApiClient.revokedAt).not.toBeNull();
    await hub.hub.audit.takeOutboxes();
    expect(await chainedAdmin(requestIdOf(revoked))).toEqual([{ fields: ['Mutation.revokeApiClient'], source_department: 'gateway', outcome: 'OK' }]);
  });
});

describe('Idempotency-Key', () => {
  const withKey = (key: string, extra: Record<string, string> = {}) => ({ ...ADMIN, headers: { 'idempotency-key': key, ...extra } });

  it('answers a retry with the first answer and records the event once', async () => {
    const uscc = await ratedEnterprise(hub);
    const input = { uscc, type: 'WARNING', occurredOn: today(), decisionNo: `WARN-${uscc.slice(-6)}` };
    const key = `retry-${uscc}`;
    const first = await hub.request<{ recordCreditEvent: { event: { id: string } } }>(RECORD, { input }, withKey(key));
    const retry = await hub.request<{ recordCreditEvent: { event: { id: string } } }>(RECORD, { input }, withKey(key));
    expect(ok(retry)).toEqual(ok(first));
    expect(retry.headers!.get('idempotent-replayed')).toBe('true');
    expect(await hub.sql(`SELECT count(*)::int AS n FROM environment.credit_event WHERE uscc = $1`, [uscc])).toEqual([{ n: 1 }]);
    await hub.hub.audit.takeOutboxes();
    expect(await chainedWrites(uscc, 'Mutation.recordCreditEvent')).toHaveLength(1);
  });

  it('runs concurrent duplicates once', async () => {
    const uscc = await ratedEnterprise(hub);
    const input = { uscc, type: 'WARNING', occurredOn: today() };
    const key = `concurrent-${uscc}`;
    const answers = await Promise.all([1, 2, 3].map(() => hub.request<{ recordCreditEvent: { event: { id: string } } }>(RECORD, { input }, withKey(key))));
    const ids = answers.map((answer) => ok(answer).recordCreditEvent.event.id);
    expect(new Set(ids).size).toBe(1);
    expect(await hub.sql(`SELECT count(*)::int AS n FROM environment.credit_event WHERE uscc = $1`, [uscc])).toEqual([{ n: 1 }]);
  });

  it('refuses the same key with another body, and a malformed key', async () => {
    const uscc = await ratedEnterprise(hub);
    const key = `reuse-${uscc}`;
    ok(await hub.request(RECORD, { input: { uscc, type: 'WARNING', occurredOn: today() } }, withKey(key)));
    const other = await hub.request(RECORD, { input: { uscc, type: 'WARNING', occurredOn: today(), description: 'another' } }, withKey(key));
    expect(other.status).toBe(400);
    expect(errorCodes(other)).toEqual(['BAD_USER_INPUT']);
    expect(other.errors![0].message).toContain(`Idempotency-Key "${key}" was already used with another request body`);
    const malformed = await hub.request(RECORD, { input: { uscc, type: 'WARNING', occurredOn: today() } }, withKey('x'.repeat(256)));
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(await hub.sql(`SELECT count(*)::int AS n FROM environment.credit_event WHERE uscc = $1`, [uscc])).toEqual([{ n: 1 }]);
  });

  it('keeps keys per client: another client with the same key runs its own request', async () => {
    const uscc = await ratedEnterprise(hub);
    const key = `shared-${uscc}`;
    const input = { uscc, measureCode: 'BANK_CREDIT_STOP', outcome: 'APPLIED', appliedOn: today(), businessRef: `B-${uscc}` };
    ok(await hub.request(FEEDBACK, { input }, { ...BANK, headers: { 'idempotency-key': key } }));
    const office = await hub.request<{ reportMeasureFeedback: { agency: string } }>(
      FEEDBACK,
      { input: { ...input, onBehalfOf: 'Another bank' } },
      { key: 'demo-credit-office', headers: { 'idempotency-key': key } },
    );
    expect(ok(office).reportMeasureFeedback.agency).toBe('Another bank');
    expect(await hub.sql(`SELECT count(*)::int AS n FROM credit.measure_feedback WHERE uscc = $1`, [uscc])).toEqual([{ n: 2 }]);
  });
});

describe('natural duplicates', () => {
  it('refuses the same feedback businessRef twice for an agency, measure and subject', async () => {
    const uscc = await ratedEnterprise(hub);
    const input = { uscc, measureCode: 'BANK_CREDIT_STOP', outcome: 'APPLIED', appliedOn: today(), businessRef: 'LOAN-2026-0042' };
    ok(await hub.request(FEEDBACK, { input }, BANK));
    const again = await hub.request(FEEDBACK, { input }, BANK);
    expect(again.status).toBe(400);
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors![0].message).toContain('businessRef "LOAN-2026-0042" was already reported');
    // Without a businessRef, or with another one, nothing is refused.
    ok(await hub.request(FEEDBACK, { input: { ...input, businessRef: 'LOAN-2026-0043' } }, BANK));
    ok(await hub.request(FEEDBACK, { input: { ...input, businessRef: null } }, BANK));
    expect(await hub.sql(`SELECT business_ref FROM credit.measure_feedback WHERE uscc = $1 ORDER BY id`, [uscc])).toEqual([
      { business_ref: 'LOAN-2026-0042' },
      { business_ref: 'LOAN-2026-0043' },
      { business_ref: null },
    ]);
  });
});
